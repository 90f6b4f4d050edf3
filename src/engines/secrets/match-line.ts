/**
 * Runs candidate rules over one line (or one window of a very long line) and keeps what survives
 * the allowlists, the placeholder test, the entropy gate and each rule's validator. When two rules
 * claim overlapping text the earlier rule wins, so the generic rule never doubles a specific one.
 */
import type { CompiledRule } from './compile.js';
import { shannonEntropy } from './entropy.js';
import { looksLikePlaceholder } from './placeholders.js';
import type { MatchContext, SecretRule } from './types.js';

/** The inline marker that accepts every finding on its line (`// launchready:allow`). */
export const ALLOW_MARKER = 'launchready:allow';

/** A surviving match: offsets are within the string that was matched. */
export interface LineMatch {
  compiled: CompiledRule;
  secret: string;
  start: number;
  end: number;
}

/** Whether a candidate value counts as a secret for `rule`. */
export function acceptSecret(rule: SecretRule, secret: string, ctx: MatchContext): boolean {
  if (rule.allowlist?.values?.includes(secret)) return false;
  if (rule.allowlist?.patterns?.some((p) => p.test(secret))) return false;
  // Cheapest refusals first: most candidates of generic shapes fail the entropy gate or the
  // rule's own judgement before the placeholder test is worth running.
  if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) return false;
  if (rule.validate && !rule.validate(secret, ctx)) return false;
  return !looksLikePlaceholder(secret);
}

const overlaps = (ms: readonly LineMatch[], start: number, end: number) =>
  ms.some((m) => start < m.end && m.start < end);

/**
 * Matches `candidates` (in precedence order) against `line`. Multi-line rules are not run here:
 * the text scanner reads their following lines itself.
 */
export function matchLine(line: string, candidates: readonly CompiledRule[]): LineMatch[] {
  const out: LineMatch[] = [];
  // Spans a specific format recognised and refused (a documented example, a placeholder): the
  // generic rule must not report them in its stead.
  const refused: LineMatch[] = [];
  for (const c of candidates) {
    if (c.rule.multiline) continue;
    const re = c.re;
    re.lastIndex = 0;
    // Bounded: each turn moves lastIndex forward by at least one character.
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      const secret = m[c.group];
      const span = m.indices?.[c.group];
      if (!secret || !span) continue;
      const [start, end] = span;
      if (overlaps(out, start, end)) continue;
      if (c.rule.generic && overlaps(refused, start, end)) continue;
      if (!acceptSecret(c.rule, secret, { match: m[0], groups: m, line })) {
        if (!c.rule.generic) refused.push({ compiled: c, secret, start, end });
        continue;
      }
      out.push({ compiled: c, secret, start, end });
    }
  }
  return out;
}
