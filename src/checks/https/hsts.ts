/**
 * https.hsts: every HTTPS host tells browsers to refuse plain HTTP for at least six months
 * (Strict-Transport-Security, RFC 6797). Judged on the answer to `https://<host>/`; a header on a
 * redirect answer counts, because the browser records HSTS from any HTTPS response of that host.
 */
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import { declaredHosts } from '../../probes/declared-hosts.js';
import { mapLimit } from '../../core/map-limit.js';
import { parseHsts, splitHeaderFields } from '../../engines/https/hsts.js';

export { parseHsts, splitHeaderFields, type HstsPolicy } from '../../engines/https/hsts.js';

/** 180 days: the floor hstspreload.org and most audits use; browsers preload at ≥ 1 year. */
export const HSTS_MIN_MAX_AGE = 15_552_000;

export type HstsVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; messageId: 'missing' | 'shortMaxAge' | 'invalid'; evidence: Evidence };

const EXPECTED = `Strict-Transport-Security with max-age ≥ ${HSTS_MIN_MAX_AGE} (180 days)`;
const days = (seconds: number) => Math.floor(seconds / 86_400);

/** Judges the Strict-Transport-Security value(s) of one HTTPS response. */
export function judgeHsts(headerValue: string | string[] | undefined): HstsVerdict {
  const raw = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  if (raw === undefined) return { ok: false, messageId: 'missing', evidence: { expected: EXPECTED, actual: 'no Strict-Transport-Security header' } };
  const fields = splitHeaderFields(raw);
  const header = fields[0];
  const count = fields.length + (Array.isArray(headerValue) ? headerValue.length - 1 : 0);
  const note = count > 1 ? { note: `${count} Strict-Transport-Security fields: browsers use only the first (RFC 6797 §8.1)` } : {};
  const parsed = parseHsts(header);
  if (!parsed.ok) {
    return { ok: false, messageId: 'invalid', evidence: { header, reason: parsed.reason, expected: EXPECTED, actual: `unparsable: ${parsed.reason}`, ...note } };
  }
  const { maxAge, includeSubDomains, preload } = parsed.policy;
  const facts = { header, maxAge, maxAgeDays: days(maxAge), minimum: HSTS_MIN_MAX_AGE, includeSubDomains, preload, expected: EXPECTED, actual: `max-age=${maxAge} (${days(maxAge)} days)`, ...note };
  if (maxAge < HSTS_MIN_MAX_AGE) return { ok: false, messageId: 'shortMaxAge', evidence: facts };
  return { ok: true, evidence: facts };
}

export default createCheck({
  meta: {
    id: 'https.hsts',
    stage: 1,
    title: 'HSTS on every HTTPS host',
    defaultSeverity: 'medium',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    missing: 'No Strict-Transport-Security header on {{url}}',
    shortMaxAge: 'Strict-Transport-Security max-age {{maxAge}} s on {{url}} is below {{minimum}} s (180 days)',
    invalid: 'Strict-Transport-Security on {{url}} is invalid ({{reason}}): browsers ignore it',
  },
  remediation: {
    missing:
      'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on every HTTPS response (add `preload` once every subdomain is HTTPS-only). nginx: `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;`; Cloudflare: SSL/TLS → Edge Certificates → HTTP Strict Transport Security (HSTS); Express: `helmet.hsts()`.',
    shortMaxAge:
      'Raise max-age to at least 15552000 (180 days), ideally 31536000 (1 year) or 63072000 (2 years, what hstspreload.org recommends). Start short while testing, then raise it before launch: a five-minute HSTS protects nobody between visits.',
    invalid:
      'Fix the header syntax (RFC 6797 §6.1): `max-age=<seconds>` once, directives separated by `;`, `includeSubDomains` without a value, no directive twice, one header only. Browsers ignore an invalid header completely.',
  },
  async run(ctx) {
    const hosts = declaredHosts(ctx);
    const answers = await mapLimit(hosts, ctx.config.network.concurrency, (h) => ctx.probes.fetch(`https://${h}/`));
    hosts.forEach((host, i) => {
      const got = answers[i];
      const url = `https://${host}/`;
      if (!got.ok) return ctx.error(host, got.error, { url });
      const verdict = judgeHsts(got.value.headers['strict-transport-security']);
      const evidence = { url, status: got.value.status, ...verdict.evidence };
      if (verdict.ok) return ctx.pass(host, { evidence });
      ctx.fail({ target: host, messageId: verdict.messageId, evidence });
    });
  },
});
