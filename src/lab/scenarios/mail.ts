/**
 * The lab's mail domains (../TOPOLOGY.md, "Mail domains"): SPF, DKIM, DMARC, MX, MTA-STS and
 * TLS-RPT records for two flawed sending domains (listed by the `default` config) and two clean
 * ones (listed by `fixed`), plus names that misbehave for the `hostile` variant. The zone is the
 * same in `default` and `fixed`: only the config's `email.domains` differs.
 */
import { buildZone, type Zone } from '../zone.js';
import type { MailKeys } from './mail-keys.js';
import type { CertPlan, LabPorts, ScenarioVariant } from './types.js';

const DAY = 86_400_000;

/**
 * MTA-STS policies the lab serves at `https://<host>/.well-known/mta-sts.txt`. Only
 * `mta-sts.acme.test` has a certificate of its own; `mta-sts.badsts.acme.test` gets the lab's
 * fallback certificate (wrong name), and its policy leaves an MX host out.
 */
export const MTA_STS_POLICIES: Readonly<Record<string, string>> = Object.freeze({
  'mta-sts.acme.test': 'version: STSv1\r\nmode: enforce\r\nmx: mx1.acme.test\r\nmx: *.acme.test\r\nmax_age: 1209600\r\n',
  'mta-sts.badsts.acme.test': 'version: STSv1\nmode: enforce\nmx: mx1.acme.test\nmax_age: 3600\n',
});

/** Three SPF "vendors", each costing 3 look-ups (its a: plus two nested includes). */
function vendor(name: string, v4: string, v6: string) {
  const base = `${name}.acme-vendors.test`;
  return {
    [`_spf.${base}`]: { TXT: `v=spf1 a:out.${base} include:_v4.${base} include:_v6.${base} ~all` },
    [`_v4.${base}`]: { TXT: `v=spf1 ip4:${v4} ~all` },
    [`_v6.${base}`]: { TXT: `v=spf1 ip6:${v6} ~all` },
    [`out.${base}`]: { A: v4.replace(/\.\d+\/\d+$/, '.10') },
  };
}

const dkim = (p: string, k: 'rsa' | 'ed25519' = 'rsa') => `v=DKIM1; k=${k}; p=${p}`;

/** Records of every mail domain (served in `default` and `fixed`). */
export function mailZone(keys: MailKeys): Zone {
  return buildZone({
    ...vendor('mailer', '192.0.2.0/25', '2001:db8:1::/48'),
    ...vendor('crm', '198.51.100.0/25', '2001:db8:2::/48'),
    ...vendor('helpdesk', '203.0.113.0/25', '2001:db8:3::/48'),

    // Flawed: 3 includes × (1 + 3) = 12 DNS-querying terms (limit 10); DMARC p=none without rua;
    // a 512-bit DKIM key; declared as receiving mail but no MX and no MTA-STS.
    'toomany.acme.test': {
      TXT: 'v=spf1 ip4:127.0.0.1 include:_spf.mailer.acme-vendors.test include:_spf.crm.acme-vendors.test include:_spf.helpdesk.acme-vendors.test ~all',
    },
    '_dmarc.toomany.acme.test': { TXT: 'v=DMARC1; p=none' },
    's1._domainkey.toomany.acme.test': { TXT: dkim(keys.rsa512) },

    // Flawed: SPF ?all; DMARC enforced on a quarter of the mail only; no DKIM at any common
    // selector; send-only without a null MX.
    'neutral.acme.test': { TXT: 'v=spf1 ip4:127.0.0.1 ?all' },
    '_dmarc.neutral.acme.test': { TXT: 'v=DMARC1; p=quarantine; pct=25; rua=mailto:dmarc@acme.test' },

    // Clean, receiving: MX hosts that resolve, DMARC reject with (authorised external) reports,
    // 2048-bit RSA and Ed25519 DKIM keys, MTA-STS enforce covering both MX hosts, TLS-RPT.
    'acme.test': {
      TXT: 'v=spf1 mx ip4:127.0.0.1 -all',
      MX: [{ preference: 10, exchange: 'mx1.acme.test' }, { preference: 20, exchange: 'mx2.acme.test' }],
    },
    'mx1.acme.test': { A: '127.0.0.1' },
    'mx2.acme.test': { A: '127.0.0.2' },
    '_dmarc.acme.test': {
      TXT: 'v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; rua=mailto:dmarc@acme.test,mailto:acme@reports.dmarc-vendor.test; ruf=mailto:dmarc-forensic@acme.test; fo=1',
    },
    'acme.test._report._dmarc.reports.dmarc-vendor.test': { TXT: 'v=DMARC1' },
    's1._domainkey.acme.test': { TXT: [[dkim(keys.rsa2048).slice(0, 200), dkim(keys.rsa2048).slice(200)]] },
    'ed1._domainkey.acme.test': { TXT: dkim(keys.ed25519, 'ed25519') },
    '_mta-sts.acme.test': { TXT: 'v=STSv1; id=20260101T000000' },
    'mta-sts.acme.test': { A: '127.0.0.1' },
    '_smtp._tls.acme.test': { TXT: 'v=TLSRPTv1; rua=mailto:tls-reports@acme.test' },

    // Clean, send-only: null MX, SPF within limits (4 look-ups), DMARC inherited from acme.test
    // (sp=reject), a 2048-bit key at the vendor's selector.
    'notify.acme.test': {
      TXT: 'v=spf1 include:_spf.mailer.acme-vendors.test ~all',
      MX: { preference: 0, exchange: '.' },
    },
    'k1._domainkey.notify.acme.test': { TXT: dkim(keys.rsa2048) },

    // Odd MX targets for the checks' tests (listed by no config): an address literal and an alias.
    'oddmx.acme.test': {
      MX: [{ preference: 10, exchange: '192.0.2.25' }, { preference: 20, exchange: 'alias-mx.acme.test' }],
    },
    'alias-mx.acme.test': { CNAME: 'mx1.acme.test' },

    // A broken MTA-STS set-up for the checks' tests (listed by no config): the policy host has no
    // certificate of its own, the enforce policy misses an MX host, max_age is an hour, no TLS-RPT.
    'badsts.acme.test': {
      MX: [{ preference: 10, exchange: 'mx1.acme.test' }, { preference: 20, exchange: 'mx.other-provider.test' }],
    },
    'mx.other-provider.test': { A: '127.0.0.1' },
    '_mta-sts.badsts.acme.test': { TXT: 'v=STSv1; id=1' },
    'mta-sts.badsts.acme.test': { A: '127.0.0.1' },
  });
}

/** Names of the `hostile` variant where every mail record look-up SERVFAILs or times out. */
export function mailHostileZone(): Zone {
  const broken = (domain: string, behaviour: 'servfail' | 'timeout') =>
    Object.fromEntries(
      [domain, `_dmarc.${domain}`, `s1._domainkey.${domain}`, `_mta-sts.${domain}`, `_smtp._tls.${domain}`].map((n) => [n, behaviour]),
    );
  return buildZone({
    ...broken('dnsfail.hostile.test', 'servfail'),
    ...broken('dnsslow.hostile.test', 'timeout'),
    // The MX answers, but its host's address look-up fails.
    'mxfail.hostile.test': { MX: { preference: 10, exchange: 'servfail.hostile.test' } },
  });
}

/** The MTA-STS policy host's certificate. */
export function mailCertificates(now: Date): CertPlan[] {
  const t = now.getTime();
  return [{ names: ['mta-sts.acme.test'], issuer: 'acme', notBefore: new Date(t - 30 * DAY), notAfter: new Date(t + 60 * DAY) }];
}

/** The config's `email:` section: the flawed domains by default, the clean ones when fixed. */
export function mailConfig(variant: ScenarioVariant, ports: LabPorts): Record<string, unknown> {
  const domains = variant === 'fixed'
    ? [
        { name: 'acme.test', receives_mail: true, dkim_selectors: ['s1', 'ed1'] },
        { name: 'notify.acme.test', receives_mail: false, dkim_selectors: ['k1'] },
      ]
    : [
        { name: 'toomany.acme.test', receives_mail: true, dkim_selectors: ['s1'] },
        { name: 'neutral.acme.test', receives_mail: false },
      ];
  return {
    domains,
    smtp: { url: `smtp://127.0.0.1:${ports.smtp}`, from: 'ops@acme.test', seed_inbox: 'launch-seed@acme.test' },
  };
}
