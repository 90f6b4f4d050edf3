/**
 * The slow-query analysis over one read-only session: is `pg_stat_statements` there, the top
 * statements by mean and by total time, a generic plan for the worst of them (EXPLAIN, never
 * ANALYZE), and an index suggestion for each filtered sequential scan over a large table.
 */
import { explainSteps } from './explain.js';
import { findFilteredSeqScans, planOutline, planRoot, type SeqScanFinding } from './plan.js';
import {
  DML_REGEX_PG,
  OWN_MARKER,
  explainable,
  hiddenCountSql,
  statColumns,
  statementFingerprint,
  toStatementStat,
  topStatementsSql,
  type StatColumns,
  type StatementStat,
} from './statements.js';
import { suggestIndex, type IndexSuggestion, type RelationFacts } from './suggest.js';

/** What the analysis needs from a database session (the context's PostgresSession fits). */
export interface SqlSession {
  readonly serverVersion: number;
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export type StatsAvailability =
  | { ok: true; schema: string; columns: StatColumns }
  /** `preloaded`: whether `shared_preload_libraries` names it (undefined when the role may not read it). */
  | { ok: false; reason: 'notCreated' | 'notLoaded'; preloaded?: boolean };

export interface AnalyseOptions {
  /** Statements listed per ranking (by mean, by total). */
  top?: number;
  /** Statements explained at most. */
  explain?: number;
  /** Statements faster than this on average are not explained. */
  minMeanMs?: number;
}

export interface SlowQueryIssue {
  /** `audit_log` (schema-qualified outside `public`). */
  table: string;
  tableRows: number;
  /** Rows the planner expects the filter to keep. */
  estimatedRows: number;
  filter: string;
  suggestion: IndexSuggestion;
}

export interface AnalysedStatement extends StatementStat {
  fingerprint: string;
  /** 1-based places in the two rankings. */
  rankByMean?: number;
  rankByTotal?: number;
  /** Plan outline, when it was explained. */
  plan?: string[];
  /** Why it was not explained: not a plannable statement, too fast to matter, or over the limit. */
  planSkipped?: 'notExplainable' | 'fast' | 'overLimit';
  /** Why explaining failed (the server's message). */
  planError?: string;
  issues: SlowQueryIssue[];
}

export interface SlowQueryAnalysis {
  serverVersion: number;
  /** Union of both rankings, by total time. */
  statements: AnalysedStatement[];
  /** Entries of this database the role may not read (needs `pg_read_all_stats`). */
  hidden: number;
  /** Entries of this database, hidden ones included. */
  entries: number;
}

const DEFAULTS = { top: 10, explain: 10, minMeanMs: 1 };
// Every statement of the analysis carries the marker, so the next run does not list it.
const TAG = `/* ${OWN_MARKER} */`;
const isNotLoaded = (err: unknown) => {
  const e = err as { sqlState?: string; code?: string; message?: string };
  return e.sqlState === '55000' || e.code === '55000' || /shared_preload_libraries/i.test(e.message ?? '');
};

/** Whether pg_stat_statements is created in this database and loaded by the server. */
export async function statsAvailability(session: SqlSession): Promise<StatsAvailability> {
  let preloaded: boolean | undefined;
  try {
    const [row] = await session.query<{ libs: string }>(`SELECT ${TAG} current_setting('shared_preload_libraries') AS libs`);
    preloaded = (row?.libs ?? '').split(',').some((l) => /(^|\/)pg_stat_statements$/.test(l.trim().replace(/^"|"$/g, '')));
  } catch {
    preloaded = undefined;
  }
  const [ext] = await session.query<{ schema: string }>(
    `SELECT ${TAG} n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'`,
  );
  if (!ext) return { ok: false, reason: 'notCreated', preloaded };
  const attrs = await session.query<{ attname: string }>(
    `SELECT ${TAG} attname FROM pg_attribute WHERE attrelid = to_regclass(format('%I.pg_stat_statements', $1::text)) AND attnum > 0 AND NOT attisdropped`,
    [ext.schema],
  );
  const columns = statColumns(attrs.map((a) => a.attname));
  if (!columns) return { ok: false, reason: 'notCreated', preloaded };
  try {
    await session.query(`SELECT ${TAG} 1 FROM "${ext.schema.replace(/"/g, '""')}".pg_stat_statements LIMIT 1`);
  } catch (err) {
    if (isNotLoaded(err)) return { ok: false, reason: 'notLoaded', preloaded: false };
    throw err;
  }
  return { ok: true, schema: ext.schema, columns };
}

/** Table size, valid indexes and column statistics, as `suggestIndex` wants them. */
async function relationFacts(session: SqlSession, scan: SeqScanFinding): Promise<RelationFacts | undefined> {
  const [rel] = await session.query<{ oid: string; schema: string; rows: number }>(
    `SELECT ${TAG} c.oid::text AS oid, n.nspname AS schema,
            CASE WHEN c.reltuples >= 0 THEN c.reltuples ELSE coalesce(st.n_live_tup, 0) END::float8 AS rows
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_stat_all_tables st ON st.relid = c.oid
      WHERE c.oid = to_regclass(CASE WHEN $1::text = '' THEN quote_ident($2::text) ELSE format('%I.%I', $1::text, $2::text) END)`,
    [scan.schema ?? '', scan.relation],
  );
  if (!rel) return undefined;
  const indexes = await session.query<{ columns: (string | null)[] }>(
    `SELECT ${TAG} array_to_json(ARRAY(
              SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
              LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              ORDER BY k.ord)) AS columns
       FROM pg_index i WHERE i.indrelid = $1::oid AND i.indisvalid`,
    [rel.oid],
  );
  const stats = await session.query<{ attname: string; n: number }>(
    `SELECT ${TAG} attname, n_distinct::float8 AS n FROM pg_stats WHERE schemaname = $1 AND tablename = $2`,
    [rel.schema, scan.relation],
  );
  const rows = Number(rel.rows);
  const distinct: Record<string, number> = {};
  // Negative n_distinct is a fraction of the rows (a column that grows with the table).
  for (const s of stats) distinct[s.attname] = s.n >= 0 ? Number(s.n) : -Number(s.n) * rows;
  const parse = (c: unknown) => (typeof c === 'string' ? (JSON.parse(c) as (string | null)[]) : (c as (string | null)[]));
  return { schema: rel.schema, name: scan.relation, rows, indexes: indexes.map((i) => parse(i.columns) ?? []), distinct };
}

/** Runs the explain steps; returns the plan JSON or throws the first failure. */
async function explainOne(session: SqlSession, query: string, slot: number): Promise<unknown> {
  const steps = explainSteps(query, session.serverVersion, slot);
  if (!steps) throw new Error(`parameterised statements cannot be explained before PostgreSQL 12`);
  let plan: unknown;
  let failure: unknown;
  for (const step of steps) {
    if (failure !== undefined && !step.cleanup) continue;
    try {
      const rows = await session.query<Record<string, unknown>>(step.sql);
      if (step.plan) plan = rows[0]?.['QUERY PLAN'];
    } catch (err) {
      if (!step.cleanup) failure ??= err;
    }
  }
  if (failure !== undefined) throw failure;
  return plan;
}

const errorText = (err: unknown) => ((err as { message?: string })?.message ?? String(err)).slice(0, 200);

/** The whole analysis; `statsAvailability` must have said ok. Throws on connection trouble. */
export async function analyseSlowQueries(session: SqlSession, avail: Extract<StatsAvailability, { ok: true }>, opts: AnalyseOptions = {}): Promise<SlowQueryAnalysis> {
  const o = { ...DEFAULTS, ...opts };
  const [counts] = await session.query<{ hidden: number; total: number }>(hiddenCountSql(avail.schema));
  const byMean = (await session.query<Record<string, unknown>>(topStatementsSql(avail.schema, avail.columns, 'mean'), [o.top, DML_REGEX_PG])).map(toStatementStat);
  const byTotal = (await session.query<Record<string, unknown>>(topStatementsSql(avail.schema, avail.columns, 'total'), [o.top, DML_REGEX_PG])).map(toStatementStat);

  const merged = new Map<string, AnalysedStatement>();
  const add = (s: StatementStat, rank: number, key: 'rankByMean' | 'rankByTotal') => {
    const entry = merged.get(s.queryid) ?? { ...s, fingerprint: statementFingerprint(s.query), issues: [] };
    entry[key] = rank;
    merged.set(s.queryid, entry);
  };
  byMean.forEach((s, i) => add(s, i + 1, 'rankByMean'));
  byTotal.forEach((s, i) => add(s, i + 1, 'rankByTotal'));
  const statements = [...merged.values()].sort((a, b) => b.totalMs - a.totalMs);

  const facts = new Map<string, Promise<RelationFacts | undefined>>();
  let explained = 0;
  for (const st of statements) {
    if (!explainable(st.query)) { st.planSkipped = 'notExplainable'; continue; }
    if (st.meanMs < o.minMeanMs) { st.planSkipped = 'fast'; continue; }
    if (explained >= o.explain) { st.planSkipped = 'overLimit'; continue; }
    explained++;
    let root;
    try {
      root = planRoot(await explainOne(session, st.query, explained));
    } catch (err) {
      st.planError = errorText(err);
      continue;
    }
    if (!root) { st.planError = 'EXPLAIN returned no plan'; continue; }
    st.plan = planOutline(root);
    const seen = new Set<string>();
    for (const scan of findFilteredSeqScans(root)) {
      const key = `${scan.schema ?? ''}.${scan.relation}`;
      if (!facts.has(key)) facts.set(key, relationFacts(session, scan).catch(() => undefined));
      const rel = await facts.get(key);
      if (!rel) continue;
      const verdict = suggestIndex(scan, rel);
      if (!verdict.flag || seen.has(verdict.suggestion.createIndex)) continue;
      seen.add(verdict.suggestion.createIndex);
      st.issues.push({ table: verdict.suggestion.table, tableRows: Math.round(rel.rows), estimatedRows: Math.round(scan.estimatedRows), filter: scan.filter, suggestion: verdict.suggestion });
    }
  }
  return { serverVersion: session.serverVersion, statements, hidden: counts?.hidden ?? 0, entries: counts?.total ?? 0 };
}

/** The index suggestions of an analysis, once each, for the baseline report. */
export function slowQueryHints(analysis: SlowQueryAnalysis): { table: string; createIndex: string }[] {
  const out = new Map<string, { table: string; createIndex: string }>();
  for (const st of analysis.statements) {
    for (const issue of st.issues) out.set(issue.suggestion.createIndex, { table: issue.table, createIndex: issue.suggestion.createIndex });
  }
  return [...out.values()];
}
