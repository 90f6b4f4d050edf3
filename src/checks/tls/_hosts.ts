/**
 * Helpers the TLS checks share: the declared hosts, deduplicated, and gathering a probe for each
 * under a concurrency bound so one stalled handshake does not serialise the rest.
 */
import type { CheckContext } from '../../core/types.js';

/** Every declared host name of every environment, lower-cased, without a root dot, once each, in config order. */
export function declaredHosts(ctx: Pick<CheckContext, 'targets'>): string[] {
  const names = ctx.targets.hosts().map((h) => h.name.trim().toLowerCase().replace(/\.$/, ''));
  return [...new Set(names.filter((n) => n !== ''))];
}
