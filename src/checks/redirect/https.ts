/**
 * redirect.https: `http://host/` must be upgraded at once, permanently, to `https://`. Judged from
 * the shared redirect chain of `http://<host>/` (the same chain the deployment map shows).
 */
import { createCheck } from '../../core/create-check.js';
import type { Evidence, Severity } from '../../core/types.js';
import type { ProbeError } from '../../probes/types.js';
import { formatChain, isEndless, isPermanent, isRedirect, landing, schemeOf, type ChainData } from '../../engines/redirects/chain.js';
import { declaredHosts } from '../../probes/declared-hosts.js';
import { mapLimit } from '../../core/map-limit.js';

export type HttpsRedirectMessageId = 'servedOverHttp' | 'notPermanent' | 'viaHttp' | 'loop';

export interface HttpsRedirectFinding {
  messageId: HttpsRedirectMessageId;
  severity: Severity;
  evidence: Evidence;
}

export type HttpsRedirectVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; findings: HttpsRedirectFinding[] }
  | { ok: 'error'; error: ProbeError };

const EXPECTED = '301 or 308 from http:// straight to https://';
const RANK: Record<Severity, number> = { blocker: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * Judges the chain that starts at a host's `http://` URL. What counts is the first hop (the one a
 * browser, and HSTS preload, sees first); a downgrade back to a plain-HTTP page later in the chain
 * is reported too. A chain cut after a correct first hop (the HTTPS side timing out, a bot wall)
 * still passes: the upgrade itself was seen, and the HTTPS side is other checks' business.
 */
export function judgeHttpsRedirect(chain: ChainData): HttpsRedirectVerdict {
  const lines = formatChain(chain);
  if (isEndless(chain.error)) {
    return { ok: false, findings: [{ messageId: 'loop', severity: 'blocker', evidence: { url: chain.start, reason: chain.error!.message, expected: EXPECTED, actual: 'never reaches a page', chain: lines } }] };
  }
  const first = chain.hops[0];
  if (!first) return { ok: 'error', error: chain.error ?? { code: 'NO_RESPONSE', message: `no response from ${chain.start}` } };

  const findings: HttpsRedirectFinding[] = [];
  const end = landing(chain);
  if (end && schemeOf(end.url) === 'http:') {
    findings.push({
      messageId: 'servedOverHttp',
      severity: 'blocker',
      evidence: { url: end.url, status: end.status, expected: EXPECTED, actual: `${end.status} served over plain HTTP at ${end.url}`, chain: lines },
    });
  }
  if (isRedirect(first)) {
    const reached = chain.hops.findIndex((h) => schemeOf(h.url) === 'https:');
    const upgrade = chain.hops.slice(0, reached === -1 ? chain.hops.length : reached).filter(isRedirect);
    if (schemeOf(first.location) !== 'https:') {
      if (reached === -1 && !end) return { ok: 'error', error: chain.error ?? { code: 'NO_RESPONSE', message: `no response after ${first.location}` } };
      if (reached !== -1) {
        findings.push({
          messageId: 'viaHttp',
          severity: 'medium',
          evidence: { url: chain.start, firstHop: lines[0], hopsBeforeHttps: reached, expected: EXPECTED, actual: `first hop to ${first.location}; https:// reached after ${reached} redirects`, chain: lines },
        });
      }
    }
    const temporary = upgrade.filter((h) => !isPermanent(h.status));
    if (temporary.length && (reached !== -1 || schemeOf(first.location) === 'https:')) {
      findings.push({
        messageId: 'notPermanent',
        severity: 'high',
        evidence: { url: chain.start, status: temporary[0].status, expected: EXPECTED, actual: temporary.map((h) => `${h.status} ${h.url} → ${h.location}`), chain: lines },
      });
    }
  }
  if (findings.length) return { ok: false, findings: findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]) };
  return {
    ok: true,
    evidence: {
      url: chain.start,
      expected: EXPECTED,
      actual: lines[0],
      chain: lines,
      ...(chain.error ? { note: `the chain was cut after the upgrade (${chain.error.code}); the upgrade itself is judged` } : {}),
    },
  };
}

export default createCheck({
  meta: {
    id: 'redirect.https',
    stage: 1,
    title: 'HTTP redirects to HTTPS',
    defaultSeverity: 'blocker',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    servedOverHttp: '{{url}} answers {{status}} over plain HTTP instead of redirecting to https://',
    notPermanent: 'http://{{target}}/ is upgraded to HTTPS with a temporary {{status}} redirect instead of 301/308',
    viaHttp: 'http://{{target}}/ first redirects to another plain-HTTP URL before reaching https://',
    loop: 'http://{{target}}/ never reaches a page: {{reason}}',
  },
  remediation: {
    servedOverHttp:
      'Redirect every plain-HTTP request to HTTPS with a 301 or 308, same host, path and query kept. nginx: `server { listen 80; server_name example.com; return 301 https://$host$request_uri; }`; Cloudflare: SSL/TLS → Edge Certificates → "Always Use HTTPS"; AWS ALB: an HTTP:80 listener with a "Redirect to HTTPS:443, 301" action.',
    notPermanent:
      'Use 301 (or 308) for the HTTP→HTTPS upgrade: browsers and search engines cache permanent redirects, and HSTS preload requires them. nginx: `return 301 https://$host$request_uri;` rather than `return 302 …`/`rewrite … redirect`.',
    viaHttp:
      'Make the first hop go straight to https:// on the same host (`http://example.com/` → `https://example.com/`), then canonicalise over HTTPS. A first hop to another http:// URL sends the request in clear text twice and disqualifies the domain from HSTS preload.',
    loop:
      'Break the loop: usually an HTTPS redirect at the origin that does not see the TLS terminated at the proxy/CDN (trust `X-Forwarded-Proto`, or set Cloudflare SSL mode to "Full (strict)" instead of "Flexible"), or two rules redirecting to each other.',
  },
  async run(ctx) {
    const hosts = declaredHosts(ctx);
    const chains = await mapLimit(hosts, ctx.config.network.concurrency, (h) => ctx.probes.redirects(`http://${h}/`));
    hosts.forEach((host, i) => {
      const verdict = judgeHttpsRedirect(chains[i]);
      if (verdict.ok === 'error') return ctx.error(host, verdict.error, { chain: formatChain(chains[i]) });
      if (verdict.ok) return ctx.pass(host, { evidence: verdict.evidence });
      for (const f of verdict.findings) ctx.fail({ target: host, messageId: f.messageId, severity: f.severity, evidence: f.evidence });
    });
  },
});
