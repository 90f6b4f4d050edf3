import { describe, expect, it } from 'vitest';
import { effectiveP95, judgeErrorRate, judgeLatency, judgeRetryAfter, validRetryAfter } from './judge.js';
import { fakeEndpoint } from './test-fixtures.js';

const outcome = (v: ReturnType<typeof judgeLatency>) => (v.status === 'fail' ? v.messageId : v.status === 'error' ? `error ${v.code}` : 'pass');

describe('judgeLatency', () => {
  it.each([
    ['a fast read', fakeEndpoint({ p95: 40 }), 'pass'],
    ['a read just under 300 ms', fakeEndpoint({ p95: 299.9 }), 'pass'],
    ['a read at 300 ms', fakeEndpoint({ p95: 300 }), 'overBudget'],
    ['a slow read', fakeEndpoint({ p95: 450 }), 'overBudget'],
    ['a write at 700 ms', fakeEndpoint({ kind: 'write', p95: 700 }), 'pass'],
    ['a slow write', fakeEndpoint({ kind: 'write', p95: 1100 }), 'overBudget'],
    ['fast answers but 10 % timeouts', fakeEndpoint({ p95: 40, latencyMs: { count: 27, mean: 20, p50: 20, p95: 40, p99: 45, max: 50 }, errors: 3, errorsByKind: { timeout: 3 } }), 'timesOut'],
    ['one timeout in 30 (within the 5 % the p95 leaves out)', fakeEndpoint({ p95: 40, errors: 1, errorsByKind: { timeout: 1 } }), 'pass'],
    ['too few answers', fakeEndpoint({ latencyMs: { count: 4, mean: 1, p50: 1, p95: 1, p99: 1, max: 1 }, errorsByKind: { refused: 26 } }), 'error FEW_SAMPLES'],
  ])('%s → %s', (_name, e, want) => expect(outcome(judgeLatency(e, 5000))).toBe(want));

  it('shows expected beside actual', () => {
    const v = judgeLatency(fakeEndpoint({ name: 'task report', path: '/api/reports/summary', p95: 452.35 }), 5000);
    expect(v.evidence).toMatchObject({ endpoint: 'task report', request: 'GET /api/reports/summary', p95Ms: 452.35, budgetMs: 300, expected: 'p95 < 300 ms', actual: 'p95 452 ms' });
  });

  it('a timeout floor reads "at least"', () => {
    const e = fakeEndpoint({ p95: 40, errorsByKind: { timeout: 10 } });
    expect(effectiveP95(e, 5000)).toEqual({ p95Ms: 5000, atLeast: true });
    expect(judgeLatency(e, 5000).evidence.actual).toBe('p95 ≥ 5000 ms');
  });
});

describe('judgeErrorRate', () => {
  it.each([
    ['no errors', fakeEndpoint(), 'pass'],
    ['1 in 60 (1.7 %)', fakeEndpoint({ requests: 60, errors: 1, errorRate: 1 / 60 }), 'pass'],
    ['1 in 30 (3.3 %)', fakeEndpoint({ errors: 1, errorRate: 1 / 30 }), 'overBudget'],
    ['half rate limited', fakeEndpoint({ errors: 15, errorRate: 0.5, statusCounts: { 200: 15, 429: 15 }, errorsByKind: { http_4xx: 15 } }), 'overBudget'],
    ['too few requests', fakeEndpoint({ requests: 3 }), 'error FEW_SAMPLES'],
  ])('%s → %s', (_name, e, want) => expect(outcome(judgeErrorRate(e))).toBe(want));

  it('names the error statuses', () => {
    const v = judgeErrorRate(fakeEndpoint({ errors: 14, errorRate: 14 / 30, statusCounts: { 200: 16, 429: 14 }, errorsByKind: { http_4xx: 14 } }));
    expect(v.evidence).toMatchObject({ errors: 14, requests: 30, errorRatePct: 46.67, errorStatuses: { 429: 14 }, budgetPct: 2 });
  });
});

describe('validRetryAfter', () => {
  it.each([
    ['1', true],
    [' 120 ', true],
    ['0', true],
    ['Wed, 21 Oct 2015 07:28:00 GMT', true],
    ['Wednesday, 21-Oct-15 07:28:00 GMT', true],
    ['Wed Oct 21 07:28:00 2015', true],
    ['Wed Oct  1 07:28:00 2015', true],
    ['-1', false],
    ['1.5', false],
    ['soon', false],
    ['2015-10-21T07:28:00Z', false],
    ['Wed, 21 Oct 2015 07:28:00 UTC', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (v, want) => expect(validRetryAfter(v)).toBe(want));
});

describe('judgeRetryAfter', () => {
  const limited = (headers: Record<string, string>, over = {}) => fakeEndpoint({
    statusCounts: { 200: 16, 429: 14 },
    errorAnswers: [{ status: 429, headers, bytes: 30, ms: 1 }],
    ...over,
  });
  it.each([
    ['no 429/503 seen', fakeEndpoint(), 'pass'],
    ['429 with Retry-After: 1', limited({ 'retry-after': '1' }), 'pass'],
    ['429 with an HTTP-date', limited({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }), 'pass'],
    ['429 without Retry-After', limited({}), 'missing'],
    ['429 with a bad value', limited({ 'retry-after': 'later' }), 'invalid'],
    ['a 500 is not judged', fakeEndpoint({ statusCounts: { 200: 29, 500: 1 }, errorAnswers: [{ status: 500, headers: {}, bytes: 1, ms: 1 }] }), 'pass'],
    ['503 seen but not sampled', fakeEndpoint({ statusCounts: { 200: 29, 503: 1 }, unsampledStatuses: [503] }), 'error NOT_REPRODUCED'],
    ['one sampled without, one unsampled', limited({}, { statusCounts: { 429: 10, 503: 1, 200: 19 }, unsampledStatuses: [503] }), 'missing'],
  ])('%s → %s', (_name, e, want) => expect(outcome(judgeRetryAfter(e))).toBe(want));

  it('says so when there was nothing to judge', () => {
    expect(judgeRetryAfter(fakeEndpoint()).evidence.note).toMatch(/no 429 or 503/);
  });

  it('lists the statuses without the header', () => {
    expect(judgeRetryAfter(limited({})).evidence).toMatchObject({ statuses: [429], statusCounts: { 429: 14 }, answers: [{ status: 429, retryAfter: null }] });
  });
});
