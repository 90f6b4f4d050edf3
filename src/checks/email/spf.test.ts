/**
 * email.spf against zones of its own, served by the lab's real DNS server, through the runner
 * (`runOne`) with a small config — one domain per planted flaw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigText } from '../../config/load.js';
import { createEffects } from '../../context/create-effects.js';
import { runOne } from '../../core/runner.js';
import { createTargets } from '../../core/targets.js';
import type { CheckResult } from '../../core/types.js';
import { startDnsServer, type LabDnsServer } from '../../lab/dns-server.js';
import { buildZone } from '../../lab/zone.js';
import { createProbes } from '../../probes/create-probes.js';
import { registrableDomain } from '../../services/audit.js';
import spf, { includeCosts, judgeSpf } from './spf.js';

const chain = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`a${i}.many.test`, { TXT: `v=spf1 a:host.many.test a mx -all`, A: '192.0.2.9', MX: { preference: 10, exchange: 'host.many.test' } }]),
  );

const ZONE = buildZone({
  'clean.spf.test': { TXT: ['google-site-verification=x', 'v=spf1 ip4:192.0.2.0/24 include:_spf.provider.test -all'] },
  '_spf.provider.test': { TXT: 'v=spf1 ip4:198.51.100.0/24 ip6:2001:db8::/32 ~all' },
  'none.spf.test': { A: '192.0.2.1' },
  'multi.spf.test': { TXT: ['v=spf1 -all', 'v=spf1 ip4:192.0.2.1 -all'] },
  'syntax.spf.test': { TXT: 'v=spf1 ip4:192.0.2.300 -all' },
  'toomany.spf.test': { TXT: 'v=spf1 include:a0.many.test include:a1.many.test include:a2.many.test include:a3.many.test ~all' },
  'host.many.test': { A: '192.0.2.10' },
  ...chain(4),
  'voids.spf.test': { TXT: 'v=spf1 a:gone1.spf.test a:gone2.spf.test exists:gone3.spf.test -all' },
  'plusall.spf.test': { TXT: 'v=spf1 ip4:192.0.2.0/24 +all' },
  'neutral.spf.test': { TXT: 'v=spf1 ip4:192.0.2.0/24 ?all' },
  'noall.spf.test': { TXT: 'v=spf1 ip4:192.0.2.0/24' },
  'ptr.spf.test': { TXT: 'v=spf1 ptr -all' },
  'broken.spf.test': { TXT: 'v=spf1 include:nothing.spf.test -all' },
  'loop.spf.test': { TXT: 'v=spf1 include:loop2.spf.test -all' },
  'loop2.spf.test': { TXT: 'v=spf1 include:loop.spf.test -all' },
  'redirect.spf.test': { TXT: 'v=spf1 redirect=_spf.provider.test' },
  'timeout.spf.test': 'timeout',
  'servfail.spf.test': 'servfail',
  'deep-timeout.spf.test': { TXT: 'v=spf1 include:timeout.spf.test -all' },
});

let server: LabDnsServer;
let results: CheckResult[];

beforeAll(async () => {
  server = await startDnsServer({ zone: ZONE });
  const domains = [...ZONE.names.keys()].filter((n) => n.endsWith('.spf.test') && !n.startsWith('loop2') && !n.startsWith('nothing'));
  const yaml = [
    'project: SPF check test',
    `network: { resolver: "${server.address}", timeout: 1s }`,
    'email:',
    '  domains:',
    ...domains.map((d) => `    - name: ${d}`),
  ].join('\n');
  const { config } = await loadConfigText(yaml, '/tmp/launchready-spf-test.yml', { env: {} });
  const effects = await createEffects(config.network, { clock: { now: () => new Date('2026-01-01T00:00:00Z') } });
  try {
    const probes = createProbes(effects, { timeoutMs: config.network.timeoutMs });
    results = await runOne(spf, { checks: [spf], config, effects, probes, targets: createTargets(config, registrableDomain) });
  } finally {
    await effects.close();
  }
});
afterAll(() => server?.stop());

const of = (target: string) => results.filter((r) => r.target === target);

describe('email.spf against a lab DNS server', () => {
  it.each(['clean.spf.test', 'redirect.spf.test'])('passes %s with the record and parsed terms as evidence', (target) => {
    const rs = of(target);
    expect(rs.map((r) => r.status)).toEqual(['pass']);
    expect(rs[0].evidence?.record).toMatch(/^v=spf1 /);
    expect((rs[0].evidence?.terms as unknown[]).length).toBeGreaterThan(0);
  });

  it.each([
    ['none.spf.test', 'missing', 'high'],
    ['multi.spf.test', 'multipleRecords', 'high'],
    ['syntax.spf.test', 'syntax', 'high'],
    ['toomany.spf.test', 'tooManyLookups', 'high'],
    ['voids.spf.test', 'tooManyVoidLookups', 'high'],
    ['plusall.spf.test', 'passAll', 'blocker'],
    ['neutral.spf.test', 'neutralAll', 'high'],
    ['noall.spf.test', 'neutralAll', 'high'],
    ['ptr.spf.test', 'ptrUsed', 'medium'],
    ['broken.spf.test', 'unresolvedInclude', 'high'],
    ['loop.spf.test', 'includeLoop', 'high'],
  ])('fails %s with %s (%s)', (target, messageId, severity) => {
    const rs = of(target);
    expect(rs.some((r) => r.status === 'fail' && r.messageId === messageId && r.severity === severity), JSON.stringify(rs, null, 1)).toBe(true);
  });

  it('points a syntax error at the bad term', () => {
    const r = of('syntax.spf.test').find((x) => x.messageId === 'syntax')!;
    expect(r.message).toContain('"ip4:192.0.2.300" (characters 8–22)');
  });

  it('counts look-ups per include, past the limit', () => {
    const r = of('toomany.spf.test').find((x) => x.messageId === 'tooManyLookups')!;
    // 4 includes, each costing itself plus a, a, mx = 4 → 16.
    expect(r.evidence?.lookups).toBe(16);
    expect((r.evidence?.perInclude as { term: string; lookups: number }[]).map((i) => [i.term, i.lookups])).toEqual([
      ['include:a0.many.test', 4], ['include:a1.many.test', 4], ['include:a2.many.test', 4], ['include:a3.many.test', 4],
    ]);
  });

  it.each(['timeout.spf.test', 'servfail.spf.test', 'deep-timeout.spf.test'])('reports DNS trouble at %s as an error', (target) => {
    expect(of(target).map((r) => r.status)).toEqual(['error']);
  });
});

describe('judgeSpf', () => {
  const node = { domain: 'x.test', via: 'check' as const, lookups: 0, voidLookups: 0, children: [] };
  const walk = (over: Partial<Parameters<typeof judgeSpf>[0]>) => ({
    domain: 'x.test', status: 'found' as const, records: ['v=spf1 -all'], lookups: 0, voidLookups: 0,
    trace: node, problems: [], all: '-' as const, ptrTerms: [], capped: false, ...over,
  });
  it.each([
    ['-all, within limits', walk({}), []],
    ['~all', walk({ all: '~' }), []],
    ['exactly 10 look-ups and 2 voids', walk({ lookups: 10, voidLookups: 2 }), []],
    ['11 look-ups', walk({ lookups: 11 }), ['tooManyLookups']],
    ['3 voids', walk({ voidLookups: 3 }), ['tooManyVoidLookups']],
    ['+all', walk({ all: '+' }), ['passAll']],
    ['no all', walk({ all: undefined }), ['neutralAll']],
    ['no record', walk({ status: 'none', records: [] }), ['missing']],
    ['two records', walk({ status: 'multiple', records: ['v=spf1 -all', 'v=spf1 ~all'] }), ['multipleRecords']],
    [
      'an unresolved redirect',
      walk({
        all: undefined,
        trace: { ...node, children: [{ domain: 'gone.test', via: 'redirect', term: 'redirect=gone.test', lookups: 0, voidLookups: 0, children: [] }] },
        problems: [{ code: 'redirect-none', message: 'no record', domain: 'x.test', term: 'redirect=gone.test', start: 7, end: 25 }],
      }),
      ['unresolvedInclude'],
    ],
  ])('%s', (_name, w, ids) => {
    expect(judgeSpf(w).map((f) => f.messageId)).toEqual(ids);
  });

  it('prices each include with its own term', () => {
    const tree = { ...node, lookups: 5, children: [{ domain: 'a.test', via: 'include' as const, term: 'include:a.test', lookups: 3, voidLookups: 1, children: [] }] };
    expect(includeCosts(tree)).toEqual([{ term: 'include:a.test', domain: 'a.test', via: 'include', lookups: 4, voidLookups: 1, nested: [] }]);
  });
});
