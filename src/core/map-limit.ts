/**
 * Runs `fn` over `items` with at most `limit` in flight and returns the answers in input order,
 * so results come out in config order whatever finishes first and one slow target does not
 * serialise the rest.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    // Each turn claims one index, so the loops end after items.length turns in all.
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
