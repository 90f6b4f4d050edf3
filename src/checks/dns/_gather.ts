/**
 * Helpers the DNS and subdomain checks share: bounded-concurrency gathering and the views of the
 * declared hosts they iterate over.
 */
import type { CheckContext } from '../../core/types.js';
import type { HostTarget } from '../../core/targets.js';
import { normalizeHostName } from '../../engines/dns/index.js';

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
