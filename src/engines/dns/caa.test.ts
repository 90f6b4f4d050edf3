import { describe, expect, it } from 'vitest';
import { caaSearchNames, formatCaa, parseIssueValue, readCaaPolicy } from './caa.js';
import { caaIssuerFor } from './caa-issuers.js';

const caa = (tag: string, value: string, flags = 0) => ({ flags, tag, value });

describe('parseIssueValue (RFC 8659 §4.2)', () => {
  it.each([
    { value: 'letsencrypt.org', issuer: 'letsencrypt.org', parameters: {} },
    { value: '  pki.goog  ', issuer: 'pki.goog', parameters: {} },
    { value: 'LetsEncrypt.org', issuer: 'letsencrypt.org', parameters: {} },
    { value: ';', issuer: undefined, parameters: {} },
    { value: '', issuer: undefined, parameters: {} },
    { value: 'letsencrypt.org;', issuer: 'letsencrypt.org', parameters: {} },
    { value: 'letsencrypt.org; validationmethods=dns-01', issuer: 'letsencrypt.org', parameters: { validationmethods: 'dns-01' } },
    { value: 'letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1 ; validationmethods = http-01', issuer: 'letsencrypt.org', parameters: { accounturi: 'https://acme-v02.api.letsencrypt.org/acme/acct/1', validationmethods: 'http-01' } },
    { value: 'ca-1.example', issuer: 'ca-1.example', parameters: {} },
  ])('"$value" is valid', ({ value, issuer, parameters }) => {
    expect(parseIssueValue(value)).toEqual({ ok: true, issuer, parameters });
  });

  it.each([
    'letsencrypt.org.',
    'https://letsencrypt.org',
    'lets encrypt',
    '-bad.example',
    'bad-.example',
    'letsencrypt.org; novalue',
    'letsencrypt.org; a=b; =c',
  ])('"%s" is malformed', (value) => {
    expect(parseIssueValue(value).ok).toBe(false);
  });
});

describe('readCaaPolicy', () => {
  it('reads allowed CAs, wildcard CAs and iodef', () => {
    const p = readCaaPolicy([
      caa('issue', 'letsencrypt.org'), caa('issue', 'pki.goog; cansignhttpexchanges=yes'),
      caa('issuewild', ';'), caa('iodef', 'mailto:security@acme.test'),
    ]);
    expect(p).toMatchObject({ restricts: true, issue: ['letsencrypt.org', 'pki.goog'], issuewild: [], iodef: ['mailto:security@acme.test'], forbidsAll: false, problems: [] });
  });

  it.each([
    { name: 'no records', records: [], restricts: false, problems: 0, blocking: false },
    { name: 'iodef only', records: [caa('iodef', 'https://acme.test/caa')], restricts: false, problems: 0, blocking: false },
    { name: 'tags are case-insensitive', records: [caa('ISSUE', 'letsencrypt.org')], restricts: true, problems: 0, blocking: false },
    { name: 'unknown non-critical tag is ignored', records: [caa('issue', 'letsencrypt.org'), caa('future', 'x')], restricts: true, problems: 0, blocking: false },
    { name: 'critical known tag is fine', records: [caa('issue', 'letsencrypt.org', 128)], restricts: true, problems: 0, blocking: false },
    { name: 'critical unknown tag blocks issuance', records: [caa('issue', 'letsencrypt.org'), caa('tbs', 'x', 128)], restricts: true, problems: 1, blocking: true },
    { name: 'bad issuer name', records: [caa('issue', 'letsencrypt.org.')], restricts: true, problems: 1, blocking: false },
    { name: 'bad iodef URL', records: [caa('issue', 'pki.goog'), caa('iodef', 'security@acme.test')], restricts: true, problems: 1, blocking: false },
    { name: 'tag too long', records: [caa('issuewildcardsplease', 'x')], restricts: false, problems: 1, blocking: false },
    { name: 'tag with a hyphen, critical', records: [caa('issue-wild', 'x', 128)], restricts: false, problems: 1, blocking: true },
  ])('$name', ({ records, restricts, problems, blocking }) => {
    const p = readCaaPolicy(records);
    expect(p.restricts).toBe(restricts);
    expect(p.problems).toHaveLength(problems);
    expect(p.problems.some((x) => x.blocksIssuance)).toBe(blocking);
  });

  it.each([
    { records: [caa('issue', ';')], forbidsAll: true },
    { records: [caa('issue', ';'), caa('issue', 'letsencrypt.org')], forbidsAll: false },
    { records: [caa('issuewild', ';')], forbidsAll: false },
    { records: [caa('issue', 'letsencrypt.org.')], forbidsAll: true },
  ])('forbidsAll for $records.0.value', ({ records, forbidsAll }) => {
    expect(readCaaPolicy(records).forbidsAll).toBe(forbidsAll);
  });

  it('formats records as zone lines', () => {
    expect(formatCaa(caa('issue', 'letsencrypt.org', 128))).toBe('128 issue "letsencrypt.org"');
  });
});

describe('caaSearchNames (RFC 8659 §3)', () => {
  it.each([
    { fqdn: 'app.eu.acme.test', stop: 'acme.test', names: ['app.eu.acme.test', 'eu.acme.test', 'acme.test'] },
    { fqdn: 'acme.test', stop: 'acme.test', names: ['acme.test'] },
    { fqdn: 'WWW.Acme.Test.', stop: 'acme.test', names: ['www.acme.test', 'acme.test'] },
    { fqdn: 'shop.example.co.uk', stop: 'example.co.uk', names: ['shop.example.co.uk', 'example.co.uk'] },
    { fqdn: 'other.test', stop: 'acme.test', names: ['other.test'] },
  ])('$fqdn up to $stop', ({ fqdn, stop, names }) => {
    expect(caaSearchNames(fqdn, stop)).toEqual(names);
  });
});

describe('caaIssuerFor', () => {
  it.each([
    { issuer: 'R11', org: "Let's Encrypt", caa: 'letsencrypt.org' },
    { issuer: 'WR1', org: 'Google Trust Services', caa: 'pki.goog' },
    { issuer: 'ZeroSSL RSA Domain Secure Site CA', org: 'ZeroSSL', caa: 'sectigo.com' },
    { issuer: 'Sectigo RSA Domain Validation Secure Server CA', org: 'Sectigo Limited', caa: 'sectigo.com' },
    { issuer: 'GeoTrust Global TLS RSA4096 SHA256 2022 CA1', org: 'DigiCert, Inc.', caa: 'digicert.com' },
    { issuer: 'Amazon RSA 2048 M02', org: 'Amazon', caa: 'amazon.com' },
    { issuer: 'Cloudflare Inc ECC CA-3', org: 'Cloudflare, Inc.', caa: 'letsencrypt.org' },
  ])('$org → $caa', ({ issuer, org, caa: id }) => {
    expect(caaIssuerFor({ issuer, issuerOrganization: org })?.caa[0]).toBe(id);
  });

  it.each([
    { issuer: 'Lab ACME R1', org: 'Lab ACME' },
    { issuer: 'Acme Internal CA', org: 'Acme Corp IT' },
    { issuer: '', org: undefined },
  ])('$issuer is unknown', ({ issuer, org }) => {
    expect(caaIssuerFor({ issuer, issuerOrganization: org })).toBeUndefined();
  });
});
