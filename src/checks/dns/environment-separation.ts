/**
 * dns.environment-separation: staging (and every other non-production environment) runs apart
 * from production. A staging host resolving to production's addresses means a staging deploy,
 * test data or a debug flag lands on the production machine; a staging canonical page answering
 * byte for byte like production's means "staging" is production under another name.
 */
import { createHash } from 'node:crypto';
import { createCheck } from '../../core/create-check.js';
import type { Evidence, FailReport } from '../../core/types.js';
import { edgeOfResponse, normalizeHostName } from '../../engines/dns/index.js';
import { productionEnvironment } from '../../core/production-environment.js';

import { mapLimit } from '../../core/map-limit.js';
import { findOverlap, overlapEdge, servesSamePage, type Resolution } from '../../engines/dns/separation-judge.js';

/** What is known about one target before it is reported. */
interface Verdicts {
  fails: Omit<FailReport, 'target'>[];
  errors: unknown[];
  skip?: string;
  evidence: Evidence;
  note?: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const hostOfUrl = (url: string) => {
  try {
    return normalizeHostName(new URL(url).hostname);
  } catch {
    return undefined;
  }
};

export default createCheck({
  meta: {
    id: 'dns.environment-separation',
    stage: 1,
    title: 'Non-production environments do not share production\'s origin',
    defaultSeverity: 'high',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    sharedOrigin: '{{target}} ({{environment}}) resolves to the same origin as production host(s) {{productionHosts}}: {{shared}}',
    servesProduction: '{{target}} ({{environment}}) answers {{url}} with exactly the page production serves at {{productionUrl}}',
  },
  remediation: {
    sharedOrigin:
      'Run the environment on its own server or platform app (a separate VM, container service, Vercel/Netlify project or Heroku app) with its own database and secrets, and point its DNS record there. If sharing one load balancer or ingress is intended (it routes by Host to separate backends), declare `shared_origin: true` on the host in launchready.yml.',
    servesProduction:
      'The environment\'s hostname is served by the production deployment: point its DNS/virtual host at the staging deployment. Make staging visibly different too (a "staging" banner or title), so nobody mistakes one for the other.',
  },
  async run(ctx) {
    const environments = ctx.targets.environments();
    if (environments.length < 2) {
      return ctx.skip(ctx.config.project, `only one environment declared (${environments.join(', ')}): nothing to keep apart`);
    }
    const production = productionEnvironment(environments)!;
    const once = <T extends { name: string }>(list: T[]) =>
      list.map((h) => ({ ...h, name: normalizeHostName(h.name) }))
        .filter((h, i, all) => h.name !== '' && all.findIndex((x) => x.name === h.name) === i);
    const prodHosts = once(ctx.targets.hostsOf(production));
    // A name declared both in production and elsewhere is one machine: it compares equal to itself, so it is shared.
    const otherHosts = once(ctx.targets.hosts().filter((h) => h.environment !== production));

    const names = [...new Set([...prodHosts.map((h) => h.name), ...otherHosts.map((h) => h.name)])];
    const answers = new Map(
      (await mapLimit(names, ctx.config.network.concurrency, async (n) => [n, await ctx.probes.addresses(n)] as const)),
    );
    const resolution = (name: string): Resolution | undefined => {
      const got = answers.get(name);
      if (!got?.ok || got.value.status !== 'ok') return undefined;
      return { name, addresses: [...got.value.a, ...got.value.aaaa], cnames: got.value.cnames };
    };
    const prodResolved = prodHosts.map((h) => resolution(h.name)).filter((r): r is Resolution => r !== undefined);
    const prodFailed = prodHosts.filter((h) => !answers.get(h.name)?.ok).map((h) => h.name);

    // Created in config order (hosts, then canonical hosts) so results come out in that order.
    const verdicts = new Map<string, Verdicts>();
    const verdictOf = (target: string, environment: string) => {
      let v = verdicts.get(target);
      if (!v) verdicts.set(target, (v = { fails: [], errors: [], evidence: { environment, production } }));
      return v;
    };

    for (const h of otherHosts) verdictOf(h.name, h.environment);
    // Canonical pages to compare with production's: environments whose canonical URL differs from it.
    const prodCanonical = ctx.config.environments[production]?.canonical;
    const pages: { env: string; url: string; target: string }[] = [];
    for (const env of environments.filter((e) => e !== production)) {
      const url = ctx.config.environments[env]?.canonical;
      const target = url ? hostOfUrl(url) : undefined;
      if (!url || !target || !prodCanonical || new URL(url).href === new URL(prodCanonical).href) continue;
      pages.push({ env, url, target });
      verdictOf(target, env);
    }

    await mapLimit(otherHosts, ctx.config.network.concurrency, async (host) => {
      const v = verdictOf(host.name, host.environment);
      const got = answers.get(host.name)!;
      if (!got.ok) return void v.errors.push(got.error);
      const mine = resolution(host.name);
      if (!mine) return void (v.skip = `${host.name} does not resolve (${got.value.status}); dns.records-match reports it`);
      Object.assign(v.evidence, { addresses: mine.addresses, chain: [host.name, ...mine.cnames] });
      const overlap = findOverlap(mine, prodResolved);
      if (!overlap) {
        // Nothing shared with what resolved; a production host we could not resolve might still match.
        if (prodFailed.length) v.errors.push({ code: 'INCOMPLETE', message: `could not resolve production host(s) ${prodFailed.join(', ')} to compare with` });
        return;
      }
      const shared = [...overlap.sharedAddresses, ...(overlap.sharedTarget ? [`CNAME ${overlap.sharedTarget}`] : [])];
      Object.assign(v.evidence, overlap);
      if (host.shared_origin) {
        v.note = `${host.name} shares ${shared.join(', ')} with production, declared with shared_origin: true`;
        return;
      }
      let edge = overlapEdge(overlap);
      if (!edge) {
        // Shared addresses may be a CDN's anycast edge the lists do not know: ask the response.
        const page = await ctx.probes.fetch(`https://${host.name}/`);
        edge = page.ok ? edgeOfResponse(page.value.headers) : undefined;
      }
      if (edge) {
        v.note = `${host.name} shares ${shared.join(', ')} with production, but those belong to ${edge}'s shared edge: DNS cannot show the origin behind it`;
        v.evidence.sharedEdge = edge;
        return;
      }
      v.fails.push({
        messageId: 'sharedOrigin',
        data: { shared: shared.join(', ') },
        evidence: {
          ...v.evidence,
          expected: 'addresses and CNAME targets of its own',
          actual: `shares ${shared.join(', ')} with ${overlap.productionHosts.join(', ')}`,
        },
      });
    });

    // The canonical pages: a non-production environment must not answer with production's bytes.
    await mapLimit(pages, ctx.config.network.concurrency, async ({ env, url, target }) => {
      const v = verdictOf(target, env);
      const [mine, theirs] = await Promise.all([ctx.probes.fetch(url), ctx.probes.fetch(prodCanonical!)]);
      if (!mine.ok) return void v.errors.push(mine.error);
      if (!theirs.ok) return void v.errors.push({ code: theirs.error.code, message: `production page ${prodCanonical}: ${theirs.error.message}` });
      v.evidence.pageComparedWith = theirs.value.url;
      if (!servesSamePage(mine.value, theirs.value)) return;
      v.fails.push({
        messageId: 'servesProduction',
        evidence: {
          environment: env,
          url: mine.value.url,
          productionUrl: theirs.value.url,
          expected: 'a page of its own',
          actual: `identical ${mine.value.body.length}-byte body (sha256 ${sha256(mine.value.body).slice(0, 16)}…)`,
        },
      });
    });

    for (const [target, v] of verdicts) {
      if (v.fails.length) {
        for (const f of v.fails) ctx.fail({ target, ...f, data: { environment: v.evidence.environment, ...f.data } });
      } else if (v.errors.length) {
        ctx.error(target, v.errors[0]);
      } else if (v.skip) {
        ctx.skip(target, v.skip);
      } else {
        ctx.pass(target, { evidence: v.evidence, ...(v.note ? { message: v.note } : {}) });
      }
    }
  },
});
