/**
 * Helpers the edge, admin and CORS checks share: which environment is production, its hosts and
 * canonical origin, and a bounded parallel map so one slow host does not serialise the rest.
 */
import type { HostTarget, Targets } from '../../core/targets.js';

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
  const named = all.filter((e) => PRODUCTION_NAME.test(e));
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

/**
 * Runs `fn` over `items` with at most `limit` in flight and returns the answers in input order,
 * so results are reported in config order whatever finishes first.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
