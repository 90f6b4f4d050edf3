/**
 * From a filtered sequential scan to a concrete `CREATE INDEX CONCURRENTLY …`, or to the reason
 * there is none: the table is small, the filter keeps too many rows for an index to pay off, an
 * index on that column already exists (the planner had its reasons), or nothing in the filter is
 * indexable by a plain B-tree.
 */
import { parseFilter, parseSortKey } from './filter.js';
import type { SeqScanFinding } from './plan.js';

/** Below this many rows a sequential scan is as cheap as an index scan. */
export const MIN_TABLE_ROWS = 10_000;
/** Above this share of the table passing the filter, the planner rightly prefers a scan. */
export const MAX_SELECTIVITY = 0.1;
const MAX_COLUMNS = 4;
// PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes.
const MAX_NAME = 63;

export interface RelationFacts {
  schema: string;
  name: string;
  /** `pg_class.reltuples` (or the live-tuple count when never analysed). */
  rows: number;
  /** Column names of each valid index, in key order; null for an expression column. */
  indexes: (string | null)[][];
  /** Estimated distinct values per column (from `pg_stats`), when known. */
  distinct?: Record<string, number>;
}

export interface IndexSuggestion {
  /** `audit_log`, or `app.audit_log` outside `public`. */
  table: string;
  columns: string[];
  method: 'btree' | 'gin_trgm';
  createIndex: string;
  /** What else the statement needs (an extension). */
  note?: string;
}

export type SuggestVerdict =
  | { flag: true; suggestion: IndexSuggestion; selectivity: number }
  | { flag: false; reason: 'small' | 'unselective' | 'indexed' | 'notIndexable' };

// Keywords quote_ident() would quote: reserved, type/function-name and column-name keywords.
const KEYWORDS = new Set(
  ('all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast char character check ' +
    'coalesce collate collation column concurrently constraint create cross current_catalog current_date current_role current_schema ' +
    'current_time current_timestamp current_user dec decimal default deferrable desc distinct do else end except exists extract false ' +
    'fetch float for foreign freeze from full grant greatest group grouping having ilike in initially inner inout int integer intersect ' +
    'interval into is isnull join json lateral leading least left like limit localtime localtimestamp national natural nchar none normalize ' +
    'not notnull null nullif numeric offset on only or order out outer overlaps overlay placing position precision primary real references ' +
    'returning right row select session_user setof similar smallint some substring symmetric system_user table tablesample then time ' +
    'timestamp to trailing treat trim true union unique user using values varchar variadic verbose when where window with').split(' '),
);

/** Quotes an identifier the way `quote_ident` does: only when it must be. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !KEYWORDS.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `<table>_<cols>_idx`, lower-case ASCII, within PostgreSQL's 63-byte limit. */
export function indexName(table: string, columns: string[], suffix = 'idx'): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'col';
  const tail = `_${suffix}`;
  const base = [clean(table), ...columns.map(clean)].join('_');
  return `${base.slice(0, MAX_NAME - tail.length).replace(/_+$/, '')}${tail}`;
}

const qualified = (schema: string | undefined, name: string) => (schema && schema !== 'public' ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name));

/** Judges one filtered sequential scan against its table's facts. */
export function suggestIndex(finding: SeqScanFinding, rel: RelationFacts): SuggestVerdict {
  if (rel.rows < MIN_TABLE_ROWS) return { flag: false, reason: 'small' };
  const selectivity = rel.rows > 0 ? Math.min(1, finding.estimatedRows / rel.rows) : 1;
  if (selectivity > MAX_SELECTIVITY) return { flag: false, reason: 'unselective' };

  const names = [finding.alias, finding.relation].filter((n): n is string => !!n);
  const parsed = parseFilter(finding.filter, names);
  if (parsed.disjunction) return { flag: false, reason: 'notIndexable' };

  const distinct = (c: string) => rel.distinct?.[c] ?? 0;
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  // Equality columns first, the most selective leading; then one range column or the sort order.
  const byDistinct = (cols: string[]) =>
    unique(cols).map((c, i) => ({ c, i })).sort((a, b) => distinct(b.c) - distinct(a.c) || a.i - b.i).map((x) => x.c);
  const range = parsed.terms.find((t) => t.kind === 'range')?.column;
  // `deleted_at IS NULL` usually keeps most rows: a key column only when nothing better is there.
  const equalities = parsed.terms.filter((t) => t.kind === 'eq').map((t) => t.column);
  const eq = byDistinct(equalities.length || range ? equalities : parsed.terms.filter((t) => t.kind === 'null').map((t) => t.column));
  const pattern = parsed.terms.find((t) => t.kind === 'pattern')?.column;
  const table = finding.schema && finding.schema !== 'public' ? `${finding.schema}.${finding.relation}` : finding.relation;

  const leadingIndexed = (c: string) => rel.indexes.some((cols) => cols[0] === c);

  if (eq.length === 0 && !range) {
    if (!pattern) return { flag: false, reason: 'notIndexable' };
    if (leadingIndexed(pattern)) return { flag: false, reason: 'indexed' };
    // LIKE '%…%' and regular expressions: only a trigram index serves them.
    const name = indexName(finding.relation, [pattern], 'trgm_idx');
    return {
      flag: true,
      selectivity,
      suggestion: {
        table,
        columns: [pattern],
        method: 'gin_trgm',
        createIndex: `CREATE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${qualified(finding.schema, finding.relation)} USING gin (${quoteIdent(pattern)} gin_trgm_ops);`,
        note: 'needs the pg_trgm extension (CREATE EXTENSION pg_trgm)',
      },
    };
  }

  const keys: { column: string; desc: boolean }[] = eq.slice(0, MAX_COLUMNS - 1).map((column) => ({ column, desc: false }));
  if (range && !eq.includes(range)) {
    keys.push({ column: range, desc: false });
  } else if (!range && finding.sortKeys.length) {
    // An index whose columns after the equalities follow the ORDER BY returns rows already sorted.
    const sort = finding.sortKeys.map((k) => parseSortKey(k, names));
    if (sort.every((k) => k !== undefined)) {
      const extra = sort.filter((k) => !eq.includes(k!.column)) as { column: string; desc: boolean }[];
      // A B-tree reads backwards too: directions matter only when they are mixed.
      const mixed = new Set(extra.map((k) => k.desc)).size > 1;
      for (const k of extra) if (keys.length < MAX_COLUMNS) keys.push({ column: k.column, desc: mixed && k.desc });
    }
  }
  const lead = keys[0]!.column;
  if (leadingIndexed(lead)) return { flag: false, reason: 'indexed' };

  const columns = keys.map((k) => k.column);
  const name = indexName(finding.relation, columns);
  const list = keys.map((k) => `${quoteIdent(k.column)}${k.desc ? ' DESC' : ''}`).join(', ');
  return {
    flag: true,
    selectivity,
    suggestion: {
      table,
      columns,
      method: 'btree',
      createIndex: `CREATE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${qualified(finding.schema, finding.relation)} (${list});`,
    },
  };
}
