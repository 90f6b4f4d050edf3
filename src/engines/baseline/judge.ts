/**
 * The verdicts the perf checks, the `baseline` command and the report share: is an endpoint over
 * its p95 budget, is its error rate over 2 %, did its 429/503 answers say when to come back.
 * Pure: a run's numbers in, a verdict with structured evidence out.
 */
import { ERROR_RATE_BUDGET, MIN_SAMPLES } from './settings.js';
import type { AnswerSample, EndpointBaseline } from './types.js';

export type Verdict =
  | { status: 'pass'; evidence: Record<string, unknown> }
  | { status: 'fail'; messageId: string; evidence: Record<string, unknown> }
  /** Not measurable: too few answers. `code` and `message` say why. */
  | { status: 'error'; code: string; message: string; evidence: Record<string, unknown> };

/** Above this share of timeouts, the p95 itself is a timeout: the histogram never saw those requests. */
const TIMEOUT_SHARE_IN_P95 = 0.05;

const request = (e: EndpointBaseline) => `${e.method} ${e.path}`;
const pct = (ratio: number) => Math.round(ratio * 10_000) / 100;
/** Milliseconds as shown: whole above 10 ms, one decimal below. */
export const showMs = (ms: number): string => (ms >= 10 ? String(Math.round(ms)) : ms.toFixed(1));

function errorsSummary(e: EndpointBaseline): string {
  const kinds = Object.entries(e.errorsByKind).map(([k, n]) => `${k} ${n}`);
  return kinds.length ? kinds.join(', ') : 'none';
}

/** Too few answers to judge, or undefined when there are enough. */
function tooFew(e: EndpointBaseline, what: 'answers' | 'requests'): Verdict | undefined {
  const n = what === 'answers' ? e.latencyMs.count : e.requests;
  if (n >= MIN_SAMPLES) return undefined;
  return {
    status: 'error',
    code: 'FEW_SAMPLES',
    message: `${e.name}: only ${n} of ${e.requests} requests got an answer (errors: ${errorsSummary(e)}); at least ${MIN_SAMPLES} are needed to judge`,
    evidence: { endpoint: e.name, request: request(e), requests: e.requests, answered: e.latencyMs.count, errorsByKind: e.errorsByKind },
  };
}

/**
 * The p95 to judge: the measured one, or — when more than 5 % of the requests timed out, so the
 * histogram never saw the slowest 5 % — at least the timeout.
 */
export function effectiveP95(e: EndpointBaseline, timeoutMs: number): { p95Ms: number; atLeast: boolean } {
  const timeouts = e.errorsByKind.timeout ?? 0;
  if (e.requests > 0 && timeouts / e.requests > TIMEOUT_SHARE_IN_P95) return { p95Ms: Math.max(e.latencyMs.p95, timeoutMs), atLeast: true };
  return { p95Ms: e.latencyMs.p95, atLeast: false };
}

/** p95 against the endpoint's budget (300 ms read, 800 ms write); passes below it. */
export function judgeLatency(e: EndpointBaseline, timeoutMs: number): Verdict {
  const few = tooFew(e, 'answers');
  if (few) return few;
  const { p95Ms, atLeast } = effectiveP95(e, timeoutMs);
  const evidence = {
    endpoint: e.name,
    request: request(e),
    kind: e.kind,
    requests: e.requests,
    p50Ms: e.latencyMs.p50,
    p95Ms,
    p99Ms: e.latencyMs.p99,
    maxMs: e.latencyMs.max,
    budgetMs: e.budgetMs,
    expected: `p95 < ${e.budgetMs} ms`,
    actual: `p95 ${atLeast ? '≥ ' : ''}${showMs(p95Ms)} ms`,
    ...(atLeast ? { timeouts: e.errorsByKind.timeout } : {}),
  };
  if (p95Ms < e.budgetMs) return { status: 'pass', evidence };
  return { status: 'fail', messageId: atLeast ? 'timesOut' : 'overBudget', evidence };
}

/** Error rate against the 2 % budget; every status ≥ 400 (429 too) and every transport failure counts. */
export function judgeErrorRate(e: EndpointBaseline): Verdict {
  const few = tooFew(e, 'requests');
  if (few) return few;
  const errorStatuses = Object.fromEntries(Object.entries(e.statusCounts).filter(([s]) => Number(s) >= 400));
  const evidence = {
    endpoint: e.name,
    request: request(e),
    requests: e.requests,
    errors: e.errors,
    errorRatePct: pct(e.errorRate),
    budgetPct: pct(ERROR_RATE_BUDGET),
    errorStatuses,
    errorsByKind: e.errorsByKind,
    expected: `error rate < ${pct(ERROR_RATE_BUDGET)} %`,
    actual: `${e.errors} of ${e.requests} failed (${pct(e.errorRate)} %): ${errorsSummary(e)}`,
  };
  if (e.errorRate < ERROR_RATE_BUDGET) return { status: 'pass', evidence };
  return { status: 'fail', messageId: 'overBudget', evidence };
}

// RFC 9110 §10.2.3: Retry-After = HTTP-date / delay-seconds. §5.6.7: an HTTP-date is sent as
// IMF-fixdate; recipients also accept the obsolete RFC 850 and asctime forms.
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

/** Whether a `Retry-After` value is delay-seconds or an HTTP-date that parses. */
export function validRetryAfter(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim();
  if (/^\d{1,10}$/.test(v)) return true;
  return HTTP_DATE.test(v) && !Number.isNaN(Date.parse(v));
}

/** Statuses that tell a client to back off and should say for how long. */
export const BACK_OFF_STATUSES: readonly number[] = [429, 503];

/**
 * Every 429/503 the endpoint answered during the baseline carries a valid `Retry-After`. Nothing
 * of the kind seen: pass, with a note (nothing to judge is not a finding).
 */
export function judgeRetryAfter(e: EndpointBaseline): Verdict {
  const seen = BACK_OFF_STATUSES.filter((s) => (e.statusCounts[String(s)] ?? 0) > 0);
  const base = { endpoint: e.name, request: request(e), expected: '429/503 answers carry Retry-After (seconds or an HTTP-date)' };
  if (seen.length === 0) return { status: 'pass', evidence: { ...base, note: 'no 429 or 503 answer during the baseline: nothing to judge' } };
  const counts = Object.fromEntries(seen.map((s) => [String(s), e.statusCounts[String(s)]]));
  const sampled = seen.map((s) => e.errorAnswers.find((a) => a.status === s)).filter((a): a is AnswerSample => a !== undefined);
  const missing = sampled.filter((a) => a.headers['retry-after'] === undefined);
  const invalid = sampled.filter((a) => a.headers['retry-after'] !== undefined && !validRetryAfter(a.headers['retry-after']));
  const answers = sampled.map((a) => ({ status: a.status, retryAfter: a.headers['retry-after'] ?? null }));
  const evidence = { ...base, statusCounts: counts, answers };
  if (missing.length) {
    return { status: 'fail', messageId: 'missing', evidence: { ...evidence, statuses: missing.map((a) => a.status), actual: `${missing.map((a) => a.status).join(', ')} without Retry-After` } };
  }
  if (invalid.length) {
    return { status: 'fail', messageId: 'invalid', evidence: { ...evidence, statuses: invalid.map((a) => a.status), value: invalid[0].headers['retry-after'], actual: `Retry-After "${invalid[0].headers['retry-after']}" is neither seconds nor an HTTP-date` } };
  }
  const unsampled = seen.filter((s) => !sampled.some((a) => a.status === s));
  if (unsampled.length) {
    return {
      status: 'error',
      code: 'NOT_REPRODUCED',
      message: `${e.name} answered ${unsampled.join(', ')} during the baseline, but not again when asked for its headers`,
      evidence,
    };
  }
  return { status: 'pass', evidence: { ...evidence, actual: answers.map((a) => `${a.status} Retry-After: ${a.retryAfter}`).join('; ') } };
}
