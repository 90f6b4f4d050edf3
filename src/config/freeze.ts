/** The config is validated once and then frozen: nothing downstream can change it. */

/**
 * Deep-freezes plain objects and arrays in place, first dropping keys whose value is `undefined`
 * (so `'x' in config.section` means "configured"). Returns its argument.
 */
export function deepFreeze<T>(value: T, depth = 0): T {
  // Config trees are shallow; the bound only guards against a cycle introduced by a bug.
  if (depth > 64 || value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (!Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      if ((value as Record<string, unknown>)[key] === undefined) delete (value as Record<string, unknown>)[key];
    }
  }
  for (const v of Object.values(value)) deepFreeze(v, depth + 1);
  return Object.freeze(value);
}
