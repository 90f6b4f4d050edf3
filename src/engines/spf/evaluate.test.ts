/** check_host() and the policy walk against the lab's real DNS server (beyond the RFC suite). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsClient } from '../../context/dns.js';
import type { DnsClient } from '../../context/types.js';
import { startDnsServer, type LabDnsServer } from '../../lab/dns-server.js';
import { buildZone } from '../../lab/zone.js';
import { evaluateSpf, walkSpfPolicy } from './index.js';

const costly = (name: string) => ({ [name]: { TXT: 'v=spf1 a mx a -all', A: '192.0.2.200', MX: { preference: 1, exchange: name } } });

let server: LabDnsServer;
let dns: DnsClient;
beforeAll(async () => {
  server = await startDnsServer({
    zone: buildZone({
      'over.test': { TXT: 'v=spf1 include:i1.test include:i2.test include:i3.test include:i4.test -all' },
      ...costly('i1.test'), ...costly('i2.test'), ...costly('i3.test'), ...costly('i4.test'),
      'servfail-a.test': { TXT: 'v=spf1 a:broken.test -all' },
      'broken.test': 'servfail',
      'gone-include.test': { TXT: 'v=spf1 ip4:192.0.2.1 include:gone.test -all' },
      'slow.test': { TXT: 'v=spf1 exists:stall.test -all' },
      'stall.test': 'timeout',
      'ptr.test': { TXT: 'v=spf1 ptr -all' },
      'macro.test': { TXT: 'v=spf1 include:%{ir}.rbl.test exists:%{l}.users.%{d} include:i1.test ~all' },
      'fan.test': { TXT: `v=spf1 ${Array.from({ length: 7 }, (_, i) => `include:c${i}.fan.test`).join(' ')} -all` },
      ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`c${i}.fan.test`, { TXT: 'v=spf1 a a a a a a a a -all', A: '192.0.2.77' }])),
      'wide.test': { TXT: `v=spf1 ${Array.from({ length: 8 }, () => 'include:wide.test').join(' ')} -all` },
    }),
  });
  dns = createDnsClient({ server: server.address, timeoutMs: 2000 });
});
afterAll(() => server?.stop());

const session = (mailFrom: string, ip = '203.0.113.5') => ({ ip, mailFrom, helo: 'mx.client.test' });

describe('evaluateSpf', () => {
  it('stops at the 11th look-up with permerror and keeps the count per include', async () => {
    const r = await evaluateSpf(session('a@over.test'), { dns });
    expect(r.result).toBe('permerror');
    expect(r.problem).toMatchObject({ code: 'lookup-limit', domain: 'i3.test', term: 'mx' });
    expect(r.lookups).toBe(11);
    expect(r.trace.lookups).toBe(11);
    expect(r.trace.children.map((c) => [c.term, c.lookups, c.result])).toEqual([
      ['include:i1.test', 3, 'fail'],
      ['include:i2.test', 3, 'fail'],
      ['include:i3.test', 2, undefined],
    ]);
  });

  it('passes through an include and names the matching term', async () => {
    const r = await evaluateSpf(session('a@over.test', '192.0.2.200'), { dns });
    expect(r).toMatchObject({ result: 'pass', lookups: 2, mechanism: { domain: 'over.test', term: 'include:i1.test', start: 7, end: 22 } });
  });

  it.each([
    ['SERVFAIL on a mechanism target', 'a@servfail-a.test', 'temperror', 'dns'],
    ['an include without a record', 'a@gone-include.test', 'permerror', 'include-none'],
  ])('%s → %s', async (_n, from, result, code) => {
    const r = await evaluateSpf(session(from), { dns });
    expect(r.result).toBe(result);
    expect(r.problem?.code).toBe(code);
  });

  it('ends a slow evaluation at its deadline with temperror', async () => {
    const t0 = performance.now();
    const r = await evaluateSpf(session('a@slow.test'), { dns, deadlineMs: 150 });
    expect(r).toMatchObject({ result: 'temperror', problem: { code: 'deadline' } });
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('rethrows the caller\'s abort', async () => {
    const controller = new AbortController();
    const p = evaluateSpf(session('a@slow.test'), { dns, signal: controller.signal });
    controller.abort(new Error('shutting down'));
    await expect(p).rejects.toThrow('shutting down');
  });

  it('rejects a bad client address', async () => {
    await expect(evaluateSpf(session('a@over.test', 'nope'), { dns })).rejects.toThrow(TypeError);
  });
});

describe('walkSpfPolicy', () => {
  it('counts every term past the limit, per include', async () => {
    const w = await walkSpfPolicy('over.test', { dns });
    expect(w.status).toBe('found');
    expect(w.lookups).toBe(16);
    expect(w.trace.children.map((c) => c.lookups)).toEqual([3, 3, 3, 3]);
    expect(w.all).toBe('-');
    expect(w.problems).toEqual([]);
  });

  it('counts ptr without asking reverse DNS', async () => {
    const before = server.queries;
    const w = await walkSpfPolicy('ptr.test', { dns });
    expect(w.lookups).toBe(1);
    expect(w.ptrTerms).toMatchObject([{ domain: 'ptr.test', term: 'ptr' }]);
    expect(server.queries - before).toBe(1);
  });

  it('counts client-dependent terms without resolving them', async () => {
    const w = await walkSpfPolicy('macro.test', { dns });
    expect(w.lookups).toBe(1 + 1 + 1 + 3);
    expect(w.voidLookups).toBe(0);
    expect(w.trace.children.map((c) => [c.domain, c.record === undefined])).toEqual([
      ['%{ir}.rbl.test', true],
      ['i1.test', false],
    ]);
  });

  it('reports an include loop once per branch and stays bounded', async () => {
    const w = await walkSpfPolicy('wide.test', { dns });
    expect(w.problems.map((p) => p.code)).toEqual(Array(8).fill('loop'));
    expect(w.lookups).toBe(8);
  });

  it('stops resolving at its safety cap and says so', async () => {
    const w = await walkSpfPolicy('fan.test', { dns });
    expect(w.capped).toBe(true);
    expect(w.lookups).toBeGreaterThanOrEqual(60);
    expect(w.trace.children).toHaveLength(7);
  });

  it('throws DNS trouble for the caller to report', async () => {
    await expect(walkSpfPolicy('broken.test', { dns })).rejects.toMatchObject({ name: 'SpfFailure', code: 'SERVFAIL' });
  });
});
