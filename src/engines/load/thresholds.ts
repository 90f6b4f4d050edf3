/**
 * Pass/fail bounds on a run (`p95<300`, `error_rate<1%`, `rps>=500`), k6-style: parsed once before
 * the run (a typo is a usage error, not a silent pass) and judged against any `LoadStats`, the
 * whole run's or one endpoint's.
 */
import type { LoadStats } from './types.js';

export type ThresholdMetric = 'p50' | 'p90' | 'p95' | 'p99' | 'max' | 'mean' | 'error_rate' | 'rps';
type Operator = '<' | '<=' | '>' | '>=';

export interface Threshold {
  /** As written (trimmed), echoed in results. */
  expr: string;
  metric: ThresholdMetric;
  op: Operator;
  /** Bound in the metric's base unit: ms for latency, a 0–1 ratio for error_rate, requests/s for rps. */
  value: number;
  /** The unit results are shown in: the one the expression was written in. */
  unit: 'ms' | 's' | '%' | 'ratio' | 'rps';
}

export interface ThresholdResult {
  expr: string;
  ok: boolean;
  /** The measured value in the expression's unit; null when there is nothing to measure it on. */
  actual: number | null;
  unit: Threshold['unit'];
}

export class ThresholdError extends Error {
  override readonly name = 'ThresholdError';
}

const LATENCY = new Set<ThresholdMetric>(['p50', 'p90', 'p95', 'p99', 'max', 'mean']);
const EXPR = /^\s*([a-z0-9_]+)\s*(<=|>=|<|>)\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|%)?\s*$/i;
const HELP = 'write it like p95<300 (ms), p99<1.5s, max<=2000, error_rate<1% (or <0.01), rps>=500';

/** Parses one threshold. @throws {ThresholdError} naming what is wrong and the accepted forms. */
export function parseThreshold(expr: string): Threshold {
  const m = EXPR.exec(expr);
  if (!m) throw new ThresholdError(`threshold "${expr}" is not understood: ${HELP}`);
  const metric = m[1].toLowerCase() as ThresholdMetric;
  const op = m[2] as Operator;
  const number = Number(m[3]);
  const suffix = m[4]?.toLowerCase();
  const trimmed = expr.trim();
  if (LATENCY.has(metric)) {
    if (suffix === '%') throw new ThresholdError(`threshold "${expr}": ${metric} is a time, not a percentage (${HELP})`);
    return suffix === 's'
      ? { expr: trimmed, metric, op, value: number * 1000, unit: 's' }
      : { expr: trimmed, metric, op, value: number, unit: 'ms' };
  }
  if (metric === 'error_rate') {
    if (suffix === '%') {
      if (number > 100) throw new ThresholdError(`threshold "${expr}": an error rate is at most 100 %`);
      return { expr: trimmed, metric, op, value: number / 100, unit: '%' };
    }
    if (suffix || number > 1) throw new ThresholdError(`threshold "${expr}": error_rate is a percentage (1%) or a ratio from 0 to 1`);
    return { expr: trimmed, metric, op, value: number, unit: 'ratio' };
  }
  if (metric === 'rps') {
    if (suffix) throw new ThresholdError(`threshold "${expr}": rps is a plain number of requests per second`);
    return { expr: trimmed, metric, op, value: number, unit: 'rps' };
  }
  throw new ThresholdError(`threshold "${expr}": unknown metric "${m[1]}" (p50, p90, p95, p99, max, mean, error_rate, rps)`);
}

function compare(actual: number, op: Operator, bound: number): boolean {
  switch (op) {
    case '<': return actual < bound;
    case '<=': return actual <= bound;
    case '>': return actual > bound;
    case '>=': return actual >= bound;
  }
}

/** Measured value in the base unit; undefined when there is none (no response to time). */
function measure(metric: ThresholdMetric, stats: LoadStats): number | undefined {
  if (metric === 'error_rate') return stats.requests > 0 ? stats.errorRate : undefined;
  if (metric === 'rps') return stats.rps;
  return stats.latencyMs.count > 0 ? stats.latencyMs[metric as Exclude<ThresholdMetric, 'error_rate' | 'rps'>] : undefined;
}

const display = (t: Threshold, base: number): number => {
  const v = t.unit === 's' ? base / 1000 : t.unit === '%' ? base * 100 : base;
  // Enough digits for µs latencies and basis-point error rates, without float noise.
  return Math.round(v * 1e6) / 1e6;
};

/**
 * Judges each threshold. A latency or error-rate bound with nothing measured (no response, no
 * request) fails: a run that timed nothing has not shown that it is fast.
 */
export function evaluateThresholds(thresholds: readonly Threshold[], stats: LoadStats): ThresholdResult[] {
  return thresholds.map((t) => {
    const base = measure(t.metric, stats);
    if (base === undefined) return { expr: t.expr, ok: false, actual: null, unit: t.unit };
    return { expr: t.expr, ok: compare(base, t.op, t.value), actual: display(t, base), unit: t.unit };
  });
}
