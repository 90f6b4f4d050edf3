import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import caa, { judgeCaa, suggestCaa } from './caa.js';

// A resolver that receives every question and answers none: the CAA lookup must time out into an error.
let silent: Socket;
beforeAll(async () => {
  silent = createSocket('udp4');
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

checkTester(caa, {
  pass: [{ name: 'fixed: acme.test allows letsencrypt.org', lab: 'fixed' }],
  fail: [{ name: 'default: acme.test has no CAA', lab: 'default', expect: [{ target: 'acme.test', messageId: 'missing', severity: 'low' }] }],
  skip: [
    {
      name: 'a host on a platform\'s shared domain',
      lab: 'fixed',
      config: (raw) => { raw.environments = { production: { hosts: [{ name: 'acme.github.io' }] } }; },
      expect: [{ target: 'github.io' }],
    },
  ],
  error: [
    {
      name: 'the resolver never answers',
      lab: 'fixed',
      config: (raw) => {
        raw.network.resolver = `127.0.0.1:${silent.address().port}`;
        raw.network.timeout = '500ms';
      },
      expect: [{ target: 'acme.test' }],
    },
  ],
});

const rec = (tag: string, value: string, flags = 0) => ({ flags, tag, value });

describe('judgeCaa', () => {
  it.each([
    { name: 'one issue', records: [rec('issue', 'letsencrypt.org')] },
    { name: 'issuewild only', records: [rec('issuewild', 'pki.goog')] },
    { name: 'issue with iodef', records: [rec('issue', 'letsencrypt.org'), rec('iodef', 'mailto:security@acme.test')] },
    { name: 'deny-all issue', records: [rec('issue', ';')] },
  ])('passes: $name', ({ records }) => {
    expect(judgeCaa(records).ok).toBe(true);
  });

  it.each([
    { name: 'no record', records: [], ids: ['missing'], severities: [undefined] },
    { name: 'iodef only', records: [rec('iodef', 'mailto:x@acme.test')], ids: ['missing'], severities: [undefined] },
    { name: 'critical unknown tag', records: [rec('issue', 'letsencrypt.org'), rec('tbs', 'x', 128)], ids: ['malformed'], severities: ['high'] },
    { name: 'only a critical unknown tag', records: [rec('tbs', 'x', 128)], ids: ['missing', 'malformed'], severities: [undefined, 'high'] },
    { name: 'issuer with a trailing dot', records: [rec('issue', 'letsencrypt.org.')], ids: ['malformed'], severities: [undefined] },
    { name: 'iodef without a scheme', records: [rec('issue', 'pki.goog'), rec('iodef', 'security@acme.test')], ids: ['malformed'], severities: [undefined] },
  ])('fails: $name', ({ records, ids, severities }) => {
    const v = judgeCaa(records);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.findings.map((f) => f.messageId)).toEqual(ids);
      expect(v.findings.map((f) => f.severity)).toEqual(severities);
    }
  });

  it('passes with the CAs allowed and the iodef', () => {
    expect(judgeCaa([rec('issue', 'letsencrypt.org'), rec('issuewild', 'pki.goog'), rec('iodef', 'mailto:s@acme.test')])).toMatchObject({
      ok: true, evidence: { allowedCas: ['letsencrypt.org'], wildcardCas: ['pki.goog'], iodef: ['mailto:s@acme.test'] },
    });
  });

  it('warns when no CA may issue', () => {
    expect(judgeCaa([rec('issue', ';')])).toMatchObject({ ok: true, evidence: { allowedCas: [], warning: expect.stringContaining('no certificate') } });
  });
});

describe('suggestCaa', () => {
  it.each([
    { issuers: [{ issuer: 'R11', issuerOrganization: "Let's Encrypt" }], lines: ['acme.test. CAA 0 issue "letsencrypt.org"'], cas: ["Let's Encrypt"] },
    {
      issuers: [{ issuer: 'R11', issuerOrganization: "Let's Encrypt" }, { issuer: 'WE1', issuerOrganization: 'Google Trust Services' }],
      lines: ['acme.test. CAA 0 issue "letsencrypt.org"', 'acme.test. CAA 0 issue "pki.goog"'],
      cas: ["Let's Encrypt", 'Google Trust Services'],
    },
    { issuers: [{ issuer: 'Lab ACME R1', issuerOrganization: 'Lab ACME' }], lines: ['acme.test. CAA 0 issue "letsencrypt.org"'], cas: [] },
    { issuers: [], lines: ['acme.test. CAA 0 issue "letsencrypt.org"'], cas: [] },
  ])('$cas', ({ issuers, lines, cas }) => {
    const s = suggestCaa('acme.test', issuers);
    expect(s.lines).toEqual([...lines, 'acme.test. CAA 0 iodef "mailto:security@acme.test"']);
    expect(s.cas).toEqual(cas);
  });
});
