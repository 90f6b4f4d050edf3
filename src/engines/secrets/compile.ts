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
  /** Alternation of every keyword (`gi`), longest first. */
  prefilter: RegExp;
  /** Lower-case keyword → rules that name it, in precedence order. */
  byKeyword: ReadonlyMap<string, readonly CompiledRule[]>;
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
  const keywords = [...byKeyword.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return {
    rules: compiled,
    prefilter: new RegExp(keywords.map(escapeRegExp).join('|'), 'gi'),
    byKeyword,
  };
}
