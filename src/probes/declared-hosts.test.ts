import { describe, expect, it } from 'vitest';
import type { HostTarget, Targets } from '../core/targets.js';
import { declaredHosts } from './declared-hosts.js';
import { mapLimit } from '../core/map-limit.js';

const targets = (names: string[]): { targets: Targets } => ({
  targets: {
    hosts: () => names.map((name, i): HostTarget => ({ name, environment: i % 2 ? 'staging' : 'production' })),
    hostsOf: () => [],
    byRole: () => [],
    environments: () => ['production', 'staging'],
    registrableDomains: () => [],
  },
});

describe('declaredHosts', () => {
  it.each([
    { names: ['a.test', 'b.test'], want: ['a.test', 'b.test'] },
    { names: ['a.test', 'A.test', 'a.test.', ' a.test '], want: ['a.test'] },
    { names: ['b.test', 'a.test', 'b.test'], want: ['b.test', 'a.test'] },
    { names: [], want: [] },
  ])('$names → $want', ({ names, want }) => {
    expect(declaredHosts(targets(names))).toEqual(want);
  });
});

describe('mapLimit', () => {
  it('keeps input order and never exceeds the bound', async () => {
    let inFlight = 0;
    let peak = 0;
    const got = await mapLimit([30, 5, 20, 1, 10], 2, async (ms) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight--;
      return ms * 2;
    });
    expect(got).toEqual([60, 10, 40, 2, 20]);
    expect(peak).toBe(2);
  });

  it('handles no items', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
