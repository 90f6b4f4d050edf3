import { describe, expect, it } from 'vitest';
import { evaluateThresholds, parseThreshold, ThresholdError } from './thresholds.js';
import type { LoadStats } from './types.js';

const stats: LoadStats = {
  requests: 1000,
  errors: 15,
  errorRate: 0.015,
  errorsByKind: { http_5xx: 15 },
  statusCounts: { 200: 985, 500: 15 },
  rps: 512.3,
  latencyMs: { count: 1000, min: 0.2, mean: 40, p50: 12.5, p90: 180, p95: 290.125, p99: 750, max: 1800 },
  bytesRead: 0,
};

describe('thresholds', () => {
  it.each([
    ['p95<300', true, 290.125, 'ms'],
    ['p95 < 290', false, 290.125, 'ms'],
    ['p99<=750', true, 750, 'ms'],
    ['p99<0.5s', false, 0.75, 's'],
    ['p50<20ms', true, 12.5, 'ms'],
    ['p90>=180', true, 180, 'ms'],
    ['max<2000', true, 1800, 'ms'],
    ['mean<30', false, 40, 'ms'],
    ['error_rate<1%', false, 1.5, '%'],
    ['error_rate<2%', true, 1.5, '%'],
    ['error_rate<=0.02', true, 0.015, 'ratio'],
    ['rps>=500', true, 512.3, 'rps'],
    ['rps>600', false, 512.3, 'rps'],
    ['  P95<300  ', true, 290.125, 'ms'],
  ])('%s → ok %s, actual %d %s', (expr, ok, actual, unit) => {
    const [result] = evaluateThresholds([parseThreshold(expr)], stats);
    expect(result).toEqual({ expr: expr.trim(), ok, actual, unit });
  });

  it.each([
    ['p95', /not understood/],
    ['p95=300', /not understood/],
    ['p95<abc', /not understood/],
    ['p42<300', /unknown metric "p42"/],
    ['p95<3%', /a time, not a percentage/],
    ['error_rate<5', /percentage \(1%\) or a ratio/],
    ['error_rate<120%', /at most 100/],
    ['rps>5ms', /plain number/],
  ])('refuses %s', (expr, message) => {
    expect(() => parseThreshold(expr)).toThrow(ThresholdError);
    expect(() => parseThreshold(expr)).toThrow(message);
  });

  it('fails latency and error bounds when nothing was measured', () => {
    const empty: LoadStats = { ...stats, requests: 0, errors: 0, errorRate: 0, latencyMs: { ...stats.latencyMs, count: 0 } };
    const results = evaluateThresholds(['p95<300', 'error_rate<1%', 'rps>=0'].map(parseThreshold), empty);
    expect(results.map((r) => [r.ok, r.actual])).toEqual([[false, null], [false, null], [true, 512.3]]);
  });
});
