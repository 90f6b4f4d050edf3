/** Which declared environment is production, for the checks that compare the others against it. */

/** Environment names that mean production, compared case-insensitively. */
export const PRODUCTION_NAMES: readonly string[] = ['production', 'prod', 'live'];

/**
 * The production environment: the first named `production`, `prod` or `live` (in that order of
 * preference), else the first declared one; undefined when none is declared.
 */
export function productionEnvironment(names: readonly string[]): string | undefined {
  for (const wanted of PRODUCTION_NAMES) {
    const hit = names.find((n) => n.toLowerCase() === wanted);
    if (hit !== undefined) return hit;
  }
  return names[0];
}
