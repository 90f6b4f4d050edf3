/** Cross-field rules the schema applies once an object's own fields are valid. */
import { didYouMean } from './did-you-mean.js';
import { fail } from './schema-primitives.js';

type Ctx = Parameters<typeof fail>[0];

/**
 * Reports every item whose `key` repeats an earlier item's (names must be unique in a list).
 * `at` is the list's path relative to the object being refined (`['hosts']`), `[]` for the list itself.
 */
export function uniqueBy<T>(
  ctx: Ctx, at: PropertyKey[], items: readonly T[], key: (t: T) => string, field: string, what: string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, i);
      return;
    }
    fail(ctx, {
      lr: 'LR_CONFIG_DUPLICATE',
      path: [...at, i, field],
      message: `${what} "${k}" is declared twice (first at index ${first})`,
      fix: `give each ${what} a unique ${field}, or remove the repeat`,
    });
  });
}

/** Reports a name that refers to nothing declared, suggesting the closest declared one. */
export function checkReference(ctx: Ctx, name: string, known: readonly string[], path: PropertyKey[], what: string): void {
  if (known.includes(name)) return;
  const near = didYouMean(name, known);
  fail(ctx, {
    lr: 'LR_CONFIG_REFERENCE',
    path,
    message: `no ${what} named "${name}"${near ? ` — did you mean "${near}"?` : ''}`,
    fix: known.length ? `use one of: ${known.join(', ')}` : `declare the ${what} first`,
  });
}
