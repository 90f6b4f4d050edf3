/**
 * Helpers the DNS and subdomain checks share: bounded-concurrency gathering and the views of the
 * declared hosts they iterate over.
 */
import type { CheckContext } from '../../core/types.js';
import type { HostTarget } from '../../core/targets.js';
import { normalizeHostName } from '../../engines/dns/index.js';

/**
 * Runs `gather` for every item with at most `limit` in flight and returns the answers in input
 * order, so results come out in config order whatever finishes first.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, gather: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    // Each turn claims one index, so the loop ends after items.length turns in all.
    while (next < items.length) {
      const i = next++;
      out[i] = await gather(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/**
 * Declared hosts once each (a name listed in two environments is checked once, with its first
 * declaration), names normalised.
 */
export function uniqueHosts(ctx: Pick<CheckContext, 'targets'>): HostTarget[] {
  const seen = new Set<string>();
  const out: HostTarget[] = [];
  for (const h of ctx.targets.hosts()) {
    const name = normalizeHostName(h.name);
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    out.push({ ...h, name });
  }
  return out;
}
