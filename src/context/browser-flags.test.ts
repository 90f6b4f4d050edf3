import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '../lab/ca.js';
import { chromiumFlags, hostResolverRules, spkiHashes } from './browser-flags.js';

describe('hostResolverRules', () => {
  it.each([
    {
      name: 'lab: port overrides first, then the host, then NOTFOUND for every other name',
      mappings: [{ host: 'app.acme.test', address: '127.0.0.1' }, { host: 'cdn.widgets.test', address: '127.0.0.1' }],
      opts: { ports: { http: 8080, https: 8443 }, blockOthers: true },
      want: 'MAP app.acme.test:443 127.0.0.1:8443, MAP app.acme.test:80 127.0.0.1:8080, MAP app.acme.test 127.0.0.1, '
        + 'MAP cdn.widgets.test:443 127.0.0.1:8443, MAP cdn.widgets.test:80 127.0.0.1:8080, MAP cdn.widgets.test 127.0.0.1, MAP * ~NOTFOUND',
    },
    {
      name: 'no overrides: pinned to our DNS answer, other names left to the system',
      mappings: [{ host: 'www.example.com', address: '93.184.215.14' }],
      opts: { blockOthers: false },
      want: 'MAP www.example.com 93.184.215.14',
    },
    {
      name: 'IPv6 in brackets',
      mappings: [{ host: 'v6.example.com', address: '2001:db8::1' }],
      opts: { ports: { https: 8443 }, blockOthers: false },
      want: 'MAP v6.example.com:443 [2001:db8::1]:8443, MAP v6.example.com [2001:db8::1]',
    },
    {
      name: 'names that could inject rules, bad addresses and duplicates are dropped',
      mappings: [
        { host: 'a.test, MAP * 6.6.6.6', address: '127.0.0.1' }, { host: '*.test', address: '127.0.0.1' },
        { host: 'b.test', address: 'not-an-ip' }, { host: 'C.Test.', address: '127.0.0.2' }, { host: 'c.test', address: '127.0.0.3' },
      ],
      opts: { blockOthers: false },
      want: 'MAP c.test 127.0.0.2',
    },
    { name: 'nothing to map, private resolver', mappings: [], opts: { blockOthers: true }, want: 'MAP * ~NOTFOUND' },
  ])('$name', ({ mappings, opts, want }) => {
    expect(hostResolverRules(mappings, opts)).toBe(want);
  });
});

describe('spkiHashes', () => {
  it('hashes the SubjectPublicKeyInfo of every certificate in a bundle', async () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const [a, b] = await Promise.all([
      createCertificateAuthority({ commonName: 'Root A', now }),
      createCertificateAuthority({ commonName: 'Root B', now }),
    ]);
    const expected = [a, b].map((ca) => createHash('sha256').update(createPublicKey(ca.keyPem).export({ type: 'spki', format: 'der' })).digest('base64'));
    expect(spkiHashes(`${a.certPem}\n${b.certPem}\n${a.certPem}`)).toEqual(expected);
    expect(expected[0]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('skips garbage', () => {
    expect(spkiHashes('-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n')).toEqual([]);
    expect(spkiHashes('')).toEqual([]);
  });
});

describe('chromiumFlags', () => {
  it('headless, sandboxless, no QUIC, quiet; rules and trust only when given', () => {
    const base = chromiumFlags({});
    expect(base).toEqual(expect.arrayContaining(['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']));
    expect(base.some((f) => f.startsWith('--host-resolver-rules') || f.startsWith('--ignore-certificate-errors'))).toBe(false);
    expect(chromiumFlags({ hostRules: 'MAP a.test 127.0.0.1', spki: ['x=', 'y='] })).toEqual(expect.arrayContaining([
      '--host-resolver-rules=MAP a.test 127.0.0.1', '--ignore-certificate-errors-spki-list=x=,y=',
    ]));
  });
});
