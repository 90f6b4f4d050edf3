import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, decodeLatencyHistogram, exactPercentile } from './latency-histogram.js';

/** A seeded PRNG (mulberry32) so every run sees the same samples. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const N = 50_000;
const distributions: Array<[string, (r: () => number) => number]> = [
  ['uniform 50 µs – 5 ms', (r) => 50 + r() * 4950],
  // Loopback-fast endpoints: where whole-millisecond rounding would be wrong by 50 % or more.
  ['lognormal around 300 µs', (r) => Math.exp(Math.log(300) + 0.6 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()))],
  ['lognormal around 120 ms', (r) => Math.exp(Math.log(120_000) + 0.8 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()))],
  // A stalled server: most answers fast, a third wait up to a second.
  ['bimodal stall', (r) => (r() < 0.66 ? 200 + r() * 800 : r() * 1_000_000)],
  ['sub-microsecond and huge mixed', (r) => (r() < 0.5 ? r() * 3 : 10_000_000 + r() * 1e9)],
];

describe('latency histogram', () => {
  it.each(distributions)('reports percentiles within 1 %% of an exact sort: %s', (_name, sample) => {
    const r = random(42);
    const h = createLatencyHistogram();
    const values: number[] = [];
    for (let i = 0; i < N; i++) {
      const us = Math.round(sample(r));
      values.push(us);
      h.record(us);
    }
    values.sort((a, b) => a - b);
    expect(h.count).toBe(N);
    for (const p of [1, 50, 75, 90, 95, 99, 99.9, 100]) {
      const exact = exactPercentile(values, p);
      const got = h.percentileUs(p);
      expect(Math.abs(got - exact), `p${p}: hdr ${got} vs exact ${exact}`).toBeLessThanOrEqual(Math.max(1, exact * 0.01));
    }
    expect(h.maxUs).toBe(values[N - 1]);
    expect(h.minUs).toBe(values[0]);
    const mean = values.reduce((a, b) => a + b, 0) / N;
    expect(Math.abs(h.meanUs - mean)).toBeLessThanOrEqual(Math.max(1, mean * 0.01));
  });

  it('summarises in milliseconds with microsecond resolution', () => {
    const h = createLatencyHistogram();
    for (const us of [1234, 1234, 1234, 1500, 2000]) h.record(us);
    expect(h.summary()).toEqual({ count: 5, min: 1.234, mean: 1.44, p50: 1.234, p90: 2, p95: 2, p99: 2, max: 2 });
    expect(createLatencyHistogram().summary()).toEqual({ count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 });
  });

  it('merges histograms and survives an encode/decode round trip', () => {
    const a = createLatencyHistogram();
    const b = createLatencyHistogram();
    const all: number[] = [];
    const r = random(7);
    for (let i = 0; i < 2000; i++) {
      const v = Math.round(r() * 100_000);
      (i % 2 ? a : b).record(v);
      all.push(v);
    }
    a.add(b);
    all.sort((x, y) => x - y);
    expect(a.count).toBe(2000);
    expect(a.maxUs).toBe(all[1999]);
    const back = decodeLatencyHistogram(a.encode());
    expect(back.count).toBe(2000);
    for (const p of [50, 95, 99]) expect(back.percentileUs(p)).toBe(a.percentileUs(p));
    expect(Math.abs(back.maxUs - a.maxUs)).toBeLessThanOrEqual(a.maxUs * 0.001);
  });

  it.each([
    [[], 50, 0],
    [[5], 99, 5],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 51, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 100, 10],
  ])('exactPercentile(%j, %d) = %d (nearest rank)', (values, p, want) => {
    expect(exactPercentile(values, p)).toBe(want);
  });
});
