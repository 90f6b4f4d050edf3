/**
 * The scanner's inner loop over one text (a file, a chunk of `git log -p`, a CI log). One regex
 * pass finds the lines that hold a keyword (the prefilter, see `compile.ts`); only those lines are
 * cut out and matched, and only against the rules their keywords name. Lines longer than
 * {@link LONG_LINE} (minified bundles) are matched in windows around each keyword, so one huge
 * line costs as much as its keywords, not more.
 */
import type { CompiledRule, CompiledRules } from './compile.js';
import { ALLOW_MARKER, acceptSecret, type LineMatch, matchLine } from './match-line.js';
import { readPemBody } from './pem.js';
import type { SecretRule } from './types.js';

/** Above this many characters a line is matched in windows around its keyword hits. */
export const LONG_LINE = 4096;
/** Window around a hit: a key name may start before the keyword, a value runs after it. */
const WINDOW_BEFORE = 256;
const WINDOW_AFTER = 1024;

/** One secret in a text: offsets into that text. */
export interface TextHit {
  rule: SecretRule;
  secret: string;
  /** Offset of the start of the line (including any patch prefix). */
  lineStart: number;
  /** Offset of the secret's first character. */
  offset: number;
}

export interface ScanTextOptions {
  /**
   * `patch`: the text is `git log -p` output; only added lines (`+…`) are read, and matched
   * without their `+`. Default `plain`: every line.
   */
  mode?: 'plain' | 'patch';
  /** Whether the line starting at this offset is content to scan (patch: inside a hunk). */
  acceptLine?: (lineStart: number) => boolean;
}

/** Merged windows around hit positions, clipped to [start, end). */
function windowsAround(hits: readonly number[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  for (const h of hits) {
    const ws = Math.max(start, h - WINDOW_BEFORE);
    const we = Math.min(end, h + WINDOW_AFTER);
    const last = out[out.length - 1];
    if (last && ws <= last[1]) last[1] = Math.max(last[1], we);
    else out.push([ws, we]);
  }
  return out;
}

/** Multi-line rules (PEM): the marker on this line, the body on the next ones. */
function matchMultiline(
  text: string, c: CompiledRule, from: number, segment: string, lineEnd: number, prefix: number,
): LineMatch[] {
  const out: LineMatch[] = [];
  c.re.lastIndex = 0;
  for (let m = c.re.exec(segment); m; m = c.re.exec(segment)) {
    const body = readPemBody(text, from + m.index + m[0].length, lineEnd, prefix);
    if (body && acceptSecret(c.rule, body, { match: m[0], groups: m, line: segment })) {
      out.push({ compiled: c, secret: body, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/** Per-scan scratch space: which rules a line's keywords named (marks by generation). */
class Candidates {
  private readonly marks: Uint32Array;
  private generation = 0;
  readonly list: CompiledRule[] = [];
  readonly hits: number[] = [];

  constructor(private readonly compiled: CompiledRules) {
    this.marks = new Uint32Array(compiled.rules.length);
  }

  /** Collects the keywords of `body` (offset `base` in the text) and the rules they name. */
  collect(body: string, base: number): void {
    this.generation += 1;
    this.list.length = 0;
    this.hits.length = 0;
    const kw = this.compiled.prefilter;
    kw.lastIndex = 0;
    // Bounded: each turn moves one character past the previous hit.
    for (let m = kw.exec(body); m; m = kw.exec(body)) {
      kw.lastIndex = m.index + 1; // overlapping keywords (`dd_api` inside `dd_api_key`) all count
      this.hits.push(base + m.index);
      for (const c of this.compiled.byKeyword.get(m[0].toLowerCase()) ?? []) {
        if (this.marks[c.index] !== this.generation) {
          this.marks[c.index] = this.generation;
          this.list.push(c);
        }
      }
    }
    if (this.list.length > 1) this.list.sort((a, b) => a.index - b.index);
  }
}

/** Matches one line (all of it, or windows of it) against the rules its keywords named. */
function matchSpan(
  text: string, lineStart: number, lineEnd: number, prefix: number, cands: Candidates, out: TextHit[],
): void {
  const bodyStart = lineStart + prefix;
  const body = text.slice(bodyStart, lineEnd);
  if (body.includes(ALLOW_MARKER)) return;
  cands.collect(body, bodyStart);
  if (cands.list.length === 0) return;
  const spans: [number, number][] = lineEnd - bodyStart <= LONG_LINE
    ? [[bodyStart, lineEnd]]
    : windowsAround(cands.hits, bodyStart, lineEnd);
  let single: CompiledRule[] = cands.list;
  let multi: CompiledRule[] = [];
  if (cands.list.some((c) => c.rule.multiline)) {
    single = cands.list.filter((c) => !c.rule.multiline);
    multi = cands.list.filter((c) => c.rule.multiline);
  }
  const seen = new Set<number>();
  for (const [s, e] of spans) {
    const segment = s === bodyStart && e === lineEnd ? body : text.slice(s, e);
    const found = single.length ? matchLine(segment, single) : [];
    for (const c of multi) found.push(...matchMultiline(text, c, s, segment, lineEnd, prefix));
    for (const m of found) {
      const offset = s + m.start;
      if (seen.has(offset)) continue;
      seen.add(offset);
      out.push({ rule: m.compiled.rule, secret: m.secret, lineStart, offset });
    }
  }
}

/**
 * Every secret in `text`, in text order. Pure and synchronous: the compiled regexes' `lastIndex`
 * is reset before each use, so one compilation serves any number of sequential scans.
 */
export function scanText(text: string, compiled: CompiledRules, opts: ScanTextOptions = {}): TextHit[] {
  const patch = opts.mode === 'patch';
  const prefix = patch ? 1 : 0;
  // Lower-casing keeps every offset for latin1 text (all our sources decode bytes as latin1);
  // for other text it may not (`İ` becomes two characters), so the `i` filter runs instead.
  const lower = text.toLowerCase();
  const sameOffsets = lower.length === text.length;
  const hay = sameOffsets ? lower : text;
  const re = sameOffsets
    ? (patch ? compiled.lowerAddedLineFilter : compiled.lowerLineFilter)
    : (patch ? compiled.addedLineFilter : compiled.lineFilter);
  const cands = new Candidates(compiled);
  const out: TextHit[] = [];
  re.lastIndex = 0;
  // Bounded: each match ends at a line end and the next search starts after it.
  for (let m = re.exec(hay); m; m = re.exec(hay)) {
    const lineEnd = m.index + m[0].length;
    const lineStart = patch ? m.index : text.lastIndexOf('\n', m.index - 1) + 1;
    if (re.lastIndex === m.index) re.lastIndex += 1;
    if (opts.acceptLine && !opts.acceptLine(lineStart)) continue;
    matchSpan(text, lineStart, lineEnd, prefix, cands, out);
  }
  return out;
}

/** 1-based line and column of each hit, counted incrementally (hits arrive in text order). */
export function withLineNumbers<T extends TextHit>(text: string, hits: readonly T[]): (T & { line: number; column: number })[] {
  let line = 1;
  let counted = 0;
  return hits.map((h) => {
    for (let p = text.indexOf('\n', counted); p >= 0 && p < h.lineStart; p = text.indexOf('\n', p + 1)) {
      line += 1;
      counted = p + 1;
    }
    if (counted < h.lineStart) counted = h.lineStart;
    return { ...h, line, column: h.offset - h.lineStart + 1 };
  });
}
