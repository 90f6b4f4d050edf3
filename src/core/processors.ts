/** Result processors applied after every run, in order: ignore, dedupe, redact, sort. */
import { redactDeep } from './redact.js';
import { SEVERITIES, type CheckResult, type Summary } from './types.js';

/** Drops failures whose fingerprint is accepted (config `audit.ignore` or a `--baseline` file). */
export function ignoreAccepted(results: CheckResult[], accepted: ReadonlySet<string>): CheckResult[] {
  if (accepted.size === 0) return results;
  return results.filter((r) => !(r.status === 'fail' && accepted.has(r.fingerprint)));
}

/** One result per check, target and cause: a probe shared by two loops must not double-count. */
export function dedupe(results: CheckResult[]): CheckResult[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const key = `${r.check}|${r.target}|${r.status}|${r.fingerprint}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Backstop: no known secret value survives in any field of any result. */
export function redactResults(results: CheckResult[], secrets: string[]): CheckResult[] {
  return redactDeep(results, secrets);
}

const STATUS_ORDER = { fail: 0, error: 1, skip: 2, pass: 3 } as const;

/** Worst first: failures by severity, then errors, skips, passes; then by check and target. */
export function sortResults(results: CheckResult[]): CheckResult[] {
  const sev = (r: CheckResult) => (r.severity ? SEVERITIES.indexOf(r.severity) : SEVERITIES.length);
  return [...results].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      sev(a) - sev(b) ||
      a.check.localeCompare(b.check) ||
      a.target.localeCompare(b.target),
  );
}

/** Weights behind the 0–100 score: one blocker costs a quarter of it. */
const PENALTY: Record<string, number> = { blocker: 25, high: 10, medium: 4, low: 1, info: 0 };

export function summarize(results: CheckResult[]): Summary {
  const s: Summary = { blocker: 0, high: 0, medium: 0, low: 0, info: 0, pass: 0, skip: 0, error: 0, score: 100 };
  let penalty = 0;
  for (const r of results) {
    if (r.status === 'fail' && r.severity) {
      s[r.severity] += 1;
      penalty += PENALTY[r.severity];
    } else if (r.status !== 'fail') {
      s[r.status] += 1;
    }
  }
  s.score = Math.max(0, 100 - penalty);
  return s;
}

/** Applies every processor in order. */
export function processResults(
  results: CheckResult[],
  opts: { accepted?: ReadonlySet<string>; secrets?: string[] } = {},
): CheckResult[] {
  return sortResults(redactResults(dedupe(ignoreAccepted(results, opts.accepted ?? new Set())), opts.secrets ?? []));
}
