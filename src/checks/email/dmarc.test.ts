import { describe, expect, it } from 'vitest';
import type { DmarcDiscovery, ReportDestination } from '../../engines/dmarc/index.js';
import { checkTester, labPool, runAgainstLab } from '../../test-support/check-tester.js';
import dmarc, { judgeDmarc } from './dmarc.js';

checkTester(dmarc, {
  pass: [
    { name: 'reject with reports at acme.test, inherited by notify.acme.test', lab: 'fixed' },
  ],
  fail: [
    {
      name: 'p=none without rua; pct=25',
      lab: 'default',
      expect: [
        { target: 'toomany.acme.test', messageId: 'pNone', severity: 'medium' },
        { target: 'toomany.acme.test', messageId: 'noRua', severity: 'medium' },
        { target: 'neutral.acme.test', messageId: 'pctBelow100', severity: 'medium' },
      ],
    },
    {
      name: 'no record at the domain nor its organizational domain',
      lab: 'fixed',
      config: (raw) => { raw.email.domains = [{ name: 'edge.acme-cdn.test' }]; },
      expect: [{ target: 'edge.acme-cdn.test', messageId: 'missing', severity: 'high' }],
    },
  ],
  error: [
    {
      name: 'SERVFAIL and timeout at _dmarc',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '400ms';
        raw.email = { domains: [{ name: 'dnsfail.hostile.test' }, { name: 'dnsslow.hostile.test' }] };
      },
      expect: [{ target: 'dnsfail.hostile.test' }, { target: 'dnsslow.hostile.test' }],
    },
  ],
});

describe('email.dmarc evidence in the fixed lab', () => {
  const lab = labPool();
  it('authorises the external report address and shows the inherited policy', async () => {
    const { results } = await runAgainstLab(dmarc, await lab('fixed'));
    const byTarget = Object.fromEntries(results.map((r) => [r.target, r.evidence]));
    expect(byTarget['acme.test']).toMatchObject({
      foundAt: '_dmarc.acme.test', policy: 'reject',
      reportDestinations: expect.arrayContaining([
        { tag: 'rua', uri: 'mailto:acme@reports.dmarc-vendor.test', host: 'reports.dmarc-vendor.test', external: true, query: 'acme.test._report._dmarc.reports.dmarc-vendor.test', authorised: true },
      ]),
    });
    expect(byTarget['notify.acme.test']).toMatchObject({ inheritedFrom: 'acme.test', appliedTag: 'sp', policy: 'reject' });
  });
});

const found = (records: string[], over: Partial<DmarcDiscovery> = {}): DmarcDiscovery => ({
  domain: 'example.com', organizationalDomain: 'example.com', queried: ['_dmarc.example.com'],
  source: 'domain', policyDomain: 'example.com', records, ignored: [], ...over,
});
const inherited = (record: string) =>
  found([record], { domain: 'mail.example.com', queried: ['_dmarc.mail.example.com', '_dmarc.example.com'], source: 'organizational' });
const ids = (v: ReturnType<typeof judgeDmarc>) => (v.ok ? [] : v.findings.map((f) => `${f.messageId}:${f.severity ?? 'high'}`));

describe('judgeDmarc', () => {
  it.each([
    ['reject with rua', found(['v=DMARC1; p=reject; rua=mailto:d@example.com']), []],
    ['quarantine with rua', found(['v=DMARC1; p=quarantine; rua=mailto:d@example.com']), []],
    ['nothing found', found([], { source: 'none', policyDomain: undefined }), ['missing:high']],
    ['two records', found(['v=DMARC1; p=reject', 'v=DMARC1; p=none']), ['multipleRecords:high']],
    ['p=none', found(['v=DMARC1; p=none; rua=mailto:d@example.com']), ['pNone:medium']],
    ['p=none, no rua', found(['v=DMARC1; p=none']), ['pNone:medium', 'noRua:medium']],
    ['pct=50', found(['v=DMARC1; p=reject; pct=50; rua=mailto:d@example.com']), ['pctBelow100:medium']],
    ['t=y (DMARCbis)', found(['v=DMARC1; p=reject; t=y; rua=mailto:d@example.com']), ['testingMode:medium']],
    ['unusable: no p, no rua', found(['v=DMARC1; sp=reject']), ['invalid:high']],
    ['invalid p with rua acts as none', found(['v=DMARC1; p=strict; rua=mailto:d@example.com']), ['invalid:medium', 'pNone:medium']],
    ['bad pct is ignored but reported', found(['v=DMARC1; p=reject; pct=x; rua=mailto:d@example.com']), ['invalid:medium']],
    ['inherited sp=reject', inherited('v=DMARC1; p=none; sp=reject; rua=mailto:d@example.com'), []],
    ['inherited p=reject without sp', inherited('v=DMARC1; p=reject; rua=mailto:d@example.com'), []],
    ['inherited sp=none', inherited('v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com'), ['pNone:medium']],
  ])('%s', (_name, discovery, expected) => {
    expect(ids(judgeDmarc(discovery))).toEqual(expected);
  });

  const dest = (over: Partial<ReportDestination>): ReportDestination => ({ tag: 'rua', uri: 'mailto:d@vendor.test', host: 'vendor.test', external: true, query: 'example.com._report._dmarc.vendor.test', ...over });
  it.each([
    ['external, authorised', [dest({ authorised: true })], []],
    ['external, not authorised', [dest({ authorised: false })], ['ruaNotAuthorised:medium']],
    ['external, look-up failed (unknown)', [dest({ error: 'SERVFAIL' })], []],
    ['one of two authorised', [dest({ authorised: false }), dest({ uri: 'mailto:d@example.com', host: 'example.com', external: false })], []],
  ])('report destinations: %s', (_name, destinations, expected) => {
    const v = judgeDmarc(found(['v=DMARC1; p=reject; rua=mailto:d@vendor.test']), destinations);
    expect(ids(v)).toEqual(expected);
  });

  it('shows the record, where it was found and what applies', () => {
    const v = judgeDmarc(inherited('v=DMARC1; p=none; sp=reject; rua=mailto:d@example.com; pct=100'));
    expect(v).toMatchObject({
      ok: true,
      evidence: {
        record: 'v=DMARC1; p=none; sp=reject; rua=mailto:d@example.com; pct=100', foundAt: '_dmarc.example.com',
        inheritedFrom: 'example.com', appliedTag: 'sp', policy: 'reject',
        notes: ['"pct" is removed by DMARCbis (RFC 9989): receivers following it ignore the tag'],
      },
    });
  });
});
