/**
 * dns.dangling-cname: no CNAME of the product ends at a name that does not exist. Such a record
 * ("dangling") is how subdomain takeovers happen: whoever registers the missing name, or claims
 * the deleted bucket / app / page on the provider, serves content on the product's domain.
 *
 * Declared hosts get a result each; a short list of common labels under each registrable domain
 * is probed too, but those guesses only speak up when dangling (no noise, and their DNS errors
 * are ignored, since nobody asked about them).
 */
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import { isWithin, registrableOf } from '../../engines/dns/index.js';
import type { Gathered } from '../../probes/types.js';
import { uniqueHosts } from '../../probes/declared-hosts.js';
import { mapLimit } from '../../core/map-limit.js';

/** Labels commonly given to subdomains that outlive the service they pointed at. */
export const COMMON_SUBDOMAIN_LABELS: readonly string[] = Object.freeze([
  'www', 'app', 'api', 'admin', 'staging', 'dev', 'test', 'docs', 'status', 'blog', 'help', 'support',
  'mail', 'cdn', 'assets', 'static', 'beta', 'old', 'shop', 'portal', 'dashboard',
]);

/**
 * A label nobody uses: when it has a dangling CNAME too, the zone has a dangling wildcard
 * (`*.example.com CNAME …`), reported once instead of once per guessed name.
 */
export const WILDCARD_PROBE_LABEL = 'launchready-wildcard-probe';

/** The part of a lookup this check reads (A lookups and the `addresses` probe both fit). */
export interface ChainAnswer {
  status: 'ok' | 'nxdomain' | 'nodata';
  cnames: string[];
}

export type DanglingVerdict =
  | { dangling: false; evidence: Evidence }
  | { dangling: true; missingName: string; evidence: Evidence };

/**
 * A name dangles when it has at least one CNAME and the chain ends in NXDOMAIN (RFC 6604 §2.1:
 * the rcode describes the last name of the chain). A chain ending in NODATA points at a name that
 * exists, which someone still holds, so it does not dangle.
 */
export function judgeDangling(name: string, got: ChainAnswer): DanglingVerdict {
  const chain = [name, ...got.cnames];
  if (got.cnames.length === 0 || got.status !== 'nxdomain') {
    return { dangling: false, evidence: { chain, status: got.status, ...(got.cnames.length ? {} : { note: 'no CNAME' }) } };
  }
  const missingName = chain[chain.length - 1];
  return {
    dangling: true,
    missingName,
    evidence: { chain, expected: 'every CNAME target resolves', actual: `NXDOMAIN for ${missingName}`, missingName },
  };
}

/** Whether a dangling target is inside one of the product's own domains (no outsider can claim it). */
export function danglesInside(missingName: string, ownDomains: readonly string[]): boolean {
  return ownDomains.some((d) => isWithin(missingName, d));
}

interface Dangling {
  target: string;
  verdict: Extract<DanglingVerdict, { dangling: true }>;
  extra: Evidence;
}

const sameChain = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export default createCheck({
  meta: {
    id: 'dns.dangling-cname',
    stage: 1,
    title: 'No CNAME points at a name that does not exist',
    defaultSeverity: 'high',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    dangling: '{{target}} is a CNAME to {{missingName}}, which does not exist: a subdomain takeover risk',
  },
  remediation: {
    dangling:
      'Remove the CNAME record at your DNS provider if the service is gone, or reclaim the resource it points to (re-create the bucket, app, Pages site or custom-domain binding under your own account) before anyone else does. Until then, whoever claims that name serves content — and can obtain certificates and read cookies — on your domain.',
  },
  async run(ctx) {
    const declared = uniqueHosts(ctx);
    const declaredNames = new Set(declared.map((h) => h.name));
    const domains = ctx.targets.registrableDomains();
    const limit = ctx.config.network.concurrency;
    const found: Dangling[] = [];

    const declaredAnswers = await mapLimit(declared, limit, (h) => ctx.probes.addresses(h.name));
    declared.forEach((h, i) => {
      const got = declaredAnswers[i];
      if (!got.ok) return ctx.error(h.name, got.error);
      const v = judgeDangling(h.name, got.value);
      if (v.dangling) found.push({ target: h.name, verdict: v, extra: { declared: true } });
      else ctx.pass(h.name, { evidence: v.evidence });
    });

    const guessed = domains.flatMap((d) => COMMON_SUBDOMAIN_LABELS.map((l) => `${l}.${d}`)).filter((n) => !declaredNames.has(n));
    const wildcardNames = domains.map((d) => `${WILDCARD_PROBE_LABEL}.${d}`);
    const lookup = (name: string): Promise<Gathered<ChainAnswer>> => ctx.probes.dns(name, 'A');
    const [wildAnswers, guessAnswers] = await Promise.all([mapLimit(wildcardNames, limit, lookup), mapLimit(guessed, limit, lookup)]);

    const wildChains = new Map<string, string[]>();
    domains.forEach((d, i) => {
      const got = wildAnswers[i];
      if (!got.ok) return;
      const v = judgeDangling(wildcardNames[i], got.value);
      if (!v.dangling) return;
      wildChains.set(d, got.value.cnames);
      found.push({ target: `*.${d}`, verdict: v, extra: { wildcard: true } });
    });
    guessed.forEach((name, i) => {
      const got = guessAnswers[i];
      // Guessed names nobody declared: errors and healthy answers stay silent.
      if (!got.ok) return;
      const v = judgeDangling(name, got.value);
      if (!v.dangling) return;
      const domain = domains.find((d) => isWithin(name, d));
      const wild = domain ? wildChains.get(domain) : undefined;
      if (wild && sameChain(wild, got.value.cnames)) return;
      found.push({ target: name, verdict: v, extra: { declared: false } });
    });

    // Is the dead target's own domain registered at all? NXDOMAIN there means anyone can buy it.
    const registered = await mapLimit(found, limit, async (f) => {
      const domain = registrableOf(f.verdict.missingName);
      if (!domain || danglesInside(f.verdict.missingName, domains)) return undefined;
      const soa = await ctx.probes.dns(domain, 'SOA');
      return soa.ok ? soa.value.status !== 'nxdomain' : undefined;
    });
    found.forEach((f, i) => {
      const inside = danglesInside(f.verdict.missingName, domains);
      ctx.fail({
        target: f.target,
        messageId: 'dangling',
        // A dead end inside the product's own zone is broken but cannot be claimed by outsiders.
        severity: inside ? 'low' : undefined,
        evidence: {
          ...f.verdict.evidence,
          ...f.extra,
          takeoverRisk: !inside,
          missingDomain: registrableOf(f.verdict.missingName) ?? f.verdict.missingName,
          ...(registered[i] === false ? { missingDomainRegistered: false } : {}),
        },
      });
    });
  },
});
