import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type LabDnsServer } from '../lab/dns-server.js';
import { buildZone } from '../lab/zone.js';
import { createDnsClient } from './dns.js';
import { DnsError, type DnsLookup, type DnsRecordType } from './types.js';

const bigTxt = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(198)}`);

const zone = buildZone({
  'acme.test': {
    A: '127.0.0.1',
    AAAA: '::1',
    MX: [{ preference: 10, exchange: 'MX1.Acme.Test.' }, { preference: 20, exchange: 'mx2.acme.test' }],
    CAA: { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
    NS: ['ns1.acme.test', 'ns2.acme.test'],
    SOA: { mname: 'ns1.acme.test', rname: 'hostmaster.acme.test', serial: 2024010101 },
    TXT: [['v=spf1 ip4:192.0.2.0/24 ', '-all'], 'google-site-verification=abc'],
  },
  'www.acme.test': { CNAME: 'acme.test' },
  'api.acme.test': { CNAME: 'edge.acme-cdn.test' },
  'edge.acme-cdn.test': { CNAME: 'pop.acme-cdn.test' },
  'pop.acme-cdn.test': { A: ['127.0.0.4', '127.0.0.5'] },
  'docs.acme.test': { CNAME: 'acme-docs.ghost-pages.test' },
  'mail.acme.test': { CNAME: 'acme.test' },
  's1._domainkey.acme.test': { TXT: 'v=DKIM1; k=rsa; p=MIGf' },
  '1.0.0.127.in-addr.arpa': { PTR: 'acme.test.' },
  'spf99.acme.test': { SPF: [['v=spf1 ', 'a -all']] },
  'raw.acme.test': { TXT: Buffer.from([0x76, 0x3d, 0xe9, 0xff]) },
  'utf8.acme.test': { TXT: 'v=spf1 exp=caf\u00e9.test -all' },
  'big.acme.test': { TXT: bigTxt },
  'nullmx.acme.test': { MX: { preference: 0, exchange: '.' } },
  'loop-a.acme.test': { CNAME: 'loop-b.acme.test' },
  'loop-b.acme.test': { CNAME: 'loop-a.acme.test' },
  'to-servfail.acme.test': { CNAME: 'servfail.acme.test' },
  'servfail.acme.test': 'servfail',
  'refused.acme.test': 'refused',
  'timeout.acme.test': 'timeout',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i}.long.test`, { CNAME: `c${i + 1}.long.test` }])),
  'c10.long.test': { A: '127.0.0.1' },
});

let server: LabDnsServer;
let shallow: LabDnsServer; // answers one CNAME at a time: the client must chase across questions
beforeAll(async () => {
  server = await startDnsServer({ zone });
  shallow = await startDnsServer({ zone, followCnames: false });
});
afterAll(async () => {
  await server?.stop();
  await shallow?.stop();
});

const client = () => createDnsClient({ server: server.address, timeoutMs: 1000 });

describe('query: answers decoded by type', () => {
  it.each<[string, DnsRecordType, unknown[]]>([
    ['acme.test', 'A', ['127.0.0.1']],
    ['ACME.test.', 'AAAA', ['::1']],
    ['acme.test', 'MX', [{ preference: 10, exchange: 'mx1.acme.test' }, { preference: 20, exchange: 'mx2.acme.test' }]],
    ['acme.test', 'CAA', [{ flags: 0, tag: 'issue', value: 'letsencrypt.org' }]],
    ['acme.test', 'NS', ['ns1.acme.test', 'ns2.acme.test']],
    ['acme.test', 'SOA', [{ mname: 'ns1.acme.test', rname: 'hostmaster.acme.test', serial: 2024010101 }]],
    ['acme.test', 'TXT', [['v=spf1 ip4:192.0.2.0/24 ', '-all'], ['google-site-verification=abc']]],
    ['1.0.0.127.in-addr.arpa', 'PTR', ['acme.test']],
    // RFC 7505 null MX: the root stays `.`.
    ['nullmx.acme.test', 'MX', [{ preference: 0, exchange: '.' }]],
    ['spf99.acme.test', 'SPF', [['v=spf1 ', 'a -all']]],
    ['utf8.acme.test', 'TXT', [['v=spf1 exp=caf\u00e9.test -all']]],
    // Not UTF-8: one code point per byte, so the bytes can be recovered with latin1.
    ['raw.acme.test', 'TXT', [['v=\u00e9\u00ff']]],
  ])('%s %s', async (name, type, expected) => {
    const res = await client().query(name, type);
    expect(res.rcode).toBe('NOERROR');
    expect(res.authoritative).toBe(true);
    expect(res.answers.map((r) => r.data)).toEqual(expected);
    expect(res.answers.every((r) => r.type === type && r.name === name.toLowerCase().replace(/\.$/, ''))).toBe(true);
  });

  it('returns rcodes as data', async () => {
    const c = client();
    expect((await c.query('nope.acme.test', 'A')).rcode).toBe('NXDOMAIN');
    expect((await c.query('servfail.acme.test', 'A')).rcode).toBe('SERVFAIL');
    expect((await c.query('refused.acme.test', 'A')).rcode).toBe('REFUSED');
    const nodata = await c.query('acme.test', 'PTR');
    expect(nodata).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(nodata.authorities[0]).toMatchObject({ type: 'SOA', name: 'acme.test' });
  });

  it('falls back to TCP for a truncated answer and gets all 20 TXT records', async () => {
    const before = server.queries;
    const res = await client().query('big.acme.test', 'TXT');
    expect(res.truncated).toBe(false);
    expect(res.answers.map((r) => (r.data as string[]).join(''))).toEqual(bigTxt);
    expect(server.queries - before).toBe(2); // one UDP, one TCP
  });
});

const lookupCases: Array<[string, DnsRecordType, Partial<DnsLookup>]> = [
  ['acme.test', 'A', { status: 'ok', cnames: [] }],
  ['www.acme.test', 'A', { status: 'ok', cnames: ['acme.test'] }],
  ['api.acme.test', 'A', { status: 'ok', cnames: ['edge.acme-cdn.test', 'pop.acme-cdn.test'] }],
  ['docs.acme.test', 'A', { status: 'nxdomain', cnames: ['acme-docs.ghost-pages.test'], records: [] }],
  ['mail.acme.test', 'PTR', { status: 'nodata', cnames: ['acme.test'], records: [] }],
  ['nope.acme.test', 'A', { status: 'nxdomain', cnames: [] }],
  ['acme.test', 'PTR', { status: 'nodata', cnames: [] }],
  // An empty non-terminal exists: NODATA, not NXDOMAIN (RFC 8020).
  ['_domainkey.acme.test', 'TXT', { status: 'nodata', cnames: [] }],
  ['c2.long.test', 'A', { status: 'ok', cnames: ['c3.long.test', 'c4.long.test', 'c5.long.test', 'c6.long.test', 'c7.long.test', 'c8.long.test', 'c9.long.test', 'c10.long.test'] }],
];

describe.each([
  ['a server that chases CNAMEs', () => server],
  ['a server that answers one CNAME at a time', () => shallow],
])('resolve against %s', (_label, which) => {
  const c = () => createDnsClient({ server: which().address, timeoutMs: 1000 });

  it.each(lookupCases)('%s %s', async (name, type, expected) => {
    const lookup = await c().resolve(name, type);
    expect(lookup).toMatchObject({ name, type, ...expected });
    if (expected.status === 'ok') expect(lookup.records.length).toBeGreaterThan(0);
  });

  it('returns the CNAME itself when asked for CNAME', async () => {
    const lookup = await c().resolve('api.acme.test', 'CNAME');
    expect(lookup).toMatchObject({ status: 'ok', cnames: [], records: [{ type: 'CNAME', data: 'edge.acme-cdn.test' }] });
  });

  it.each<[string, string]>([
    ['loop-a.acme.test', 'CNAME_LOOP'],
    ['c0.long.test', 'CNAME_LOOP'], // 10 CNAMEs: over the cap of 8
    ['servfail.acme.test', 'SERVFAIL'],
    ['to-servfail.acme.test', 'SERVFAIL'],
    ['refused.acme.test', 'REFUSED'],
  ])('%s → DnsError %s', async (name, code) => {
    await expect(c().resolve(name, 'A')).rejects.toMatchObject({ name: 'DnsError', code });
  });
});

it('talks to an IPv6 resolver', async (ctx) => {
  const v6 = await startDnsServer({ zone, host: '::1' }).catch(() => undefined);
  if (!v6) return ctx.skip(); // no IPv6 loopback on this machine
  try {
    expect(v6.address).toBe(`[::1]:${v6.port}`);
    const lookup = await createDnsClient({ server: v6.address, timeoutMs: 1000 }).resolve('big.acme.test', 'TXT');
    expect(lookup.records).toHaveLength(20); // UDP, then TCP, both over IPv6
  } finally {
    await v6.stop();
  }
});

describe('failures are bounded', () => {
  it('times out on a name the server never answers, near the configured deadline', async () => {
    const started = performance.now();
    const err = await createDnsClient({ server: server.address, timeoutMs: 300 }).query('timeout.acme.test', 'A').catch((e) => e);
    const elapsed = performance.now() - started;
    expect(err).toBeInstanceOf(DnsError);
    expect(err).toMatchObject({ code: 'TIMEOUT', qname: 'timeout.acme.test' });
    expect(elapsed).toBeGreaterThan(250);
    expect(elapsed).toBeLessThan(1000);
  });

  it('retransmits within the deadline', async () => {
    const before = server.queries;
    await createDnsClient({ server: server.address, timeoutMs: 300, retries: 2 }).query('timeout.acme.test', 'A').catch(() => undefined);
    expect(server.queries - before).toBe(3);
  });

  it('fails fast (NETWORK) or times out when nothing listens', async () => {
    const probe = dgram.createSocket('udp4');
    await new Promise<void>((r) => probe.bind(0, '127.0.0.1', r));
    const port = probe.address().port;
    await new Promise<void>((r) => probe.close(() => r()));
    const started = performance.now();
    const err = await createDnsClient({ server: `127.0.0.1:${port}`, timeoutMs: 500 }).query('acme.test', 'A').catch((e) => e);
    expect(['NETWORK', 'TIMEOUT']).toContain(err.code);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    const ac = new AbortController();
    const pending = createDnsClient({ server: server.address, timeoutMs: 2000 }).query('timeout.acme.test', 'A', { signal: ac.signal });
    setTimeout(() => ac.abort(new Error('run cancelled')), 50);
    await expect(pending).rejects.toThrow('run cancelled');
  });

  it('rejects names that cannot be sent', async () => {
    await expect(client().query(`${'a'.repeat(64)}.acme.test`, 'A')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    await expect(client().query('a..acme.test', 'A')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('answers that are not ours are ignored', () => {
  /** A fake resolver that first sends `decoys(query)` and then the genuine answer. */
  async function withFake(decoys: (q: dnsPacket.DecodedPacket) => Buffer[], run: (address: string) => Promise<void>) {
    const sock = dgram.createSocket('udp4');
    sock.on('message', (msg, rinfo) => {
      const q = dnsPacket.decode(msg);
      const genuine = dnsPacket.encode({
        type: 'response',
        id: q.id,
        flags: dnsPacket.AUTHORITATIVE_ANSWER,
        questions: q.questions,
        answers: [{ type: 'A', name: q.questions![0].name, ttl: 60, data: '192.0.2.1' }],
      });
      for (const m of [...decoys(q), genuine]) sock.send(m, rinfo.port, rinfo.address);
    });
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
    try {
      await run(`127.0.0.1:${sock.address().port}`);
    } finally {
      await new Promise<void>((r) => sock.close(() => r()));
    }
  }
  const spoof = (q: dnsPacket.DecodedPacket, over: Partial<dnsPacket.Packet>) =>
    dnsPacket.encode({
      type: 'response',
      id: q.id,
      questions: q.questions,
      answers: [{ type: 'A', name: q.questions![0].name, ttl: 60, data: '6.6.6.6' }],
      ...over,
    });

  it.each<[string, (q: dnsPacket.DecodedPacket) => Buffer[]]>([
    ['wrong id', (q) => [spoof(q, { id: (q.id! + 1) % 65536 })]],
    ['wrong question name', (q) => [spoof(q, { questions: [{ name: 'evil.test', type: 'A' }] })]],
    ['wrong question type', (q) => [spoof(q, { questions: [{ name: q.questions![0].name, type: 'AAAA' }] })]],
    ['garbage with our id', (q) => [Buffer.from([q.id! >> 8, q.id! & 0xff, 0x81, 0x80, 0, 1, 0, 1])]],
    ['a query, not a response', (q) => [spoof(q, { type: 'query' })]],
  ])('%s', async (_label, decoys) => {
    await withFake(decoys, async (address) => {
      const res = await createDnsClient({ server: address, timeoutMs: 1000 }).query('acme.test', 'A');
      expect(res.answers.map((r) => r.data)).toEqual(['192.0.2.1']);
    });
  });
});
