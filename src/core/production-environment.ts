/** Which declared environment is production, for the checks that compare the others against it. */
import { productionEnvironments } from './production.js';

/**
 * The production environment: the first one named production/prod/live, else the first whose
 * name does not say staging/dev/test…, else the first declared; undefined when none is declared.
 */
export function productionEnvironment(names: readonly string[]): string | undefined {
  return productionEnvironments({ environments: () => [...names] })[0];
}
