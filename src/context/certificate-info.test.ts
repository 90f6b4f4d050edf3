import type { DetailedPeerCertificate } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { parseCertificateDate, parseSubjectAltNames, peerChain, toCertificateInfo } from './certificate-info.js';

describe('parseSubjectAltNames', () => {
  it.each([
    { text: undefined, names: [] },
    { text: '', names: [] },
    { text: 'DNS:app.acme.test', names: ['app.acme.test'] },
    { text: 'DNS:a.test, DNS:*.B.test, IP Address:127.0.0.1', names: ['a.test', '*.b.test', '127.0.0.1'] },
    { text: 'IP Address:0:0:0:0:0:0:0:1, IP Address:FE80:0:0:0:0:0:0:1', names: ['::1', 'fe80::1'] },
    { text: 'email:ops@acme.test, URI:https://acme.test/, DNS:acme.test', names: ['acme.test'] },
    // node JSON-quotes values holding a comma so they cannot be split.
    { text: 'DNS:"a, b.test", DNS:c.test', names: ['a, b.test', 'c.test'] },
    { text: 'DNS:"quote\\"d.test"', names: ['quote"d.test'] },
  ])('$text', ({ text, names }) => {
    expect(parseSubjectAltNames(text)).toEqual(names);
  });
});

describe('parseCertificateDate', () => {
  it.each([
    { text: 'Nov 28 03:19:36 2026 GMT', iso: '2026-11-28T03:19:36.000Z' },
    { text: 'Jan  1 00:00:00 2025 GMT', iso: '2025-01-01T00:00:00.000Z' },
    { text: 'Feb 29 23:59:59 2028 GMT', iso: '2028-02-29T23:59:59.000Z' },
    { text: 'Dec 31 23:59:59 9999 GMT', iso: '9999-12-31T23:59:59.000Z' },
  ])('$text', ({ text, iso }) => {
    expect(parseCertificateDate(text).toISOString()).toBe(iso);
  });
});

/** A stand-in for node's peer certificate object with only what the walk reads. */
function fake(cn: string, issuerCn: string, fp: string): DetailedPeerCertificate {
  return {
    subject: { CN: cn },
    issuer: { CN: issuerCn },
    fingerprint256: fp,
    valid_from: 'Jan  1 00:00:00 2025 GMT',
    valid_to: 'Jan  1 00:00:00 2026 GMT',
    serialNumber: '01',
  } as unknown as DetailedPeerCertificate;
}

describe('peerChain', () => {
  it('stops at a root that node links to itself', () => {
    const leaf = fake('a.test', 'Root', 'L');
    const root = fake('Root', 'Root', 'R');
    leaf.issuerCertificate = root;
    root.issuerCertificate = root;
    expect(peerChain(leaf).map((c) => c.subject.CN)).toEqual(['a.test', 'Root']);
  });

  it('stops at a repeated certificate in a loop of cross-signed CAs', () => {
    const leaf = fake('a.test', 'X', 'L');
    const x = fake('X', 'Y', 'X');
    const y = fake('Y', 'X', 'Y');
    leaf.issuerCertificate = x;
    x.issuerCertificate = y;
    y.issuerCertificate = x;
    expect(peerChain(leaf).map((c) => c.subject.CN)).toEqual(['a.test', 'X', 'Y']);
  });

  it('bounds an endless chain', () => {
    const leaf = fake('n0', 'n1', 'f0');
    let current = leaf;
    for (let i = 1; i < 30; i += 1) {
      const next = fake(`n${i}`, `n${i + 1}`, `f${i}`);
      current.issuerCertificate = next;
      current = next;
    }
    expect(peerChain(leaf)).toHaveLength(10);
  });

  it('is empty when the peer sent no certificate', () => {
    expect(peerChain({} as DetailedPeerCertificate)).toEqual([]);
  });
});

describe('toCertificateInfo without DER', () => {
  it('falls back to the name fields', () => {
    const cert = fake('x', 'x', 'F');
    cert.subject = { O: 'Acme', C: 'DE' } as never;
    cert.issuer = { O: 'Acme', C: 'DE' } as never;
    const info = toCertificateInfo(cert);
    expect(info).toMatchObject({ subject: 'O=Acme, C=DE', issuer: 'O=Acme, C=DE', issuerOrganization: 'Acme', selfSigned: true, subjectAltNames: [] });
    expect(info.keyType).toBeUndefined();
    expect(info.validFrom.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});
