/**
 * Target lists and a bounded fan-out shared by the redirect and HTTPS checks.
 */
import type { CheckContext } from '../../core/types.js';

/** Every declared host name of every environment, lower-cased, without a root dot, once each, in config order. */
export function declaredHosts(ctx: Pick<CheckContext, 'targets'>): string[] {
  const names = ctx.targets.hosts().map((h) => h.name.trim().toLowerCase().replace(/\.$/, ''));
  return [...new Set(names.filter((n) => n !== ''))];
}

/**
 * Runs `gather` for every item with at most `limit` in flight and returns the answers in input
 * order, so results come out in config order whatever finishes first, and one stalled host does
 * not serialise the rest.
 */
export async function gatherAll<T, R>(items: readonly T[], limit: number, gather: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await gather(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
