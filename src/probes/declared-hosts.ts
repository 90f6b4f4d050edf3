/**
 * The declared hosts as the host-level checks iterate over them: once each (a name listed in two
 * environments is checked once, with its first declaration), names normalised, in config order.
 */
import type { HostTarget } from '../core/targets.js';
import type { CheckContext } from '../core/types.js';
import { normalizeHostName } from '../engines/dns/index.js';

/** Every declared host once, with its first declaration's environment and role. */
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

/** Every declared host name, lower-cased, without a root dot, once each. */
export function declaredHosts(ctx: Pick<CheckContext, 'targets'>): string[] {
  return uniqueHosts(ctx).map((h) => h.name);
}
