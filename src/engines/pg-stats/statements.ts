/**
 * Reading `pg_stat_statements`: which columns this version has, the SQL that lists the top
 * statements of the current database, and which statements are worth (and safe) to explain.
 * The analysis never lists utility statements: their text is not normalised, so an
 * `ALTER ROLE … PASSWORD '…'` would show its password.
 */
import { createHash } from 'node:crypto';

/** Marks the analysis's own statements so it never reports itself. */
export const OWN_MARKER = 'launchready:pg-stats';
/** Text pg_stat_statements shows for other roles' statements without `pg_read_all_stats`. */
export const HIDDEN_TEXT = '<insufficient privilege>';
/** Longest statement text fetched; longer ones are listed but not explained. */
export const MAX_QUERY_CHARS = 20_000;

export interface StatColumns {
  /** `total_exec_time` (13+) or `total_time` (before). */
  total: string;
}

/** Picks the timing column from the view's columns; undefined when neither is there. */
export function statColumns(names: readonly string[]): StatColumns | undefined {
  if (names.includes('total_exec_time')) return { total: 'total_exec_time' };
  if (names.includes('total_time')) return { total: 'total_time' };
  return undefined;
}

// Leading blanks, comments and parentheses before the first keyword.
const LEAD_JS = /^(?:\s+|\/\*[\s\S]*?\*\/|--[^\n]*(?:\n|$)|\()*/;
/** The same test in PostgreSQL's regular-expression dialect, applied before LIMIT. */
export const DML_REGEX_PG = '^(\\s|/\\*([^*]|\\*+[^*/])*\\*+/|--[^\\n]*|\\()*(select|with|insert|update|delete|merge|values|table)([^a-z0-9_$]|$)';

export type StatementKind = 'select' | 'insert' | 'update' | 'delete' | 'merge' | 'utility';

/** What a statement does, from its first keyword. */
export function statementKind(query: string): StatementKind {
  const word = /^[a-z]+/i.exec(query.replace(LEAD_JS, ''))?.[0]?.toLowerCase();
  switch (word) {
    case 'select': case 'with': case 'values': case 'table': return 'select';
    case 'insert': return 'insert';
    case 'update': return 'update';
    case 'delete': return 'delete';
    case 'merge': return 'merge';
    default: return 'utility';
  }
}

/**
 * Whether EXPLAIN (never ANALYZE) can show this statement's plan: one SELECT/UPDATE/DELETE, or an
 * INSERT that reads (`INSERT … SELECT`). `INSERT … VALUES` has no scan worth seeing.
 */
export function explainable(query: string): boolean {
  if (query.length > MAX_QUERY_CHARS || query === HIDDEN_TEXT) return false;
  const kind = statementKind(query);
  if (kind === 'utility' || kind === 'merge') return false;
  if (kind === 'insert' && !/\bselect\b/i.test(query)) return false;
  // pg_stat_statements before 14 kept every statement of a multi-statement string together.
  return !/;\s*\S/.test(query.replace(/;\s*$/, ''));
}

/** Highest `$n` placeholder: how many parameters the statement takes. */
export function parameterCount(query: string): number {
  let max = 0;
  for (const m of query.matchAll(/\$(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Top statements of the current database, grouped by queryid (one entry per role and top-level
 * flag otherwise), ordered by mean or total time. `$1` is the limit, `$2` the DML pattern.
 */
export function topStatementsSql(schema: string, cols: StatColumns, order: 'mean' | 'total'): string {
  const total = `sum(s.${ident(cols.total)})`;
  return [
    `SELECT /* ${OWN_MARKER} */ s.queryid::text AS queryid, left(min(s.query), ${MAX_QUERY_CHARS + 1}) AS query,`,
    `  sum(s.calls)::float8 AS calls, ${total}::float8 AS total_ms, sum(s.rows)::float8 AS rows`,
    `FROM ${ident(schema)}.pg_stat_statements s`,
    `WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    `  AND s.calls > 0 AND s.queryid IS NOT NULL AND s.query <> '${HIDDEN_TEXT}'`,
    `  AND s.query NOT LIKE '%${OWN_MARKER}%' AND s.query !~* 'pg_stat_statements' AND s.query ~* $2`,
    `GROUP BY s.queryid`,
    `ORDER BY ${order === 'mean' ? `${total} / nullif(sum(s.calls), 0)` : total} DESC NULLS LAST`,
    `LIMIT $1`,
  ].join('\n');
}

/** How many of this database's entries the role may not read (no `pg_read_all_stats`). */
export function hiddenCountSql(schema: string): string {
  return [
    `SELECT /* ${OWN_MARKER} */ count(*) FILTER (WHERE s.query = '${HIDDEN_TEXT}' OR s.queryid IS NULL)::int AS hidden, count(*)::int AS total`,
    `FROM ${ident(schema)}.pg_stat_statements s`,
    `WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  ].join('\n');
}

export interface StatementStat {
  queryid: string;
  /** Normalised text (`$n` for constants). */
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
}

/** One row of `topStatementsSql` as numbers. */
export function toStatementStat(row: Record<string, unknown>): StatementStat {
  const calls = Number(row.calls ?? 0);
  const totalMs = Number(row.total_ms ?? 0);
  return {
    queryid: String(row.queryid ?? ''),
    query: String(row.query ?? ''),
    calls,
    totalMs,
    meanMs: calls > 0 ? totalMs / calls : 0,
    rows: Number(row.rows ?? 0),
  };
}

/** A short, stable name for a statement in targets: the first 8 hex digits of its text's hash. */
export function statementFingerprint(query: string): string {
  return createHash('sha256').update(query.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 8);
}

/** The statement on one line, cut to `max` characters, for messages and evidence. */
export function shortStatement(query: string, max = 160): string {
  const one = query.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
