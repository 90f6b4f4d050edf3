/**
 * tls.caa: a CAA record (RFC 8659) at the registrable domain restricts which certificate
 * authorities may issue for it, so a mis-issued certificate from any other CA is refused at the
 * source. Records are parsed too: a malformed one can silently stop every CA from issuing, which
 * surfaces weeks later as a failed renewal.
 */
import type { CaaData } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { Evidence, Severity } from '../../core/types.js';
import { caaIssuerFor, isWithin, platformSuffix, readCaaPolicy } from '../../engines/dns/index.js';

import { mapLimit } from '../../core/map-limit.js';

export interface CaaFinding {
  messageId: 'missing' | 'malformed';
  severity?: Severity;
  evidence: Evidence;
}

export type CaaVerdict = { ok: true; evidence: Evidence } | { ok: false; findings: CaaFinding[] };

/**
 * Judges a domain's CAA RRset: at least one issue/issuewild property passes (iodef noted);
 * none fails `missing`; malformed records fail `malformed` — `high` when one blocks every CA
 * (an unknown tag marked critical), else the check's `low`.
 */
export function judgeCaa(records: readonly CaaData[]): CaaVerdict {
  const policy = readCaaPolicy(records);
  const findings: CaaFinding[] = [];
  if (!policy.restricts) {
    findings.push({
      messageId: 'missing',
      evidence: {
        expected: 'a CAA record with an issue (or issuewild) property',
        actual: records.length ? `CAA records without issue/issuewild: ${policy.records.join('; ')}` : 'no CAA record',
      },
    });
  }
  if (policy.problems.length) {
    const blocking = policy.problems.some((p) => p.blocksIssuance);
    findings.push({
      messageId: 'malformed',
      ...(blocking ? { severity: 'high' as const } : {}),
      evidence: {
        expected: 'CAA records as RFC 8659 §4 defines them',
        actual: policy.problems.map((p) => `${p.record}: ${p.reason}`),
        blocksIssuance: blocking,
        records: policy.records,
      },
    });
  }
  if (findings.length) return { ok: false, findings };
  return {
    ok: true,
    evidence: {
      allowedCas: policy.issue,
      ...(policy.issuewild.length ? { wildcardCas: policy.issuewild } : {}),
      ...(policy.iodef.length ? { iodef: policy.iodef } : { note: 'no iodef property: CAs cannot report refused requests to you' }),
      ...(policy.forbidsAll ? { warning: 'issue properties name no CA: no certificate can be issued for this domain' } : {}),
      records: policy.records,
    },
  };
}

/** The record lines to suggest for `domain`, from the CAs its hosts' certificates come from. */
export function suggestCaa(domain: string, issuers: readonly { issuer?: string; issuerOrganization?: string }[]): { lines: string[]; cas: string[] } {
  const known = issuers.map((i) => caaIssuerFor(i)).filter((k) => k !== undefined);
  const identifiers = [...new Set(known.flatMap((k) => k.caa))];
  const cas = [...new Set(known.map((k) => k.name))];
  const chosen = identifiers.length ? identifiers : ['letsencrypt.org'];
  return {
    lines: [...chosen.map((id) => `${domain}. CAA 0 issue "${id}"`), `${domain}. CAA 0 iodef "mailto:security@${domain}"`],
    cas,
  };
}

/** How many hosts' certificates are read to name the CA in use. */
const ISSUER_SAMPLE = 3;

export default createCheck({
  meta: {
    id: 'tls.caa',
    stage: 1,
    title: 'CAA record restricts certificate issuance',
    defaultSeverity: 'low',
    targetKind: 'domain',
    needs: ['environments'],
  },
  messages: {
    missing: '{{target}} has no CAA record restricting which certificate authorities may issue for it',
    malformed: '{{target}} has malformed CAA records: {{actual}}',
  },
  remediation: {
    missing:
      'Add a CAA record naming the CA you use, e.g. `example.com. CAA 0 issue "letsencrypt.org"` (Google Trust Services: "pki.goog", Sectigo/ZeroSSL: "sectigo.com", DigiCert: "digicert.com", AWS ACM: "amazon.com"), plus `CAA 0 iodef "mailto:security@example.com"` to hear about refused requests. List every CA your CDN or platform uses.',
    malformed:
      'Fix or delete the listed records: tags are 1–15 letters/digits, issue values are a bare CA domain (no trailing dot, parameters after ";" as key=value), iodef is a mailto:/https: URL, and flag 128 (critical) belongs only on tags every CA understands — an unknown critical tag stops all issuance.',
  },
  async run(ctx) {
    const domains = ctx.targets.registrableDomains();
    await mapLimit(domains, ctx.config.network.concurrency, async (domain) => {
      const platform = platformSuffix(domain);
      if (platform) return ctx.skip(domain, `${domain} is a shared hosting domain: its CAA records belong to the platform, not to this product`);
      const got = await ctx.probes.dns(domain, 'CAA');
      if (!got.ok) return ctx.error(domain, got.error);
      if (got.value.status === 'nxdomain') return ctx.error(domain, { code: 'NXDOMAIN', message: `${domain} does not exist in DNS` });
      // RFC 8659 §3: a CNAME at the domain is followed; the records at the end of the chain apply.
      const records = got.value.records.map((r) => r.data as CaaData);
      const verdict = judgeCaa(records);
      const at = got.value.cnames.length ? { foundVia: [domain, ...got.value.cnames] } : {};
      if (verdict.ok) return ctx.pass(domain, { evidence: { ...verdict.evidence, ...at } });
      for (const f of verdict.findings) {
        if (f.messageId !== 'missing') {
          ctx.fail({ target: domain, messageId: f.messageId, severity: f.severity, evidence: { ...f.evidence, ...at } });
          continue;
        }
        const hosts = [...new Set(ctx.targets.hosts().map((h) => h.name.toLowerCase()).filter((h) => isWithin(h, domain)))].slice(0, ISSUER_SAMPLE);
        const seen = await mapLimit(hosts, ISSUER_SAMPLE, (h) => ctx.probes.tls(h));
        const leaves = seen.flatMap((s) => (s.ok && s.value.chain[0] ? [s.value.chain[0]] : []));
        const suggestion = suggestCaa(domain, leaves);
        const issuersSeen = [...new Set(leaves.map((l) => (l.issuerOrganization ? `${l.issuer} (${l.issuerOrganization})` : l.issuer)))];
        ctx.fail({
          target: domain,
          messageId: 'missing',
          evidence: { ...f.evidence, ...at, ...(issuersSeen.length ? { certificateIssuers: issuersSeen } : {}), suggested: suggestion.lines },
          remediation:
            `Add ${suggestion.lines.map((l) => `\`${l}\``).join(' and ')} at your DNS provider` +
            (suggestion.cas.length
              ? ` (${suggestion.cas.join(', ')} issue${suggestion.cas.length === 1 ? 's' : ''} your current certificates).`
              : ' — replace "letsencrypt.org" with the CAA identifier of the CA you use (Google Trust Services: "pki.goog", Sectigo/ZeroSSL: "sectigo.com", DigiCert: "digicert.com", AWS ACM: "amazon.com").') +
            ' List every CA your CDN or platform uses, or renewals will fail.',
        });
      }
    });
  },
});
