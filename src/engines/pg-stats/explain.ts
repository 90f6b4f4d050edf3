/**
 * How to get a plan for a normalised statement (`… WHERE email = $1`) without running it.
 * EXPLAIN without ANALYZE never executes; the `$n` placeholders need a generic plan:
 * `EXPLAIN (GENERIC_PLAN)` on 16+, and before that a prepared statement with
 * `plan_cache_mode = force_generic_plan` (12+), explained with NULL arguments that the generic
 * plan never looks at. Before 12 a parameterised statement cannot be explained faithfully (NULLs
 * would fold the filter to false), so it is left out.
 */
import { OWN_MARKER, parameterCount } from './statements.js';

/** One SQL step; `plan` marks the one whose single row holds the JSON plan. */
export interface ExplainStep {
  sql: string;
  plan?: true;
  /** Clean-up steps run even after a failure. */
  cleanup?: true;
}

const OPTIONS = 'FORMAT JSON, VERBOSE, COSTS';

/** The steps, or undefined when this server cannot explain the statement faithfully. */
export function explainSteps(query: string, serverVersion: number, slot: number): ExplainStep[] | undefined {
  const body = query.trim().replace(/;\s*$/, '');
  const params = parameterCount(body);
  // The marker rides in a comment so pg_stat_statements' own entry for the EXPLAIN is recognisable.
  const tag = `/* ${OWN_MARKER} */`;
  if (params === 0) return [{ sql: `EXPLAIN (${OPTIONS}) ${tag} ${body}`, plan: true }];
  if (serverVersion >= 160000) return [{ sql: `EXPLAIN (GENERIC_PLAN, ${OPTIONS}) ${tag} ${body}`, plan: true }];
  if (serverVersion < 120000) return undefined;
  const name = `launchready_plan_${slot}`;
  const nulls = Array.from({ length: params }, () => 'NULL').join(', ');
  return [
    { sql: 'SET LOCAL plan_cache_mode = force_generic_plan' },
    { sql: `PREPARE ${name} AS ${tag} ${body}` },
    { sql: `EXPLAIN (${OPTIONS}) ${tag} EXECUTE ${name}(${nulls})`, plan: true },
    { sql: `DEALLOCATE ${name}`, cleanup: true },
  ];
}
