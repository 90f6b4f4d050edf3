/**
 * Which declared environments are production, their hosts and canonical origin: the checks that
 * judge "what users reach" (edge, admin, CORS, DNS separation) all ask the same question.
 */
import type { HostTarget, Targets } from './targets.js';

/** Environment names that mean "what users reach" (`production`, `prod`, `live`). */
const PRODUCTION_NAME = /^(?:prod(?:uction)?|live)$/i;
/** Names that never mean production (used when no environment is called production). */
const NON_PRODUCTION_NAME = /stag|dev|test|qa|preview|sandbox|demo|uat|local/i;

/**
 * The production environments: those named production/prod/live; otherwise every environment
 * whose name does not say staging, dev, test, preview…; otherwise all of them.
 */
export function productionEnvironments(targets: Pick<Targets, 'environments'>): string[] {
  const all = targets.environments();
  // production before prod before live, so the first entry is the most certain one.
  const rank = (e: string) => ['production', 'prod', 'live'].indexOf(e.toLowerCase());
  const named = all.filter((e) => PRODUCTION_NAME.test(e)).sort((a, b) => rank(a) - rank(b));
  if (named.length) return named;
  const notOther = all.filter((e) => !NON_PRODUCTION_NAME.test(e));
  return notOther.length ? notOther : all;
}

/** Hosts of the production environments, deduplicated by name, in config order. */
export function productionHosts(targets: Pick<Targets, 'environments' | 'hostsOf'>): HostTarget[] {
  const seen = new Set<string>();
  return productionEnvironments(targets)
    .flatMap((env) => targets.hostsOf(env))
    .filter((h) => {
      const name = h.name.trim().toLowerCase().replace(/\.$/, '');
      if (!name || seen.has(name)) return false;
      seen.add(name);
      return true;
    });
}

/** The canonical origin of the first production environment that declares one. */
export function productionCanonicalOrigin(targets: Pick<Targets, 'environments' | 'hostsOf'>): string | undefined {
  for (const env of productionEnvironments(targets)) {
    const canonical = targets.hostsOf(env).find((h) => h.canonical)?.canonical;
    if (canonical) {
      try {
        return new URL(canonical).origin;
      } catch {
        // An unparsable canonical is the config loader's concern; there is simply none to use.
      }
    }
  }
  return undefined;
}
