/**
 * `SlowPathHints` from an audit's results, so the baseline report can name an index or a script:
 * `perf.slow-queries` failures carry `evidence.table` and `evidence.suggestedIndex`,
 * `web.third-party` failures name the page (target) and list `evidence.scripts` with `blocking`.
 * Anything else, or evidence of another shape, is ignored.
 */
import type { SlowPathHints } from './types.js';

/** The parts of a check result read here. */
export interface ResultLike {
  check: string;
  status: string;
  target: string;
  evidence?: Record<string, unknown>;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Hints from `perf.slow-queries` and `web.third-party` failures, without duplicates. */
export function hintsFromResults(results: readonly ResultLike[]): SlowPathHints {
  const slowQueries = new Map<string, { table: string; createIndex: string }>();
  const blockingScripts = new Map<string, { page: string; script: string }>();
  for (const r of results) {
    if (r.status !== 'fail' || !r.evidence) continue;
    if (r.check === 'perf.slow-queries') {
      const table = text(r.evidence.table);
      const createIndex = text(r.evidence.suggestedIndex);
      if (table && createIndex) slowQueries.set(createIndex, { table, createIndex });
    } else if (r.check === 'web.third-party' && Array.isArray(r.evidence.scripts)) {
      for (const s of r.evidence.scripts as unknown[]) {
        const script = s && typeof s === 'object' ? (s as Record<string, unknown>) : {};
        const url = text(script.url);
        if (script.blocking === true && url) blockingScripts.set(`${r.target} ${url}`, { page: r.target, script: url });
      }
    }
  }
  return {
    ...(slowQueries.size ? { slowQueries: [...slowQueries.values()] } : {}),
    ...(blockingScripts.size ? { blockingScripts: [...blockingScripts.values()] } : {}),
  };
}
