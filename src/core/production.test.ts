import { describe, expect, it } from 'vitest';
import type { HostTarget, Targets } from './targets.js';
import { productionCanonicalOrigin, productionEnvironments, productionHosts } from './production.js';
import { mapLimit } from './map-limit.js';

function targets(envs: Record<string, { canonical?: string; hosts: string[] }>): Pick<Targets, 'environments' | 'hostsOf'> {
  return {
    environments: () => Object.keys(envs),
    hostsOf: (env) => envs[env].hosts.map((name): HostTarget => ({ name, environment: env, canonical: envs[env].canonical })),
  };
}

describe('productionEnvironments', () => {
  it.each([
    [['production', 'staging'], ['production']],
    [['prod', 'dev'], ['prod']],
    [['live', 'preview'], ['live']],
    [['main', 'staging', 'qa'], ['main']],
    [['staging'], ['staging']],
    [[], []],
  ])('%j → %j', (names, want) => {
    const t = targets(Object.fromEntries(names.map((n) => [n, { hosts: [] }])));
    expect(productionEnvironments(t)).toEqual(want);
  });
});

describe('production hosts and canonical origin', () => {
  const t = targets({
    production: { canonical: 'https://app.acme.test/', hosts: ['acme.test', 'App.Acme.Test.', 'app.acme.test'] },
    staging: { canonical: 'https://staging.acme.test', hosts: ['staging.acme.test'] },
  });
  it('deduplicates names and leaves staging out', () => {
    expect(productionHosts(t).map((h) => h.name)).toEqual(['acme.test', 'App.Acme.Test.']);
    expect(productionCanonicalOrigin(t)).toBe('https://app.acme.test');
    expect(productionCanonicalOrigin(targets({ production: { hosts: ['a.test'] } }))).toBeUndefined();
  });
});

describe('mapLimit', () => {
  it('keeps input order and the bound', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([30, 10, 20, 5], 2, async (ms) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight--;
      return ms * 2;
    });
    expect(out).toEqual([60, 20, 40, 10]);
    expect(peak).toBe(2);
    expect(await mapLimit([], 3, async (x: number) => x)).toEqual([]);
  });
});
