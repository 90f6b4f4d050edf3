/**
 * edge.cdn: every production host is served through a CDN or DDoS-protecting reverse proxy,
 * detected from its CNAME chain, the published address ranges its addresses fall in, or the
 * headers its edge adds to `https://host/`.
 */
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import { createRangeMatcher, detectCdn, type EdgeObservations, type RangeMatcher } from '../../engines/edge/index.js';
import { productionHosts } from '../../core/production.js';
import { mapLimit } from '../../core/map-limit.js';

export type CdnVerdict =
  | { ok: true; provider: string; signal: string; evidence: Evidence }
  | { ok: false; messageId: 'noCdn'; evidence: Evidence };

const headerText = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v);

/**
 * Judges what was observed of one host. Without headers (DNS only) a miss is not yet a verdict:
 * the caller fetches the page and judges again with them.
 */
export function judgeCdn(obs: EdgeObservations, match?: RangeMatcher): CdnVerdict {
  const signals = detectCdn(obs, match);
  if (signals.length) {
    const [first] = signals;
    return {
      ok: true,
      provider: first.provider,
      signal: first.signal,
      evidence: { provider: first.provider, signal: first.signal, signals: signals.map((s) => `${s.provider}: ${s.signal}`) },
    };
  }
  const h = obs.headers ?? {};
  return {
    ok: false,
    messageId: 'noCdn',
    evidence: {
      expected: 'a CDN / reverse proxy with DDoS protection (CNAME, published address range or edge headers)',
      actual: 'no CDN signal',
      cnames: [...(obs.cnames ?? [])],
      addresses: [...(obs.addresses ?? [])],
      server: headerText(h.server) ?? '(none)',
      ...(h.via ? { via: headerText(h.via) } : {}),
    },
  };
}

export default createCheck({
  meta: {
    id: 'edge.cdn',
    stage: 2,
    title: 'Production hosts behind a CDN with DDoS protection',
    defaultSeverity: 'medium',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    noCdn: '{{target}} is served straight from its origin: no CDN or DDoS-protecting proxy detected (server: {{server}})',
  },
  remediation: {
    noCdn:
      'Put the host behind a CDN / reverse proxy with DDoS protection (Cloudflare proxied record, Fastly, CloudFront, Akamai, Azure Front Door…), then lock the origin down so only the edge can reach it (allow the provider\'s published ranges or use authenticated origin pulls / origin access control).',
  },
  async run(ctx) {
    const hosts = productionHosts(ctx.targets).map((h) => h.name.trim().toLowerCase().replace(/\.$/, ''));
    const match = createRangeMatcher();
    await mapLimit(hosts, ctx.config.network.concurrency, async (host) => {
      const addrs = await ctx.probes.addresses(host);
      if (!addrs.ok) return ctx.error(host, addrs.error);
      if (addrs.value.status !== 'ok') {
        return ctx.error(host, { code: 'DNS', message: `${host} does not resolve (${addrs.value.status})` });
      }
      const dnsObs = { cnames: addrs.value.cnames, addresses: [...addrs.value.a, ...addrs.value.aaaa] };
      // DNS evidence holds whatever the response looks like, and spares a request.
      const byDns = judgeCdn(dnsObs, match);
      if (byDns.ok) return ctx.pass(host, { message: `Served through ${byDns.provider} (${byDns.signal})`, evidence: byDns.evidence });

      const url = `https://${host}/`;
      const page = await ctx.probes.fetch(url);
      if (!page.ok) return ctx.error(host, page.error, { url });
      const verdict = judgeCdn({ ...dnsObs, headers: page.value.headers }, match);
      if (verdict.ok) {
        return ctx.pass(host, { message: `Served through ${verdict.provider} (${verdict.signal})`, evidence: { ...verdict.evidence, url } });
      }
      ctx.fail({ target: host, messageId: verdict.messageId, evidence: { ...verdict.evidence, url, status: page.value.status } });
    });
  },
});
