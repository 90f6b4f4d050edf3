/**
 * tls.certificate-valid: every declared host presents a certificate a browser accepts — in its
 * dates, for its name, from a trusted chain. Dates are judged on the run's clock (node's own
 * verdict uses the wall clock and hides trust errors behind date errors: see chain-trust.ts).
 */
import type { TlsInspection } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import { certificateDates, chainLinks, issuerLabel, judgeChainTrust } from '../../engines/tls/index.js';
import { declaredHosts } from '../../probes/declared-hosts.js';
import { mapLimit } from '../../core/map-limit.js';

export type ValidityCause = 'expired' | 'notYetValid' | 'hostnameMismatch' | 'selfSigned' | 'untrusted';

export interface ValidityFinding {
  messageId: ValidityCause;
  evidence: Evidence;
}

export interface ValidityVerdict {
  /** Empty when the certificate is valid. */
  findings: ValidityFinding[];
  /** What every result shows: the leaf's subject, names, issuer, dates and the clock. */
  evidence: Evidence;
}

/** Judges one inspection at `now`; several causes may hold at once (expired and for another name). */
export function judgeCertificateValidity(inspection: TlsInspection, now: Date): ValidityVerdict {
  const leaf = inspection.chain[0];
  if (leaf === undefined) {
    return { findings: [{ messageId: 'untrusted', evidence: { reason: 'NO_CERTIFICATE', expected: 'a certificate' } }], evidence: {} };
  }
  const dates = certificateDates(leaf, now);
  const base: Evidence = {
    subject: leaf.subject,
    names: leaf.subjectAltNames,
    issuer: issuerLabel(leaf),
    validFrom: dates.validFrom,
    validTo: dates.validTo,
    now: now.toISOString(),
  };
  const findings: ValidityFinding[] = [];

  if (dates.expired) {
    findings.push({
      messageId: 'expired',
      evidence: { ...base, daysAgo: Math.max(1, -dates.daysLeft), expected: `validTo after ${base.now}`, actual: `expired ${dates.validTo}` },
    });
  }
  if (dates.notYetValid) {
    findings.push({
      messageId: 'notYetValid',
      evidence: { ...base, expected: `validFrom before ${base.now}`, actual: `valid only from ${dates.validFrom}` },
    });
  }
  if (!inspection.hostnameMatches) {
    findings.push({
      messageId: 'hostnameMismatch',
      evidence: { ...base, host: inspection.host, expected: `a name covering ${inspection.host}`, actual: leaf.subjectAltNames },
    });
  }

  const trust = judgeChainTrust(inspection, now);
  if (trust.status === 'selfSigned') {
    findings.push({
      messageId: 'selfSigned',
      evidence: { ...base, expected: 'a certificate issued by a trusted CA', actual: 'self-signed', ...(inspection.authorizationError ? { reason: inspection.authorizationError } : {}) },
    });
  } else if (trust.status === 'untrusted') {
    findings.push({
      messageId: 'untrusted',
      evidence: {
        ...base,
        reason: trust.reason,
        detail: trust.detail,
        ...(trust.inferred ? { reported: inspection.authorizationError } : {}),
        chain: chainLinks(inspection.chain),
        expected: 'a chain to a trusted root (system roots + network.ca)',
      },
    });
  }

  const evidence = trust.status === 'unknown'
    ? { ...base, chainTrust: `not verifiable: ${trust.reason} may hide other chain errors` }
    : base;
  return { findings, evidence };
}

export default createCheck({
  meta: {
    id: 'tls.certificate-valid',
    stage: 1,
    title: 'TLS certificate is valid',
    defaultSeverity: 'blocker',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    expired: 'The certificate of {{target}} expired {{daysAgo}} day(s) ago ({{validTo}})',
    notYetValid: 'The certificate of {{target}} is not valid before {{validFrom}}',
    hostnameMismatch: 'The certificate served for {{target}} does not cover it: it names {{names}}',
    selfSigned: 'The certificate of {{target}} is self-signed: browsers refuse it',
    untrusted: 'The certificate chain of {{target}} is not trusted ({{reason}}; issuer {{issuer}})',
  },
  remediation: {
    expired: 'Renew the certificate now and reload the server (or the CDN/load balancer) that serves it; then automate renewal (an ACME client such as certbot, Caddy or cert-manager) so it cannot lapse again.',
    notYetValid: 'The certificate was issued for the future or the server clock is wrong: check the server time (NTP) and reissue with a start date in the past.',
    hostnameMismatch: 'Serve a certificate whose subject alternative names include this host (add it to the certificate or use a one-level wildcard), and check the server/CDN picks it for this SNI name.',
    selfSigned: 'Replace the self-signed certificate with one from a publicly trusted CA (Let\'s Encrypt via an ACME client, or the managed certificates of your CDN/load balancer).',
    untrusted: 'Serve the full chain (leaf followed by its intermediates, e.g. fullchain.pem in nginx `ssl_certificate`), from a publicly trusted CA; an internal CA is only trusted inside your company.',
  },
  async run(ctx) {
    const hosts = declaredHosts(ctx);
    const gathered = await mapLimit(hosts, ctx.config.network.concurrency, (h) => ctx.probes.tls(h));
    const now = ctx.clock.now();
    hosts.forEach((host, i) => {
      const got = gathered[i];
      if (!got.ok) return ctx.error(host, got.error);
      const verdict = judgeCertificateValidity(got.value, now);
      if (verdict.findings.length === 0) return ctx.pass(host, { evidence: verdict.evidence });
      for (const f of verdict.findings) ctx.fail({ target: host, messageId: f.messageId, evidence: f.evidence });
    });
  },
});
