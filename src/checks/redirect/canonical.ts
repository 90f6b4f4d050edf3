/**
 * redirect.canonical: every way of typing the product's address (http/https × apex, www and the
 * other front hosts) lands on the one canonical origin, quickly, permanently, keeping the path.
 */
import { createCheck } from '../../core/create-check.js';
import { formatChain } from '../../engines/redirects/chain.js';
import { canonicalVariants, declaredOriginsOf, judgeCanonicalChain, type CanonicalVariant } from '../../engines/redirects/canonical-judge.js';

import { mapLimit } from '../../core/map-limit.js';

export { canonicalVariants, judgeCanonicalChain, keepsPathAndQuery, PROBE_PATH } from '../../engines/redirects/canonical-judge.js';

interface Planned extends CanonicalVariant {
  canonical: string;
  declaredOrigins: string[];
}

export default createCheck({
  meta: {
    id: 'redirect.canonical',
    stage: 1,
    title: 'Every address variant reaches the canonical origin',
    defaultSeverity: 'high',
    targetKind: 'url',
    needs: ['environments'],
  },
  messages: {
    wrongDestination: '{{target}} does not reach the canonical origin {{canonical}} ({{actual}})',
    tooManyHops: '{{target}} takes {{hops}} redirects to reach {{canonical}} (at most {{maxHops}})',
    temporary: '{{target}} reaches {{canonical}} through a temporary {{status}} redirect instead of 301/308',
    pathDropped: '{{target}} loses the path or query on its way to {{canonical}}',
    loop: '{{target}} never reaches a page: {{reason}}',
  },
  remediation: {
    wrongDestination:
      'Redirect this variant to the canonical origin (or correct `canonical:` in launchready.yml if another origin is the real one). nginx: `server { listen 443 ssl; server_name example.com www.example.com; return 301 https://app.example.com$request_uri; }`; Cloudflare: a Single Redirect rule with "Preserve query string" and status 301.',
    tooManyHops:
      'Redirect straight to the canonical origin in one hop (two from plain http:// on another host: first to https:// on the same host, as HSTS preload requires, then to the canonical origin). Collapse chains such as http://apex → http://www → https://www → https://app into one rule per variant.',
    temporary:
      'Use 301 (or 308) for canonicalisation redirects: browsers and search engines cache and consolidate only permanent ones. nginx: `return 301 …` rather than `return 302 …`; Cloudflare redirect rules: status 301.',
    pathDropped:
      'Keep the path and query when redirecting (`$request_uri` in nginx, `%{REQUEST_URI}` in Apache, "Preserve path/query string" in Cloudflare rules): dropping them breaks every deep link, bookmark and e-mailed link to the old variant.',
    loop:
      'Break the loop: usually an origin that does not see the TLS terminated at the proxy/CDN (trust `X-Forwarded-Proto`; Cloudflare SSL mode "Full (strict)" instead of "Flexible"), or two redirect rules pointing at each other.',
  },
  async run(ctx) {
    const planned: Planned[] = [];
    for (const env of ctx.targets.environments()) {
      const canonical = ctx.config.environments[env]?.canonical;
      if (!canonical) {
        ctx.skip(env, `environment "${env}" declares no \`canonical:\` origin`);
        continue;
      }
      const hosts = ctx.targets.hostsOf(env);
      const declaredOrigins = declaredOriginsOf(hosts);
      const variants = canonicalVariants(canonical, hosts);
      if (variants.length === 0) ctx.skip(env, `canonical "${canonical}" of "${env}" is not a URL`);
      planned.push(...variants.map((v) => ({ ...v, canonical, declaredOrigins })));
    }
    const chains = await mapLimit(planned, ctx.config.network.concurrency, (v) => ctx.probes.redirects(v.start));
    planned.forEach((v, i) => {
      const verdict = judgeCanonicalChain(chains[i], v);
      if (verdict.ok === 'error') return ctx.error(v.target, verdict.error, { chain: formatChain(chains[i]) });
      if (verdict.ok) return ctx.pass(v.target, { evidence: verdict.evidence });
      for (const f of verdict.findings) ctx.fail({ target: v.target, messageId: f.messageId, evidence: f.evidence });
    });
  },
});
