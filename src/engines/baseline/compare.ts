/**
 * Before/after numbers of two baseline runs, per endpoint (matched by name): p50/p95/p99 and error
 * rate, their deltas, and whether the endpoint got better or worse. Small moves are `same`: a
 * baseline of 30 requests cannot tell 3 % apart.
 */
import type { BaselineRun, EndpointBaseline } from './types.js';

/** `unmeasured`: declared in both, but the newer run left it out (writes of a reads-only run). */
export type Trend = 'better' | 'worse' | 'same' | 'new' | 'gone' | 'unmeasured';

export interface Numbers {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errorRate: number;
  requests: number;
}

export interface CompareRow {
  name: string;
  request: string;
  budgetMs: number;
  before?: Numbers;
  after?: Numbers;
  /** after − before (ms); absent unless both runs measured the endpoint. */
  deltaP95Ms?: number;
  /** Relative change of p95, percent of before. */
  deltaP95Pct?: number;
  /** after − before, in percentage points. */
  deltaErrorPts?: number;
  trend: Trend;
}

/** A p95 move counts when it is at least this many ms and this share of the old value. */
export const P95_CHANGE = Object.freeze({ ms: 5, ratio: 0.1 });
/** An error-rate move counts from one percentage point. */
export const ERROR_CHANGE_PTS = 1;

const numbers = (e: EndpointBaseline): Numbers => ({
  p50Ms: e.latencyMs.p50, p95Ms: e.latencyMs.p95, p99Ms: e.latencyMs.p99, errorRate: e.errorRate, requests: e.requests,
});
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Whether one endpoint got better or worse; errors outweigh latency when they disagree. */
export function trendOf(before: Numbers, after: Numbers): Trend {
  const dErr = (after.errorRate - before.errorRate) * 100;
  const dP95 = after.p95Ms - before.p95Ms;
  const p95Moved = Math.abs(dP95) >= Math.max(P95_CHANGE.ms, before.p95Ms * P95_CHANGE.ratio);
  const errMoved = Math.abs(dErr) >= ERROR_CHANGE_PTS;
  if ((errMoved && dErr > 0) || (p95Moved && dP95 > 0 && !(errMoved && dErr < 0))) return 'worse';
  if ((errMoved && dErr < 0) || (p95Moved && dP95 < 0)) return 'better';
  return 'same';
}

/** Rows in the newer run's order, then endpoints only the older run had. */
export function compareRuns(before: BaselineRun, after: BaselineRun): CompareRow[] {
  const old = new Map(before.endpoints.map((e) => [e.name, e]));
  const rows: CompareRow[] = after.endpoints.map((a) => {
    const b = old.get(a.name);
    const request = `${a.method} ${a.path}`;
    if (!b) return { name: a.name, request, budgetMs: a.budgetMs, after: numbers(a), trend: 'new' };
    const nb = numbers(b);
    const na = numbers(a);
    return {
      name: a.name,
      request,
      budgetMs: a.budgetMs,
      before: nb,
      after: na,
      deltaP95Ms: r1(na.p95Ms - nb.p95Ms),
      ...(nb.p95Ms > 0 ? { deltaP95Pct: r1(((na.p95Ms - nb.p95Ms) / nb.p95Ms) * 100) } : {}),
      deltaErrorPts: r1((na.errorRate - nb.errorRate) * 100),
      trend: trendOf(nb, na),
    };
  });
  const current = new Set(after.endpoints.map((e) => e.name));
  const leftOut = new Set(after.skipped.map((s) => s.name));
  for (const b of before.endpoints) {
    if (current.has(b.name)) continue;
    rows.push({ name: b.name, request: `${b.method} ${b.path}`, budgetMs: b.budgetMs, before: numbers(b), trend: leftOut.has(b.name) ? 'unmeasured' : 'gone' });
  }
  return rows;
}
