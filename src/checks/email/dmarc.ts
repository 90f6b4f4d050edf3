/**
 * email.dmarc: each mail domain is covered by exactly one valid DMARC record (RFC 7489), found
 * at `_dmarc.<domain>` or inherited from the organizational domain, that tells receivers to
 * quarantine or reject mail failing SPF/DKIM alignment, for all of it, and sends aggregate
 * reports somewhere that accepts them. DMARCbis (RFC 9989) tags are read and noted.
 */
import { createCheck } from '../../core/create-check.js';
import { mapLimit } from '../../core/map-limit.js';
import type { Evidence, Severity } from '../../core/types.js';
import {
  checkReportDestinations, discoverDmarc, parseDmarcRecord, type DmarcDiscovery, type DmarcPolicy, type ReportDestination,
} from '../../engines/dmarc/index.js';
import { txtLookupFrom } from '../../engines/mail/index.js';

export interface DmarcFinding {
  messageId: 'missing' | 'multipleRecords' | 'invalid' | 'pNone' | 'testingMode' | 'pctBelow100' | 'noRua' | 'ruaNotAuthorised';
  severity?: Severity;
  data?: Record<string, unknown>;
  evidence: Evidence;
}

export type DmarcVerdict = { ok: true; evidence: Evidence } | { ok: false; findings: DmarcFinding[] };

const EXPECTED = 'one record "v=DMARC1; p=quarantine|reject; rua=mailto:…" at _dmarc.<domain> (or its organizational domain)';

/**
 * Judges what discovery found (and, for a usable record, where its reports go). Pure.
 * The policy that applies is `p` at the domain itself, `sp` (else `p`) when inherited (§6.6.3).
 */
export function judgeDmarc(discovery: DmarcDiscovery, destinations: readonly ReportDestination[] = []): DmarcVerdict {
  const foundAt = discovery.policyDomain ? `_dmarc.${discovery.policyDomain}` : undefined;
  if (discovery.source === 'none') {
    return {
      ok: false,
      findings: [{
        messageId: 'missing',
        evidence: { expected: EXPECTED, actual: `no v=DMARC1 record at ${discovery.queried.join(' or ')}`, queried: discovery.queried },
      }],
    };
  }
  if (discovery.records.length > 1) {
    return {
      ok: false,
      findings: [{
        messageId: 'multipleRecords',
        data: { count: discovery.records.length, foundAt },
        evidence: { expected: 'exactly one v=DMARC1 record (RFC 7489 §6.6.3)', actual: discovery.records, foundAt },
      }],
    };
  }
  const parsed = parseDmarcRecord(discovery.records[0]);
  const { record } = parsed;
  const inherited = discovery.source === 'organizational';
  const effective: DmarcPolicy | undefined = parsed.usable ? (inherited ? record.sp ?? record.p : record.p) ?? 'none' : undefined;
  const base: Evidence = {
    record: record.raw,
    foundAt,
    ...(inherited ? { inheritedFrom: discovery.policyDomain, appliedTag: record.sp ? 'sp' : 'p' } : {}),
    ...(effective ? { policy: effective } : {}),
    tags: record.tags,
    ...(destinations.length ? { reportDestinations: destinations } : {}),
    ...(parsed.notes.length ? { notes: parsed.notes } : {}),
  };
  const findings: DmarcFinding[] = [];
  if (parsed.problems.length) {
    findings.push({
      messageId: 'invalid',
      // A discarded record protects nothing; an ignored tag is a smaller mistake.
      severity: parsed.usable ? 'medium' : 'high',
      data: { problems: parsed.problems.map((p) => p.message).join('; ') },
      evidence: { ...base, expected: EXPECTED, actual: parsed.problems.map((p) => p.message), usable: parsed.usable },
    });
  }
  if (!parsed.usable) return { ok: false, findings };

  if (effective === 'none') {
    findings.push({
      messageId: 'pNone',
      severity: 'medium',
      data: { tag: inherited && record.sp ? 'sp' : 'p' },
      evidence: { ...base, expected: 'p=quarantine or p=reject', actual: `${inherited && record.sp ? 'sp' : 'p'}=none (monitoring only)` },
    });
  } else if (record.testing) {
    findings.push({
      messageId: 'testingMode',
      severity: 'medium',
      evidence: { ...base, expected: 't=n (or no t=)', actual: 't=y: DMARCbis receivers apply one policy level less' },
    });
  } else if (record.pct < 100) {
    findings.push({
      messageId: 'pctBelow100',
      severity: 'medium',
      data: { pct: record.pct },
      evidence: { ...base, expected: 'pct=100 (or no pct=)', actual: `pct=${record.pct}: the policy applies to ${record.pct}% of failing mail` },
    });
  }
  if (record.rua.length === 0) {
    findings.push({
      messageId: 'noRua',
      severity: 'medium',
      evidence: { ...base, expected: 'rua=mailto:… (aggregate reports)', actual: 'no rua= tag: nobody hears which mail fails DMARC' },
    });
  } else {
    const rua = destinations.filter((d) => d.tag === 'rua');
    const usable = rua.filter((d) => !d.external || d.authorised !== false);
    if (rua.length > 0 && usable.length === 0) {
      findings.push({
        messageId: 'ruaNotAuthorised',
        severity: 'medium',
        data: { hosts: rua.map((d) => d.host).join(', ') },
        evidence: {
          ...base,
          expected: 'each external rua host publishes <domain>._report._dmarc.<host> TXT "v=DMARC1" (RFC 7489 §7.1)',
          actual: rua.map((d) => `${d.query}: not found`),
        },
      });
    }
  }
  return findings.length ? { ok: false, findings } : { ok: true, evidence: base };
}

export default createCheck({
  meta: {
    id: 'email.dmarc',
    stage: 2,
    title: 'DMARC policy enforced with reports',
    defaultSeverity: 'high',
    targetKind: 'domain',
    needs: ['email'],
  },
  messages: {
    missing: 'No DMARC record covers {{target}}: receivers apply no policy to mail forging it',
    multipleRecords: '{{count}} DMARC records at {{foundAt}}: receivers ignore them all',
    invalid: 'The DMARC record for {{target}} is invalid: {{problems}}',
    pNone: 'DMARC for {{target}} is {{tag}}=none: monitoring only, forged mail is still delivered',
    testingMode: 'DMARC for {{target}} is in testing mode (t=y): receivers soften the policy',
    pctBelow100: 'DMARC for {{target}} applies to {{pct}}% of failing mail only (pct={{pct}})',
    noRua: 'DMARC for {{target}} has no rua= address: nobody receives the aggregate reports',
    ruaNotAuthorised: 'DMARC reports for {{target}} go to {{hosts}}, which does not authorise them: receivers send nothing',
  },
  remediation: {
    missing: 'Publish a TXT record at `_dmarc.<domain>`: start with `v=DMARC1; p=none; rua=mailto:dmarc@<domain>`, read the reports for two to four weeks, then move to `p=quarantine` and `p=reject`.',
    multipleRecords: 'Delete all but one `v=DMARC1` TXT record at the name shown: RFC 7489 §6.6.3 makes receivers skip DMARC when there are several.',
    invalid: 'Fix the tags listed in the evidence: the record starts with `v=DMARC1;`, p/sp/np are none|quarantine|reject, pct is 0–100, adkim/aspf are r|s, rua/ruf are comma-separated mailto: URIs.',
    pNone: 'Once the aggregate reports show every legitimate sender passing SPF or DKIM with alignment, change to `p=quarantine`, then `p=reject` (and `sp=` for subdomains).',
    testingMode: 'Remove `t=y` once the reports look clean: DMARCbis receivers treat reject as quarantine and quarantine as none while it is set.',
    pctBelow100: 'Raise `pct` step by step to 100 (or remove the tag): DMARCbis drops pct, and until then the rest of the forged mail gets the next weaker treatment.',
    noRua: 'Add `rua=mailto:dmarc-reports@<domain>` (or your DMARC vendor\'s address) so receivers send daily aggregate reports.',
    ruaNotAuthorised: 'Ask the report destination to publish `<your domain>._report._dmarc.<their host>` TXT `v=DMARC1` (vendors do this when you sign up), or use an address at your own domain.',
  },
  async run(ctx) {
    const lookup = txtLookupFrom(ctx.probes.dns);
    await mapLimit(ctx.config.email?.domains ?? [], ctx.config.network.concurrency, async ({ name }) => {
      let discovery: DmarcDiscovery;
      try {
        discovery = await discoverDmarc(name, lookup);
      } catch (err) {
        // Timeouts and SERVFAIL are infrastructure trouble: no verdict.
        return ctx.error(name, err);
      }
      let destinations: ReportDestination[] = [];
      if (discovery.records.length === 1 && discovery.policyDomain) {
        const parsed = parseDmarcRecord(discovery.records[0]);
        if (parsed.usable) destinations = await checkReportDestinations(discovery.policyDomain, parsed.record, lookup);
      }
      const verdict = judgeDmarc(discovery, destinations);
      if (verdict.ok) return ctx.pass(name, { evidence: verdict.evidence });
      for (const f of verdict.findings) ctx.fail({ target: name, ...f });
    });
  },
});
