/** Policy discovery and report authorisation against the lab's real DNS server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsClient } from '../../context/dns.js';
import { startDnsServer, type LabDnsServer } from '../../lab/dns-server.js';
import { buildZone } from '../../lab/zone.js';
import { toProbeError } from '../../probes/create-probes.js';
import { txtLookupFrom, type TxtLookup } from '../mail/txt-lookup.js';
import { checkReportDestinations, discoverDmarc, organizationalDomain } from './discover.js';
import { parseDmarcRecord } from './parse.js';

let server: LabDnsServer;
let lookup: TxtLookup;

beforeAll(async () => {
  server = await startDnsServer({
    zone: buildZone({
      '_dmarc.org.test': { TXT: ['v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@org.test,mailto:d@reports.vendor.test,mailto:d@nope.vendor2.test'] },
      '_dmarc.own.org.test': { TXT: ['some-verification=1', ['v=DMARC1; p=none; ', 'rua=mailto:d@org.test']] },
      '_dmarc.two.org.test': { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] },
      '_dmarc.other.org.test': { TXT: 'not-dmarc=1' },
      'org.test._report._dmarc.reports.vendor.test': { TXT: 'v=DMARC1' },
      'org.test._report._dmarc.nope.vendor2.test': { TXT: 'v=spf1 -all' },
      '_dmarc.slow.test': 'timeout',
      '_dmarc.broken.test': 'servfail',
      'org.test._report._dmarc.broken.test': 'servfail',
    }),
  });
  const dns = createDnsClient({ server: server.address, timeoutMs: 300 });
  lookup = txtLookupFrom(async (name, type) => {
    try {
      return { ok: true, value: await dns.resolve(name, type) };
    } catch (err) {
      return { ok: false, error: toProbeError(err) };
    }
  });
});
afterAll(() => server?.stop());

describe('discoverDmarc', () => {
  it.each([
    ['org.test', 'domain', 'org.test', 1, ['_dmarc.org.test']],
    ['own.org.test', 'domain', 'own.org.test', 1, ['_dmarc.own.org.test']],
    ['sub.org.test', 'organizational', 'org.test', 1, ['_dmarc.sub.org.test', '_dmarc.org.test']],
    ['other.org.test', 'organizational', 'org.test', 1, ['_dmarc.other.org.test', '_dmarc.org.test']],
    ['two.org.test', 'domain', 'two.org.test', 2, ['_dmarc.two.org.test']],
    ['nothing.test', 'none', undefined, 0, ['_dmarc.nothing.test']],
    ['a.nothing.test', 'none', undefined, 0, ['_dmarc.a.nothing.test', '_dmarc.nothing.test']],
  ])('%s → %s', async (domain, source, policyDomain, count, queried) => {
    const d = await discoverDmarc(domain, lookup);
    expect(d).toMatchObject({ source, queried });
    expect(d.policyDomain).toBe(policyDomain);
    expect(d.records).toHaveLength(count);
  });

  it('joins character-strings and sets other TXT aside', async () => {
    const d = await discoverDmarc('own.org.test', lookup);
    expect(d.records).toEqual(['v=DMARC1; p=none; rua=mailto:d@org.test']);
    expect(d.ignored).toEqual(['some-verification=1']);
  });

  it.each(['slow.test', 'broken.test'])('throws DNS trouble at %s', async (domain) => {
    await expect(discoverDmarc(domain, lookup)).rejects.toMatchObject({ code: expect.stringMatching(/TIMEOUT|SERVFAIL/) });
  });

  it('finds organizational domains with the public suffix list', () => {
    expect(organizationalDomain('a.b.example.co.uk')).toBe('example.co.uk');
    expect(organizationalDomain('Mail.Example.com.')).toBe('example.com');
  });
});

describe('checkReportDestinations (RFC 7489 §7.1)', () => {
  it('authorises external destinations through <domain>._report._dmarc.<host>', async () => {
    const { record } = parseDmarcRecord('v=DMARC1; p=reject; rua=mailto:d@org.test,mailto:d@reports.vendor.test,mailto:d@nope.vendor2.test; ruf=mailto:f@broken.test');
    const dests = await checkReportDestinations('org.test', record, lookup);
    expect(dests).toEqual([
      { tag: 'rua', uri: 'mailto:d@org.test', host: 'org.test', external: false },
      { tag: 'rua', uri: 'mailto:d@reports.vendor.test', host: 'reports.vendor.test', external: true, query: 'org.test._report._dmarc.reports.vendor.test', authorised: true },
      { tag: 'rua', uri: 'mailto:d@nope.vendor2.test', host: 'nope.vendor2.test', external: true, query: 'org.test._report._dmarc.nope.vendor2.test', authorised: false },
      { tag: 'ruf', uri: 'mailto:f@broken.test', host: 'broken.test', external: true, query: 'org.test._report._dmarc.broken.test', error: expect.stringContaining('SERVFAIL') },
    ]);
  });
});
