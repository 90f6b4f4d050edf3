import { describe, expect, it } from 'vitest';
import { compareRuns, trendOf, type Numbers } from './compare.js';
import { fakeEndpoint, fakeRun } from './test-fixtures.js';

const n = (p95Ms: number, errorRate = 0): Numbers => ({ p50Ms: p95Ms / 2, p95Ms, p99Ms: p95Ms, errorRate, requests: 30 });

describe('trendOf', () => {
  it.each([
    ['450 → 6 ms', n(450), n(6), 'better'],
    ['6 → 450 ms', n(6), n(450), 'worse'],
    ['100 → 108 ms (under 10 %)', n(100), n(108), 'same'],
    ['100 → 115 ms', n(100), n(115), 'worse'],
    ['3 → 6 ms (under 5 ms)', n(3), n(6), 'same'],
    ['errors 47 % → 0 %', n(5, 0.47), n(5, 0), 'better'],
    ['errors 0 → 3.3 %', n(5), n(5, 0.033), 'worse'],
    ['faster but more errors', n(400, 0), n(50, 0.1), 'worse'],
    ['slower but far fewer errors', n(50, 0.5), n(80, 0), 'better'],
    ['errors 0 → 0.5 %', n(5), n(5, 0.005), 'same'],
  ])('%s → %s', (_name, before, after, want) => expect(trendOf(before, after)).toBe(want));
});

describe('compareRuns', () => {
  const before = fakeRun([
    fakeEndpoint({ name: 'task report', p95: 456 }),
    fakeEndpoint({ name: 'search tasks', p95: 5, errors: 14, errorRate: 14 / 30 }),
    fakeEndpoint({ name: 'old one', p95: 5 }),
  ]);
  before.endpoints.push(fakeEndpoint({ name: 'export', kind: 'write', p95: 1100 }));
  const after = fakeRun([
    fakeEndpoint({ name: 'task report', p95: 9.4 }),
    fakeEndpoint({ name: 'search tasks', p95: 5.3 }),
    fakeEndpoint({ name: 'new one', p95: 5 }),
  ], { startedAt: '2025-05-02T09:30:00.000Z', skipped: [{ name: 'export', reason: 'writes were left out' }] });

  it('matches endpoints by name, with deltas and trends', () => {
    const rows = compareRuns(before, after);
    expect(rows.map((r) => [r.name, r.trend, r.deltaP95Ms, r.deltaP95Pct, r.deltaErrorPts])).toEqual([
      ['task report', 'better', -446.6, -97.9, 0],
      ['search tasks', 'better', 0.3, 6, -46.7],
      ['new one', 'new', undefined, undefined, undefined],
      ['old one', 'gone', undefined, undefined, undefined],
      ['export', 'unmeasured', undefined, undefined, undefined],
    ]);
    expect(rows[0]).toMatchObject({ request: 'GET /api/things', budgetMs: 300, before: { p95Ms: 456 }, after: { p95Ms: 9.4 } });
  });
});
