import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import mtaSts, { judgeMtaSts, type PolicyFetch, type StsInput } from './mta-sts.js';

checkTester(mtaSts, {
  pass: [{ name: 'enforce policy over HTTPS covering both MX hosts, TLS-RPT', lab: 'fixed', targets: ['acme.test'] }],
  fail: [
    {
      name: 'a receiving domain with neither MTA-STS nor TLS-RPT',
      lab: 'default',
      expect: [
        { target: 'toomany.acme.test', messageId: 'missing', severity: 'low' },
        { target: 'toomany.acme.test', messageId: 'tlsRptMissing', severity: 'low' },
      ],
    },
    {
      name: 'wrong certificate, an MX host left out of an enforce policy, one-hour max_age',
      lab: 'fixed',
      config: (raw) => { raw.email.domains = [{ name: 'badsts.acme.test', receives_mail: true }]; },
      expect: [
        { target: 'badsts.acme.test', messageId: 'policyCertificate', severity: 'low' },
        { target: 'badsts.acme.test', messageId: 'mxNotCovered', severity: 'high' },
        { target: 'badsts.acme.test', messageId: 'shortMaxAge', severity: 'low' },
      ],
    },
  ],
  skip: [
    { name: 'send-only domains', lab: 'fixed', expect: [{ target: 'notify.acme.test' }] },
  ],
  error: [
    {
      name: 'SERVFAIL and timeout while looking up MX',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '400ms';
        raw.email = { domains: [{ name: 'dnsfail.hostile.test', receives_mail: true }, { name: 'dnsslow.hostile.test', receives_mail: true }] };
      },
      expect: [{ target: 'dnsfail.hostile.test' }, { target: 'dnsslow.hostile.test' }],
    },
  ],
});

const POLICY = 'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.mail.example.net\nmax_age: 604800\n';
const served = (body: string, over: Partial<Extract<PolicyFetch, { kind: 'response' }>> = {}): PolicyFetch => ({
  kind: 'response', url: 'https://mta-sts.example.com/.well-known/mta-sts.txt', status: 200, contentType: 'text/plain', body, tlsAuthorized: true, ...over,
});
const input = (over: Partial<StsInput>): StsInput => ({
  domain: 'example.com',
  mxHosts: ['mx1.example.com', 'a.mail.example.net'],
  stsTexts: ['v=STSv1; id=2026'],
  policy: served(POLICY),
  tlsRptTexts: ['v=TLSRPTv1; rua=mailto:tls@example.com'],
  ...over,
});
const ids = (v: ReturnType<typeof judgeMtaSts>) => (v.ok ? [] : v.findings.map((f) => `${f.messageId}:${f.severity ?? 'low'}`));

describe('judgeMtaSts', () => {
  it.each([
    ['complete and covering', input({}), []],
    ['no TXT, no TLS-RPT', input({ stsTexts: [], policy: undefined, tlsRptTexts: [] }), ['missing:low', 'tlsRptMissing:low']],
    ['bad TXT id', input({ stsTexts: ['v=STSv1; id=not-valid!'] }), ['txtInvalid:low']],
    ['policy host missing', input({ policy: { kind: 'noHost', host: 'mta-sts.example.com', status: 'nxdomain' } }), ['policyUnavailable:low']],
    ['404', input({ policy: served('nope', { status: 404 }) }), ['policyUnavailable:low']],
    ['redirect', input({ policy: served('', { status: 301 }) }), ['policyUnavailable:low']],
    ['untrusted certificate', input({ policy: served(POLICY, { tlsAuthorized: false, tlsError: 'ERR_TLS_CERT_ALTNAME_INVALID' }) }), ['policyCertificate:low']],
    ['invalid policy', input({ policy: served('version: STSv1\nmode: on\n') }), ['policyInvalid:low']],
    ['enforce misses an MX host', input({ mxHosts: ['mx1.example.com', 'mx.elsewhere.test'] }), ['mxNotCovered:high']],
    ['testing misses an MX host', input({ mxHosts: ['mx.elsewhere.test'], policy: served(POLICY.replace('enforce', 'testing')) }), ['mxNotCovered:low', 'testingMode:info']],
    ['mode none', input({ policy: served('version: STSv1\nmode: none\nmax_age: 86400\n') }), ['modeNone:low']],
    ['max_age of an hour', input({ policy: served(POLICY.replace('604800', '3600')) }), ['shortMaxAge:low']],
    ['invalid TLS-RPT', input({ tlsRptTexts: ['v=TLSRPTv1; rua=tls@example.com'] }), ['tlsRptInvalid:low']],
  ])('%s', (_name, given, expected) => {
    expect(ids(judgeMtaSts(given))).toEqual(expected);
  });

  it('shows the record, the policy and the reporting address when all is well', () => {
    const v = judgeMtaSts(input({ policy: served(POLICY, { contentType: 'text/html' }) }));
    expect(v).toMatchObject({
      ok: true,
      evidence: {
        stsRecord: 'v=STSv1; id=2026', stsId: '2026', policy: { mode: 'enforce', mx: ['mx1.example.com', '*.mail.example.net'], max_age: 604800 },
        policyNotes: ['served as text/html; RFC 8461 §3.2 asks for text/plain'], tlsRpt: 'v=TLSRPTv1; rua=mailto:tls@example.com',
      },
    });
  });
});
