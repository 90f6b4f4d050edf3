/**
 * The scanner's inner loop over one text (a file, a chunk of `git log -p`, a CI log). The keyword
 * prefilter runs once over the whole text; only lines it hits are cut out and matched, and only
 * against the rules their keywords name. Lines longer than {@link LONG_LINE} (minified bundles)
 * are matched in windows around each hit, so one huge line costs as much as its hits, not more.
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
  /** Characters at the start of each line that are not content (1 for `+` in a patch). */
  prefix?: number;
  /** Whether the line starting at this offset is content to scan (patch: added lines only). */
  acceptLine?: (lineStart: number) => boolean;
}

/** Rules named by the keywords hit on one line, deduplicated, in precedence order. */
function candidatesOf(keywords: ReadonlySet<string>, compiled: CompiledRules): CompiledRule[] {
  const seen = new Set<CompiledRule>();
  for (const k of keywords) for (const c of compiled.byKeyword.get(k) ?? []) seen.add(c);
  return [...seen].sort((a, b) => a.index - b.index);
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
  text: string, c: CompiledRule, from: number, to: number, lineEnd: number, prefix: number,
): LineMatch[] {
  const out: LineMatch[] = [];
  const segment = text.slice(from, to);
  c.re.lastIndex = 0;
  for (let m = c.re.exec(segment); m; m = c.re.exec(segment)) {
    const body = readPemBody(text, from + m.index + m[0].length, lineEnd, prefix);
    if (body && acceptSecret(c.rule, body, { match: m[0], groups: m, line: segment })) {
      out.push({ compiled: c, secret: body, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/** Matches one line (all of it, or windows of it) against its candidate rules. */
function matchSpan(
  text: string, lineStart: number, lineEnd: number, prefix: number,
  candidates: readonly CompiledRule[], hits: readonly number[], out: TextHit[],
): void {
  const bodyStart = lineStart + prefix;
  const marker = text.indexOf(ALLOW_MARKER, bodyStart);
  if (marker >= 0 && marker < lineEnd) return;
  const spans: [number, number][] = lineEnd - bodyStart <= LONG_LINE
    ? [[bodyStart, lineEnd]]
    : windowsAround(hits, bodyStart, lineEnd);
  const single = candidates.filter((c) => !c.rule.multiline);
  const multi = candidates.filter((c) => c.rule.multiline);
  const seen = new Set<number>();
  for (const [s, e] of spans) {
    const found = single.length ? matchLine(text.slice(s, e), single) : [];
    for (const c of multi) found.push(...matchMultiline(text, c, s, e, lineEnd, prefix));
    for (const m of found) {
      const offset = s + m.start;
      if (seen.has(offset)) continue;
      seen.add(offset);
      out.push({ rule: m.compiled.rule, secret: m.secret, lineStart, offset });
    }
  }
}

/**
 * Every secret in `text`, in text order. Pure and synchronous: the compiled rules' `lastIndex`
 * state is reset before each use, so one compilation serves any number of sequential scans.
 */
export function scanText(text: string, compiled: CompiledRules, opts: ScanTextOptions = {}): TextHit[] {
  const prefix = opts.prefix ?? 0;
  const out: TextHit[] = [];
  const pre = compiled.prefilter;
  let lineStart = -1;
  let lineEnd = -1;
  let keywords = new Set<string>();
  let hits: number[] = [];
  const flush = () => {
    if (lineStart >= 0 && keywords.size > 0) {
      matchSpan(text, lineStart, lineEnd, prefix, candidatesOf(keywords, compiled), hits, out);
    }
    keywords = new Set();
    hits = [];
  };
  pre.lastIndex = 0;
  // Bounded: every turn moves lastIndex forward (by one character, or to the next line).
  for (let m = pre.exec(text); m; m = pre.exec(text)) {
    const pos = m.index;
    pre.lastIndex = pos + 1; // overlapping keywords (`dd_api` inside `dd_api_key`) all count
    if (pos >= lineEnd) {
      flush();
      lineStart = text.lastIndexOf('\n', pos - 1) + 1;
      lineEnd = text.indexOf('\n', pos);
      if (lineEnd < 0) lineEnd = text.length;
      if (opts.acceptLine && !opts.acceptLine(lineStart)) {
        lineStart = -1;
        pre.lastIndex = lineEnd + 1;
        continue;
      }
    }
    keywords.add(m[0].toLowerCase());
    hits.push(pos);
  }
  flush();
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
