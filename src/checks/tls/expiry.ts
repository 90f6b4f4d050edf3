/**
 * tls.expiry: how long the certificates a host serves stay valid, graded against thresholds
 * scaled to each certificate's lifetime (see engines/tls/certificate-dates.ts).
 */
import type { CertificateInfo } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import {
  certificateDates,
  expiryThresholds,
  gradeExpiry,
  hasValidDates,
  issuerLabel,
  type CertificateDates,
  type ExpiryGrade,
  type ExpiryThresholds,
} from '../../engines/tls/index.js';
import { declaredHosts } from '../../probes/declared-hosts.js';
import { mapLimit } from '../../core/map-limit.js';

/** One judged certificate. */
interface Judged {
  cert: CertificateInfo;
  role: 'leaf' | 'intermediate';
  dates: CertificateDates;
  thresholds: ExpiryThresholds;
  grade?: ExpiryGrade;
}

export type ExpiryVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; messageId: 'expired' | 'expiresSoon'; severity: ExpiryGrade; evidence: Evidence }
  | { ok: 'unjudgeable'; reason: string };

const RANK: Record<ExpiryGrade, number> = { blocker: 0, high: 1, medium: 2 };

/**
 * Judges the leaf and every intermediate the server sends (self-signed roots are trust anchors:
 * the client's copy counts, not the one sent). An intermediate already expired while the chain
 * still verified (`chainVerified`) is a stale cross-sign the verifier routed around, not an outage.
 */
export function judgeExpiry(chain: readonly CertificateInfo[], now: Date, chainVerified: boolean): ExpiryVerdict {
  if (chain.length === 0) return { ok: 'unjudgeable', reason: 'no certificate presented' };
  const candidates = chain.filter((c, i) => i === 0 || !c.selfSigned);
  const bad = candidates.find((c) => !hasValidDates(c));
  if (bad) return { ok: 'unjudgeable', reason: `certificate "${bad.subject}" has unreadable validity dates` };

  const judged: Judged[] = candidates.map((cert, i) => {
    const dates = certificateDates(cert, now);
    const thresholds = expiryThresholds(dates.lifetimeDays);
    return { cert, role: i === 0 ? 'leaf' : 'intermediate', dates, thresholds, grade: gradeExpiry(dates.exactDaysLeft, thresholds) };
  });
  const ignored = judged.filter((j) => j.role === 'intermediate' && j.dates.expired && chainVerified);
  const counted = judged.filter((j) => !ignored.includes(j));
  const chainSummary = judged.map((j) => describe(j) + (ignored.includes(j) ? ' (ignored: the chain verifies without it)' : ''));

  const expired = counted.find((j) => j.dates.expired);
  if (expired) {
    return {
      ok: false,
      messageId: 'expired',
      severity: 'blocker',
      evidence: { ...evidenceOf(expired, now), daysAgo: Math.max(1, -expired.dates.daysLeft), chain: chainSummary },
    };
  }
  const worst = counted
    .filter((j) => j.grade !== undefined)
    .sort((a, b) => RANK[a.grade!] - RANK[b.grade!] || a.dates.exactDaysLeft - b.dates.exactDaysLeft)[0];
  if (worst) {
    return { ok: false, messageId: 'expiresSoon', severity: worst.grade!, evidence: { ...evidenceOf(worst, now), chain: chainSummary } };
  }
  return { ok: true, evidence: { ...evidenceOf(judged[0], now), chain: chainSummary } };
}

function label(j: Judged): string {
  return j.role === 'leaf' ? 'leaf certificate' : `intermediate certificate "${j.cert.subject}"`;
}

function describe(j: Judged): string {
  const left = j.dates.expired ? `expired ${j.dates.validTo}` : `${j.dates.daysLeft} days left`;
  return `${label(j)}: ${left} (${j.dates.lifetimeDays}-day lifetime)`;
}

function evidenceOf(j: Judged, now: Date): Evidence {
  const { blocker, high, medium } = j.thresholds;
  return {
    certificate: label(j),
    subject: j.cert.subject,
    issuer: issuerLabel(j.cert),
    validFrom: j.dates.validFrom,
    validTo: j.dates.validTo,
    daysLeft: j.dates.daysLeft,
    lifetimeDays: j.dates.lifetimeDays,
    thresholds: { blocker, high, medium },
    expected: `≥ ${medium} days left`,
    actual: j.dates.expired ? `expired ${j.dates.validTo}` : `${j.dates.daysLeft} days left`,
    now: now.toISOString(),
  };
}

export default createCheck({
  meta: {
    id: 'tls.expiry',
    stage: 1,
    title: 'TLS certificate not about to expire',
    defaultSeverity: 'high',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    expired: 'The {{certificate}} of {{target}} expired {{daysAgo}} day(s) ago ({{validTo}})',
    expiresSoon: 'The {{certificate}} of {{target}} expires in {{daysLeft}} day(s) ({{validTo}})',
  },
  remediation: {
    expired: 'Renew the certificate now and reload whatever serves it (web server, CDN, load balancer); then automate renewal with an ACME client (certbot, Caddy, cert-manager) or the platform\'s managed certificates.',
    expiresSoon: 'Renew before the date shown (ACME clients renew at two thirds of the lifetime: `certbot renew` from a timer/cron), and check renewals deploy — an alert at 30 and 14 days catches a renewal job that silently stopped.',
  },
  async run(ctx) {
    const hosts = declaredHosts(ctx);
    const gathered = await mapLimit(hosts, ctx.config.network.concurrency, (h) => ctx.probes.tls(h));
    const now = ctx.clock.now();
    hosts.forEach((host, i) => {
      const got = gathered[i];
      if (!got.ok) return ctx.error(host, got.error);
      const verdict = judgeExpiry(got.value.chain, now, got.value.authorized);
      if (verdict.ok === 'unjudgeable') return ctx.error(host, { code: 'BAD_CERTIFICATE', message: verdict.reason });
      if (verdict.ok) return ctx.pass(host, { evidence: verdict.evidence });
      ctx.fail({ target: host, messageId: verdict.messageId, severity: verdict.severity, evidence: verdict.evidence });
    });
  },
});
