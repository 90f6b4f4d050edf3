import { describe, expect, it } from 'vitest';
import { answerQuestion, indexZone } from './zone-answer.js';
import { txtChunks } from './zone-wire.js';
import { buildZone, mergeZones, normalizeName, type ZoneRecord } from './zone.js';

describe('buildZone', () => {
  it('expands the terse spec into records', () => {
    const zone = buildZone({
      'Acme.Test.': { A: ['127.0.0.1', '127.0.0.2'], TXT: ['one', ['two', 'chunks']], ttl: 60 },
      'x.test': [{ type: 'SPF', data: 'v=spf1 -all' }],
      'slow.test': 'timeout',
      'mixed.test': { CNAME: 'acme.test', behaviour: 'servfail' },
    });
    expect([...zone.names.keys()]).toEqual(['acme.test', 'x.test', 'slow.test', 'mixed.test']);
    expect(zone.names.get('acme.test')?.records).toEqual([
      { type: 'A', data: '127.0.0.1', ttl: 60 },
      { type: 'A', data: '127.0.0.2', ttl: 60 },
      { type: 'TXT', data: 'one', ttl: 60 },
      { type: 'TXT', data: ['two', 'chunks'], ttl: 60 },
    ]);
    expect(zone.names.get('x.test')?.records).toEqual([{ type: 'SPF', data: 'v=spf1 -all' }]);
    expect(zone.names.get('slow.test')).toEqual({ records: [], behaviour: 'timeout' });
    expect(zone.names.get('mixed.test')?.behaviour).toBe('servfail');
  });

  it.each(['a..test', `${'l'.repeat(64)}.test`, `${'abcdefghi.'.repeat(26)}test`])('rejects the unsendable name %s', (name) => {
    expect(() => buildZone({ [name]: { A: '127.0.0.1' } })).toThrow(RangeError);
  });

  it.each<[string, ZoneRecord]>([
    ['an A that is not IPv4', { type: 'A', data: '::1' }],
    ['an AAAA that is not IPv6', { type: 'AAAA', data: '127.0.0.1' }],
    ['a CNAME with an empty label', { type: 'CNAME', data: 'a..test' }],
    ['an MX exchange with a 64-byte label', { type: 'MX', data: { preference: 0, exchange: `${'m'.repeat(64)}.test` } }],
  ])('rejects %s', (_label, record) => {
    expect(() => buildZone({ 'x.test': [record] })).toThrow(RangeError);
  });

  it('accepts the null MX (RFC 7505)', () => {
    expect(() => buildZone({ 'x.test': { MX: { preference: 0, exchange: '.' } } })).not.toThrow();
  });

  it('merges layers: records concatenate, the last behaviour wins', () => {
    const merged = mergeZones(
      buildZone({ 'a.test': { A: '127.0.0.1' } }),
      buildZone({ 'A.TEST': { TXT: 'hello' }, 'b.test': 'refused' }),
      buildZone({ 'b.test': 'timeout' }),
    );
    expect(merged.names.get('a.test')?.records.map((r) => r.type)).toEqual(['A', 'TXT']);
    expect(merged.names.get('b.test')?.behaviour).toBe('timeout');
  });

  it.each([
    ['WWW.Acme.Test.', 'www.acme.test'],
    ['acme.test', 'acme.test'],
    ['.', '.'],
  ])('normalizeName(%s) = %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('answerQuestion', () => {
  const index = indexZone(
    buildZone({
      'acme.test': { A: '127.0.0.1', SOA: { mname: 'ns.acme.test', rname: 'hostmaster.acme.test', serial: 3 } },
      'www.acme.test': { CNAME: 'acme.test' },
      'docs.acme.test': { CNAME: 'gone.pages.test' },
      'hop.acme.test': { CNAME: 'WWW.acme.test.' },
      'sf.acme.test': { CNAME: 'down.acme.test' },
      'down.acme.test': 'servfail',
      'no.acme.test': 'refused',
      'silent.acme.test': { A: '127.0.0.1', behaviour: 'timeout' },
      'loop1.acme.test': { CNAME: 'loop2.acme.test' },
      'loop2.acme.test': { CNAME: 'loop1.acme.test' },
      's1._domainkey.other.test': { TXT: 'v=DKIM1' },
    }),
  );
  const summary = (qname: string, qtype: string, followCnames = true) => {
    const a = answerQuestion(index, qname, qtype, { followCnames });
    if (a.kind === 'silent') return 'silent';
    return {
      rcode: a.rcode,
      answers: a.answers.map((r) => `${r.name} ${r.record.type} ${String(r.record.data)}`),
      soa: a.authorities.map((r) => r.name),
    };
  };

  it.each<[string, string, boolean, unknown]>([
    ['acme.test', 'A', true, { rcode: 'NOERROR', answers: ['acme.test A 127.0.0.1'], soa: [] }],
    ['ACME.test.', 'A', true, { rcode: 'NOERROR', answers: ['ACME.test A 127.0.0.1'], soa: [] }],
    ['acme.test', 'MX', true, { rcode: 'NOERROR', answers: [], soa: ['acme.test'] }],
    ['nope.acme.test', 'A', true, { rcode: 'NXDOMAIN', answers: [], soa: ['acme.test'] }],
    // No SOA anywhere above: a synthetic one at the last two labels.
    ['nope.other.test', 'A', true, { rcode: 'NXDOMAIN', answers: [], soa: ['other.test'] }],
    ['_domainkey.other.test', 'TXT', true, { rcode: 'NOERROR', answers: [], soa: ['other.test'] }],
    ['other.test', 'A', true, { rcode: 'NOERROR', answers: [], soa: ['other.test'] }],
    ['www.acme.test', 'A', true, { rcode: 'NOERROR', answers: ['www.acme.test CNAME acme.test', 'acme.test A 127.0.0.1'], soa: [] }],
    ['www.acme.test', 'CNAME', true, { rcode: 'NOERROR', answers: ['www.acme.test CNAME acme.test'], soa: [] }],
    ['www.acme.test', 'TXT', true, { rcode: 'NOERROR', answers: ['www.acme.test CNAME acme.test'], soa: ['acme.test'] }],
    ['hop.acme.test', 'A', true, { rcode: 'NOERROR', answers: ['hop.acme.test CNAME WWW.acme.test.', 'www.acme.test CNAME acme.test', 'acme.test A 127.0.0.1'], soa: [] }],
    ['hop.acme.test', 'A', false, { rcode: 'NOERROR', answers: ['hop.acme.test CNAME WWW.acme.test.'], soa: [] }],
    // RFC 6604: the rcode of a chain is that of its last name.
    ['docs.acme.test', 'A', true, { rcode: 'NXDOMAIN', answers: ['docs.acme.test CNAME gone.pages.test'], soa: ['pages.test'] }],
    ['sf.acme.test', 'A', true, { rcode: 'NOERROR', answers: ['sf.acme.test CNAME down.acme.test'], soa: [] }],
    ['loop1.acme.test', 'A', true, { rcode: 'NOERROR', answers: ['loop1.acme.test CNAME loop2.acme.test', 'loop2.acme.test CNAME loop1.acme.test'], soa: [] }],
    ['down.acme.test', 'A', true, { rcode: 'SERVFAIL', answers: [], soa: [] }],
    ['no.acme.test', 'TXT', true, { rcode: 'REFUSED', answers: [], soa: [] }],
    ['silent.acme.test', 'A', true, 'silent'],
  ])('%s %s (follow %s)', (qname, qtype, follow, expected) => {
    expect(summary(qname, qtype, follow)).toEqual(expected);
  });
});

describe('txtChunks', () => {
  it.each<[string, Parameters<typeof txtChunks>[0], number[]]>([
    ['one short string', 'abc', [3]],
    ['an empty string', '', [0]],
    ['an empty list', [], [0]],
    ['a 300-byte string', 'x'.repeat(300), [255, 45]],
    ['given chunks', ['ab', 'c'], [2, 1]],
    ['raw bytes', Buffer.from([0xff, 0x00]), [2]],
  ])('%s', (_label, value, lengths) => {
    expect(txtChunks(value).map((c) => c.length)).toEqual(lengths);
  });

  it('does not mutate the zone data', () => {
    const data = ['a', 'b'];
    const record: ZoneRecord = { type: 'TXT', data };
    txtChunks(record.data);
    expect(data).toEqual(['a', 'b']);
  });
});
