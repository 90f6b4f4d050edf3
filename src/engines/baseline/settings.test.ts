import { describe, expect, it } from 'vitest';
import { defaultConnections, loadTimeline, resolveSettings } from './settings.js';

describe('resolveSettings', () => {
  it('fills in the modest defaults', () => {
    expect(resolveSettings(undefined, 6, 5000)).toEqual({ rate: 10, requests: 30, warmup: 3, connections: 120, timeoutMs: 5000 });
  });

  it('keeps what the config says', () => {
    expect(resolveSettings({ rate: 2, requests: 50, warmup: 0, connections: 8 }, 3, 2000)).toEqual({ rate: 2, requests: 50, warmup: 0, connections: 8, timeoutMs: 2000 });
  });

  it.each([[1, 32], [60, 120], [500, 256]])('in-flight cap at %s req/s is %s', (rate, want) => expect(defaultConnections(rate)).toBe(want));
});

describe('loadTimeline', () => {
  it.each([
    // rate, requests, warm-up, endpoints → total rate, measured requests, warm-up ms
    [10, 30, 3, 6, 60, 180, 292],
    [10, 30, 0, 6, 60, 180, 0],
    [1, 10, 1, 1, 1, 10, 500],
    [100, 30, 3, 4, 400, 120, 29],
  ])('%s/s × %s requests, %s warm-up, %s endpoints', (rate, requests, warmup, endpoints, totalRate, maxRequests, warmupMs) => {
    const t = loadTimeline({ rate, requests, warmup, connections: 64, timeoutMs: 5000 }, endpoints);
    expect(t).toMatchObject({ rate: totalRate, maxRequests, warmupMs });
    // Exactly warmup × endpoints requests of the timeline fall before the measured window.
    const interval = 1000 / totalRate;
    let warm = 0;
    for (let k = 0; k * interval < warmupMs; k++) warm++;
    expect(warm).toBe(warmup * endpoints);
    expect(t.durationMs).toBeGreaterThan((requests / rate) * 1000);
  });
});
