/** Which declared endpoints a perf check judges, and what the run measured of each. */
import type { EndpointConfig } from '../../config/types.js';
import type { BaselineRun, EndpointBaseline, EndpointKind } from './types.js';

export type EndpointOutcome =
  | { name: string; measured: EndpointBaseline }
  /** Declared but not in the run, with the reason (writes left out of a non-intrusive run). */
  | { name: string; skipped: string };

/** The declared endpoints (of one kind, when given) in declared order, each with its numbers or why it has none. */
export function outcomesFor(run: BaselineRun, declared: readonly EndpointConfig[], kind?: EndpointKind): EndpointOutcome[] {
  return declared
    .filter((e) => kind === undefined || e.kind === kind)
    .map((e): EndpointOutcome => {
      const measured = run.endpoints.find((m) => m.name === e.name);
      if (measured) return { name: e.name, measured };
      const why = run.skipped.find((s) => s.name === e.name)?.reason ?? 'not part of this baseline run';
      return { name: e.name, skipped: why };
    });
}
