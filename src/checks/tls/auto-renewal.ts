/**
 * tls.auto-renewal: signs that a host's certificate renews itself. Either its issuer is an ACME
 * CA or a platform that renews what it issues (engines/tls/issuers.ts), or it is short-lived —
 * nobody renews a ≤ 100-day certificate by hand for long, so a short lifetime implies automation.
 */
import type { CertificateInfo } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import { certificateDates, classifyIssuer, hasValidDates, issuerLabel } from '../../engines/tls/index.js';
import { declaredHosts } from '../../probes/declared-hosts.js';
import { mapLimit } from '../../core/map-limit.js';

/**
 * Lifetimes up to this many days count as automated. 100 rather than 90: it keeps ACME's 90-day
 * certificates (and CAs issuing a few days more) and matches the CA/Browser Forum's 2027 maximum
 * (ballot SC-081: 100 days from March 2027), by which point manual renewal stops being practical.
 */
export const SHORT_LIVED_MAX_DAYS = 100;

export type RenewalVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; messageId: 'manualRenewal'; evidence: Evidence }
  | { ok: 'unjudgeable'; reason: string };

/** Judges the leaf: automated issuer or short lifetime passes; anything else is a manual-renewal risk. */
export function judgeAutoRenewal(leaf: CertificateInfo | undefined, now: Date): RenewalVerdict {
  if (!leaf) return { ok: 'unjudgeable', reason: 'no certificate presented' };
  if (!hasValidDates(leaf)) return { ok: 'unjudgeable', reason: `certificate "${leaf.subject}" has unreadable validity dates` };
  const { lifetimeDays, validFrom, validTo } = certificateDates(leaf, now);
  const issuer = classifyIssuer(leaf);
  const base: Evidence = { issuer: issuerLabel(leaf), lifetimeDays, validFrom, validTo };
  if (issuer.automated) {
    const why = issuer.kind === 'managed' ? `platform-managed certificate (${issuer.ca})` : `ACME CA (${issuer.ca})`;
    return { ok: true, evidence: { ...base, automation: why } };
  }
  if (lifetimeDays <= SHORT_LIVED_MAX_DAYS) {
    return { ok: true, evidence: { ...base, automation: `short-lived certificate (${lifetimeDays} ≤ ${SHORT_LIVED_MAX_DAYS} days)` } };
  }
  return {
    ok: false,
    messageId: 'manualRenewal',
    evidence: {
      ...base,
      expected: `an ACME or platform-managed issuer, or a lifetime ≤ ${SHORT_LIVED_MAX_DAYS} days`,
      actual: `${lifetimeDays}-day certificate from ${issuerLabel(leaf)}, not a known ACME CA`,
    },
  };
}

export default createCheck({
  meta: {
    id: 'tls.auto-renewal',
    stage: 1,
    title: 'TLS certificate renews automatically',
    defaultSeverity: 'medium',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    manualRenewal: 'The certificate of {{target}} looks renewed by hand: {{lifetimeDays}}-day lifetime from {{issuer}}',
  },
  remediation: {
    manualRenewal:
      'Automate issuance and renewal: an ACME client (certbot, acme.sh, Caddy, Traefik, cert-manager on Kubernetes) with Let\'s Encrypt, ZeroSSL or Google Trust Services, or the managed certificates of your CDN/load balancer (Cloudflare, AWS Certificate Manager, Google-managed certificates). If a commercial CA is required, use its ACME endpoint and keep an expiry alert.',
  },
  async run(ctx) {
    const hosts = declaredHosts(ctx);
    const gathered = await mapLimit(hosts, ctx.config.network.concurrency, (h) => ctx.probes.tls(h));
    const now = ctx.clock.now();
    hosts.forEach((host, i) => {
      const got = gathered[i];
      if (!got.ok) return ctx.error(host, got.error);
      const verdict = judgeAutoRenewal(got.value.chain[0], now);
      if (verdict.ok === 'unjudgeable') return ctx.error(host, { code: 'BAD_CERTIFICATE', message: verdict.reason });
      if (verdict.ok) return ctx.pass(host, { evidence: verdict.evidence });
      ctx.fail({ target: host, messageId: verdict.messageId, evidence: verdict.evidence });
    });
  },
});
