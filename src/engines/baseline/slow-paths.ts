/**
 * The baseline report's core: rank the slow paths of a run (p95 against budget) and pick ONE fix
 * per path from the evidence — the run's own answers plus the hints other parts of launchready
 * give (`SlowPathHints`). A fix is named only when the evidence points at it; otherwise the path
 * says why none is (within budget, or nothing in the evidence explains it).
 */
import { effectiveP95 } from './judge.js';
import { ERROR_RATE_BUDGET } from './settings.js';
import type { BaselineRun, EndpointBaseline, SlowPathHints } from './types.js';

export type FixKind = 'paginate' | 'addIndex' | 'cacheWithEtag' | 'queue' | 'dropBlockingScript';

export interface Fix {
  kind: FixKind;
  /** What to do, in one sentence. */
  action: string;
  /** Why: the evidence that points at it. */
  because: string;
  /** The statement to run (`addIndex`) or the script to drop (`dropBlockingScript`). */
  detail?: string;
}

export interface SlowPath {
  kind: 'endpoint' | 'page';
  /** Endpoint name, or the page URL. */
  name: string;
  /** `GET /api/tasks` for endpoints. */
  request?: string;
  p95Ms?: number;
  budgetMs?: number;
  /** p95 / budget: above 1 is over budget. Pages with a blocking script count as 1 (their cost is not measured here). */
  ratio: number;
  overBudget: boolean;
  errorRate?: number;
  fix?: Fix;
  /** Why no fix is named, when none is. */
  noFix?: string;
}

/** A list answer with at least this many rows and no sign of pagination is unpaginated even if not declared `list`. */
export const LARGE_LIST_ROWS = 100;

/** Path segments that never name a table: prefixes, versions, ids, template holes. */
const NOT_A_TABLE = /^(?:api|rest|graphql|v\d+(?:\.\d+)?|\d+|[0-9a-f]{8,}|[0-9a-f-]{36}|\{.*\}|:.+|\{\{.*\}\})$/i;

/** Table names a path may stand for: `/api/tasks/search` → tasks, search; `/v1/users/42/orders` → users, orders. */
export function tablesOfPath(path: string): string[] {
  const segments = path.split('?')[0].split('/').map((s) => decodeURIComponentSafe(s).toLowerCase()).filter((s) => s !== '' && !NOT_A_TABLE.test(s));
  return [...new Set(segments.map((s) => s.replace(/-/g, '_')))];
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `public."Tasks"` → tasks. */
const bareTable = (t: string) => t.replace(/["`[\]]/g, '').split('.').pop()!.toLowerCase().replace(/-/g, '_');

/** Singular and plural forms name the same table (task ≈ tasks, address ≈ addresses). */
const sameTable = (a: string, b: string) => a === b || `${a}s` === b || `${b}s` === a || `${a}es` === b || `${b}es` === a;

/** The slow-query hint whose table the path names, if any. */
export function indexHintFor(path: string, hints: SlowPathHints): { table: string; createIndex: string } | undefined {
  const names = tablesOfPath(path);
  return hints.slowQueries?.find((q) => names.some((n) => sameTable(n, bareTable(q.table))));
}

/** A note for a path within its latency budget that still fails its requests (a 429-heavy search). */
function failing(e: EndpointBaseline): string | undefined {
  if (e.errorRate < ERROR_RATE_BUDGET) return undefined;
  const causes = Object.entries(e.statusCounts).filter(([s]) => Number(s) >= 400).map(([s, n]) => `${s}×${n}`)
    .concat(Object.entries(e.errorsByKind).filter(([k]) => !k.startsWith('http_')).map(([k, n]) => `${k}×${n}`));
  return `within the latency budget, but ${Math.round(e.errorRate * 1000) / 10} % of its requests failed (${causes.join(', ')}): see perf.error-rate`;
}

const hasValidators = (h: Record<string, string>) => h.etag !== undefined || h['last-modified'] !== undefined;

/**
 * One fix for an endpoint, in order of how precise the evidence is: an unpaginated list, a slow
 * statement on the table the path names, a slow write answered synchronously, a slow read without
 * validators. Pagination and a named index are worth doing within budget too (the list and the
 * table grow); a queue or a cache only when the path is over budget.
 */
export function chooseFix(e: EndpointBaseline, p95Ms: number, hints: SlowPathHints): { fix?: Fix; noFix?: string } {
  const over = p95Ms >= e.budgetMs;
  const ok = e.success;
  const pages = ok?.pagination ?? [];
  if (ok && ok.rows !== undefined && pages.length === 0 && (e.list || ok.rows >= LARGE_LIST_ROWS)) {
    return {
      fix: {
        kind: 'paginate',
        action: 'Paginate the list: a bounded `limit` (e.g. 50, at most 100) and a cursor (`next` / `Link: rel="next"`).',
        because: `one answer holds ${ok.rows} rows (${ok.bytes} bytes) with no cursor, next link or page parameter`,
      },
    };
  }
  const index = indexHintFor(e.path, hints);
  if (index) {
    return {
      fix: {
        kind: 'addIndex',
        action: `Add the index the slow statement on \`${index.table}\` lacks.`,
        because: `the slow-query analysis flagged a statement on \`${index.table}\`, the table ${e.path} reads`,
        detail: index.createIndex,
      },
    };
  }
  if (!over) return { noFix: failing(e) ?? 'within budget' };
  if (e.kind === 'write') {
    if (ok?.status === 202) return { noFix: 'already answers 202 (queued) and is still slow: profile what runs before the answer' };
    return {
      fix: {
        kind: 'queue',
        action: 'Move the downstream work (rendering, e-mail, third-party calls) onto a job queue and answer 202 Accepted with a `Location` to poll.',
        because: `the write answers ${ok ? ok.status : 'synchronously'} after p95 ${Math.round(p95Ms)} ms, over its ${e.budgetMs} ms budget`,
      },
    };
  }
  if (!ok) return { noFix: 'no successful answer to read the evidence from' };
  if (!hasValidators(ok.headers)) {
    return {
      fix: {
        kind: 'cacheWithEtag',
        action: 'Cache the result and send an `ETag` (answer `304` to `If-None-Match`); per-user data stays `Cache-Control: private`.',
        because: `a slow read (p95 ${Math.round(p95Ms)} ms) answered without ETag or Last-Modified, so every client recomputes it`,
      },
    };
  }
  return { noFix: 'over budget, but the answers show no unpaginated list, no slow-query hint and already carry validators: profile the handler' };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Where a path ranks: endpoints over budget first (by p95 / budget), then key pages held up by a
 * render-blocking script (every visit pays it), then endpoints within budget whose evidence still
 * names a fix (an unpaginated list, a slow statement: both grow), then ones that fail their
 * requests, then the rest.
 */
function tierOf(p: SlowPath): number {
  if (p.kind === 'page') return 1;
  if (p.overBudget) return 0;
  if (p.fix) return 2;
  if ((p.errorRate ?? 0) >= ERROR_RATE_BUDGET) return 3;
  return 4;
}

/** Every path of the run, most worth fixing first (see `tierOf`). */
export function rankSlowPaths(run: BaselineRun, hints: SlowPathHints = {}): SlowPath[] {
  const paths: SlowPath[] = run.endpoints
    .filter((e) => e.latencyMs.count > 0)
    .map((e) => {
      const { p95Ms } = effectiveP95(e, run.settings.timeoutMs);
      const ratio = round(p95Ms / e.budgetMs);
      return {
        kind: 'endpoint',
        name: e.name,
        request: `${e.method} ${e.path}`,
        p95Ms,
        budgetMs: e.budgetMs,
        ratio,
        overBudget: p95Ms >= e.budgetMs,
        errorRate: e.errorRate,
        ...chooseFix(e, p95Ms, hints),
      };
    });
  // Pages that block on the same scripts are one path: one change to the shared layout fixes them all.
  const byPage = new Map<string, string[]>();
  for (const b of hints.blockingScripts ?? []) byPage.set(b.page, [...new Set([...(byPage.get(b.page) ?? []), b.script])]);
  const byScripts = new Map<string, { pages: string[]; scripts: string[] }>();
  for (const [page, scripts] of byPage) {
    const key = [...scripts].sort().join(' ');
    const group = byScripts.get(key) ?? { pages: [], scripts };
    group.pages.push(page);
    byScripts.set(key, group);
  }
  for (const { pages, scripts } of byScripts.values()) {
    paths.push({
      kind: 'page',
      name: pages.join(', '),
      ratio: 1,
      overBudget: true,
      fix: {
        kind: 'dropBlockingScript',
        action: `Drop the render-blocking script, or load it with \`async\`/\`defer\`${scripts.length > 1 ? ` (and the ${scripts.length - 1} other${scripts.length > 2 ? 's' : ''})` : ''}.`,
        because: `${scripts[0]} sits in the critical path of ${pages.length > 1 ? `${pages.length} key pages` : 'the page'}: nothing renders until it has downloaded and run`,
        detail: scripts.join(', '),
      },
    });
  }
  // Stable: equal ranks keep the declared order.
  return paths
    .map((p, i) => ({ p, i, tier: tierOf(p) }))
    .sort((a, b) => a.tier - b.tier || b.p.ratio - a.p.ratio || a.i - b.i)
    .map(({ p }) => p);
}

/** The report's top paths (5 by default). */
export function topSlowPaths(run: BaselineRun, hints: SlowPathHints = {}, n = 5): SlowPath[] {
  return rankSlowPaths(run, hints).slice(0, n);
}
