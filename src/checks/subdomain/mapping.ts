/**
 * subdomain.mapping: every declared surface (app, api, admin …) resolves, answers over HTTPS and
 * serves what its role says. The classic launch-day mix-ups it catches: the API host still
 * showing the web server's welcome page, the app host answering with the API's JSON, a surface
 * that was never pointed anywhere.
 */
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import { uniqueHosts } from '../../probes/declared-hosts.js';
import { mapLimit } from '../../core/map-limit.js';
import { describeChain, judgeMapping, roleOf } from '../../engines/subdomain/content.js';

export default createCheck({
  meta: {
    id: 'subdomain.mapping',
    stage: 1,
    title: 'Each subdomain serves what its role says',
    defaultSeverity: 'high',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    doesNotResolve: '{{target}} ({{role}}) does not resolve: {{actual}}',
    noHttps: '{{target}} ({{role}}) refuses HTTPS connections but answers plain HTTP',
    wrongContent: '{{target}} is declared as {{role}} but https://{{target}}/ answers {{actual}} (expected {{expected}})',
    serverError: '{{target}} ({{role}}) answers https://{{target}}/ with {{actual}}',
  },
  remediation: {
    doesNotResolve:
      'Create the DNS record for this surface (A/AAAA, or a CNAME to the platform that serves it), or remove the host from launchready.yml if the surface does not exist.',
    noHttps:
      'Serve HTTPS on port 443: enable TLS on the web server or platform (certbot --nginx, Caddy, a managed certificate on the load balancer/CDN) and redirect http:// to https://.',
    wrongContent:
      'Route the host to the service its role names: for nginx, a `server { server_name api.example.com; location / { proxy_pass http://api_backend; } }` block (a missing server_name makes nginx answer with its default site, e.g. "Welcome to nginx!"); on a PaaS/CDN, bind the custom domain to the right app or origin. If the role in launchready.yml is wrong, fix `role:` instead.',
    serverError:
      'The surface answers with a server error: check the upstream it proxies to (is the app running, is the proxy_pass/origin address right?) and the application logs.',
  },
  async run(ctx) {
    const hosts = uniqueHosts(ctx)
      .map((h) => ({ ...h, inferred: h.role === undefined, role: roleOf(h) }))
      .filter((h) => h.role !== undefined);

    // Gather concurrently, report in config order: each task returns its report as a thunk.
    const reports = await mapLimit(hosts, ctx.config.network.concurrency, async (host): Promise<() => void> => {
      const role = host.role!;
      const base: Evidence = { role, ...(host.inferred ? { roleInferred: true } : {}) };
      const addrs = await ctx.probes.addresses(host.name);
      if (!addrs.ok) return () => ctx.error(host.name, addrs.error);
      if (addrs.value.status !== 'ok') {
        const chain = [host.name, ...addrs.value.cnames];
        return () => ctx.fail({
          target: host.name,
          messageId: 'doesNotResolve',
          evidence: { ...base, expected: 'A or AAAA records', actual: addrs.value.status === 'nxdomain' ? `NXDOMAIN for ${chain[chain.length - 1]}` : 'no A or AAAA record', chain },
        });
      }
      const url = `https://${host.name}/`;
      const chain = await ctx.probes.redirects(url);
      if (chain.error || !chain.final) {
        const error = chain.error ?? { code: 'NO_ANSWER', message: `no final answer from ${url}` };
        // Refused on the very first HTTPS connection means nothing listens on 443: if plain HTTP
        // answers, the host is up without HTTPS. Anything else (timeouts, TLS trouble) is not a finding.
        if (error.code === 'REFUSED' && chain.hops.length === 0) {
          const plain = await ctx.probes.fetch(`http://${host.name}/`);
          if (plain.ok) {
            return () => ctx.fail({
              target: host.name,
              messageId: 'noHttps',
              evidence: { ...base, expected: 'an HTTPS answer', actual: `HTTPS refused; http://${host.name}/ answered ${plain.value.status}`, url },
            });
          }
        }
        return () => ctx.error(host.name, error, { ...base, chain: describeChain(chain) });
      }
      const verdict = judgeMapping(role, host.name, chain.final, chain.hops.length > 1);
      const evidence: Evidence = { ...base, url, chain: describeChain(chain) };
      if (verdict.ok) return () => ctx.pass(host.name, { evidence: { ...evidence, ...(verdict.note ? { note: verdict.note } : {}) } });
      return () => ctx.fail({ target: host.name, messageId: verdict.messageId, evidence: { ...evidence, expected: verdict.expected, actual: verdict.actual } });
    });
    for (const report of reports) report();
  },
});
