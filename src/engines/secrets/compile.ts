/**
 * Turns rules (data) into what the scanner runs: one case-insensitive alternation of every
 * keyword — the prefilter, which skips every line that names no format — and a global copy of
 * each rule's regex with match indices. Compiled once per scan, never shared between scans.
 */
import type { SecretRule } from './types.js';

/** A rule ready to run: its position decides precedence (earlier wins an overlap). */
export interface CompiledRule {
  rule: SecretRule;
  index: number;
  /** The rule's regex with `g` and `d`; `lastIndex` is reset before every use. */
  re: RegExp;
  group: number;
}

export interface CompiledRules {
  rules: readonly CompiledRule[];
  /** Every keyword in one case-insensitive global regex, factored as a trie (see below). */
  prefilter: RegExp;
  /**
   * The prefilter as the scanner runs it, one match per line: from a line's first keyword to
   * its end (`gi`). Returning to JavaScript once per line rather than once per keyword is what
   * keeps dense code fast.
   */
  lineFilter: RegExp;
  /** Patch variant: whole added lines (`^+…`) holding a keyword (`gim`); other lines cost nothing. */
  addedLineFilter: RegExp;
  /**
   * The two filters without `i`, for text already in lower case: irregexp matches
   * case-sensitively faster than lower-casing costs (the scanner lower-cases latin1 text, where
   * that keeps every offset).
   */
  lowerLineFilter: RegExp;
  lowerAddedLineFilter: RegExp;
  /**
   * Lower-case keyword → rules that name it or any keyword that is a prefix of it (the prefilter
   * reports the longest keyword at a position), in precedence order.
   */
  byKeyword: ReadonlyMap<string, readonly CompiledRule[]>;
}

interface Trie {
  next: Map<string, Trie>;
  end: boolean;
}

/**
 * Regex source of a trie of `words`: `a(?:ws|iza|kia)|g(?:h[opsur]_|…)`. Irregexp tries the
 * alternatives of a flat alternation one after another at every position; factored by common
 * prefixes it decides on the first character, which makes the prefilter several times faster.
 */
export function trieSource(words: readonly string[]): string {
  const root: Trie = { next: new Map(), end: false };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Trie): string => {
    const alts = [...node.next.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ch, child]) => `${escapeRegExp(ch)}${emit(child)}`);
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    // A word may end here: what follows is optional (greedy, so the longest keyword is reported).
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

const ASCII_KEYWORD = /^[\x20-\x7e]+$/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles `rules` in order (specific formats before generic ones).
 * @throws when a rule has no keyword, a keyword that is not lower-case ASCII, or a duplicate id.
 */
export function compileRules(rules: readonly SecretRule[]): CompiledRules {
  const ids = new Set<string>();
  const byKeyword = new Map<string, CompiledRule[]>();
  const compiled = rules.map((rule, index): CompiledRule => {
    if (ids.has(rule.id)) throw new Error(`secret rule "${rule.id}" is declared twice`);
    ids.add(rule.id);
    if (rule.keywords.length === 0) throw new Error(`secret rule "${rule.id}" has no keyword`);
    const flags = `${rule.regex.flags.replace(/[gdy]/g, '')}gd`;
    const c: CompiledRule = { rule, index, re: new RegExp(rule.regex.source, flags), group: rule.secretGroup ?? 1 };
    for (const k of rule.keywords) {
      // The prefilter only sees ASCII: a keyword outside it could never match case-insensitively
      // the way the scanner assumes.
      if (!ASCII_KEYWORD.test(k) || k !== k.toLowerCase()) {
        throw new Error(`secret rule "${rule.id}": keyword "${k}" must be lower-case ASCII`);
      }
      const list = byKeyword.get(k) ?? [];
      list.push(c);
      byKeyword.set(k, list);
    }
    return c;
  });
  const keywords = [...byKeyword.keys()];
  // A keyword that starts with a shorter one also stands for it (`dd_api` hit, `dd_` rules run).
  const withPrefixes = new Map<string, CompiledRule[]>();
  for (const k of keywords) {
    const rulesOf = keywords.filter((p) => k.startsWith(p)).flatMap((p) => byKeyword.get(p) ?? []);
    withPrefixes.set(k, [...new Set(rulesOf)].sort((a, b) => a.index - b.index));
  }
  const trie = trieSource(keywords);
  return {
    rules: compiled,
    prefilter: new RegExp(trie, 'gi'),
    lineFilter: new RegExp(`(?:${trie})[^\\n]*`, 'gi'),
    addedLineFilter: new RegExp(`^\\+[^\\n]*?(?:${trie})[^\\n]*`, 'gim'),
    lowerLineFilter: new RegExp(`(?:${trie})[^\\n]*`, 'g'),
    lowerAddedLineFilter: new RegExp(`^\\+[^\\n]*?(?:${trie})[^\\n]*`, 'gm'),
    byKeyword: withPrefixes,
  };
}
