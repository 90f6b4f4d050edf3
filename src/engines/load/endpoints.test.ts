import { describe, expect, it } from 'vitest';
import { endpointCycle, prepareEndpoints } from './endpoints.js';

describe('endpoint cycle', () => {
  it.each([
    [[undefined], [0]],
    [[1, 1], [0, 1]],
    [[3, 1], [0, 0, 1, 0]],
    [[0.5, 0.25, 0.25], [0, 1, 2, 0]],
    [[2, 4, 2], [1, 0, 2, 1]],
  ])('weights %j visit %j', (weights, order) => {
    expect(endpointCycle(weights)).toEqual(order);
  });

  it('keeps proportions and bounds the cycle for awkward weights', () => {
    const cycle = endpointCycle([1, 997.123]);
    expect(cycle.length).toBeLessThanOrEqual(10_001);
    const ones = cycle.filter((i) => i === 0).length;
    expect(ones / cycle.length).toBeCloseTo(1 / 998.123, 3);
  });
});

describe('prepared endpoints', () => {
  it('dials the override port, keeps the written Host, and lets user headers win', () => {
    const [ep] = prepareEndpoints(
      [{ url: 'https://api.acme.test/tasks?page=2#top', headers: { 'User-Agent': 'mine', Authorization: 'Bearer t' } }],
      { ports: { https: 8443 }, userAgent: 'launchready/x', timeoutMs: 1000 },
    );
    expect(ep.origin).toBe('https://api.acme.test:8443');
    expect(ep.name).toBe('GET /tasks?page=2');
    expect(ep.dispatch).toMatchObject({
      path: '/tasks?page=2',
      method: 'GET',
      headers: ['host', 'api.acme.test', 'user-agent', 'mine', 'authorization', 'Bearer t'],
      body: null,
      headersTimeout: 1000,
      bodyTimeout: 1000,
    });
  });
});
