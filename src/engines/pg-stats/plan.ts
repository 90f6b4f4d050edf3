/**
 * Walks an `EXPLAIN (FORMAT JSON, VERBOSE)` plan: finds sequential scans that filter rows (the
 * ones an index could replace), what sorts their output, and renders a short plan outline for
 * evidence.
 */

/** One node of PostgreSQL's JSON plan (only the fields read here). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Schema?: string;
  Alias?: string;
  'Parallel Aware'?: boolean;
  'Plan Rows'?: number;
  'Total Cost'?: number;
  'Workers Planned'?: number;
  Filter?: string;
  'Index Cond'?: string;
  'Index Name'?: string;
  'Sort Key'?: string[];
  'Hash Cond'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

export interface SeqScanFinding {
  schema?: string;
  relation: string;
  alias?: string;
  filter: string;
  /** Rows the planner expects to pass the filter, all workers together. */
  estimatedRows: number;
  parallel: boolean;
  /** `Sort Key` of a sort fed directly by this scan (through Gather/Limit), when there is one. */
  sortKeys: string[];
  /** Set when the rows are matched by a hash join against a few rows (the join condition is in `filter`). */
  join?: 'hash';
}

/** The root node of EXPLAIN's JSON output (`[{ "Plan": … }]`), or undefined when it is not one. */
export function planRoot(explained: unknown): PlanNode | undefined {
  let doc = explained;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  const first = Array.isArray(doc) ? doc[0] : doc;
  const plan = first && typeof first === 'object' ? (first as { Plan?: unknown }).Plan : undefined;
  return plan && typeof plan === 'object' && typeof (plan as PlanNode)['Node Type'] === 'string' ? (plan as PlanNode) : undefined;
}

/**
 * A hash join whose other side brings at most this many rows could probe an index instead
 * (a nested loop): the classic missing index on a foreign-key column.
 */
export const MAX_JOIN_PROBES = 1_000;

// Nodes that pass rows through unchanged in order, between a scan and the sort that orders it.
const PASS_THROUGH = new Set(['Gather', 'Gather Merge', 'Limit', 'Result', 'Materialize']);
const SORTS = new Set(['Sort', 'Incremental Sort']);

/** The probe side of a hash join against few rows: the join condition selects this scan's rows. */
function hashJoinProbe(node: PlanNode, parent: PlanNode | undefined): { cond: string; rows: number } | undefined {
  if (!parent || parent['Node Type'] !== 'Hash Join' || parent.Plans?.[0] !== node || !parent['Hash Cond']) return undefined;
  const inner = parent.Plans?.[1];
  if (!inner || (inner['Plan Rows'] ?? Infinity) > MAX_JOIN_PROBES) return undefined;
  return { cond: parent['Hash Cond'], rows: parent['Plan Rows'] ?? 0 };
}

/**
 * Every sequential scan that keeps only some of its rows: by its own `Filter`, or as the probe
 * side of a hash join against a few rows. In plan order.
 */
export function findFilteredSeqScans(root: PlanNode): SeqScanFinding[] {
  const out: SeqScanFinding[] = [];
  const walk = (node: PlanNode, ancestors: PlanNode[]) => {
    const probe = node['Node Type'] === 'Seq Scan' ? hashJoinProbe(node, ancestors[ancestors.length - 1]) : undefined;
    if (probe && node['Relation Name']) {
      out.push({
        schema: node.Schema,
        relation: node['Relation Name'],
        alias: node.Alias,
        filter: node.Filter ? `(${probe.cond} AND ${node.Filter})` : probe.cond,
        estimatedRows: probe.rows,
        parallel: node['Parallel Aware'] === true,
        sortKeys: [],
        join: 'hash',
      });
    } else if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && node.Filter) {
      const parallel = node['Parallel Aware'] === true;
      let sortKeys: string[] = [];
      let workers = 0;
      for (let i = ancestors.length - 1; i >= 0; i--) {
        const a = ancestors[i]!;
        if (typeof a['Workers Planned'] === 'number') workers = Math.max(workers, a['Workers Planned']);
        if (SORTS.has(a['Node Type'])) { sortKeys = a['Sort Key'] ?? []; break; }
        if (!PASS_THROUGH.has(a['Node Type'])) break;
      }
      if (parallel && workers === 0) workers = ancestors.reduce((w, a) => Math.max(w, a['Workers Planned'] ?? 0), 0);
      // A parallel scan's estimate is per process; the leader takes part too.
      const rows = node['Plan Rows'] ?? 0;
      out.push({
        schema: node.Schema,
        relation: node['Relation Name'],
        alias: node.Alias,
        filter: node.Filter,
        estimatedRows: parallel ? rows * (workers + 1) : rows,
        parallel,
        sortKeys,
      });
    }
    for (const child of node.Plans ?? []) walk(child, [...ancestors, node]);
  };
  walk(root, []);
  return out;
}

const MAX_OUTLINE = 12;

/** `Limit → Sort (created_at DESC) → Seq Scan on audit_log (filter …, ≈1 rows)` as indented lines. */
export function planOutline(root: PlanNode, maxLines = MAX_OUTLINE): string[] {
  const lines: string[] = [];
  const walk = (node: PlanNode, depth: number) => {
    if (lines.length >= maxLines) return;
    const parts: string[] = [];
    const type = `${node['Parallel Aware'] ? 'Parallel ' : ''}${node['Node Type']}`;
    let head = type;
    if (node['Relation Name']) head += ` on ${node.Schema && node.Schema !== 'public' ? `${node.Schema}.` : ''}${node['Relation Name']}`;
    if (node['Index Name']) head += ` using ${node['Index Name']}`;
    if (node['Sort Key']?.length) parts.push(`key ${node['Sort Key'].join(', ')}`);
    if (node['Index Cond']) parts.push(`cond ${node['Index Cond']}`);
    if (node['Hash Cond']) parts.push(`hash ${node['Hash Cond']}`);
    if (node.Filter) parts.push(`filter ${node.Filter}`);
    if (typeof node['Plan Rows'] === 'number') parts.push(`≈${node['Plan Rows']} rows`);
    lines.push(`${'  '.repeat(depth)}${head}${parts.length ? ` (${parts.join('; ')})` : ''}`.slice(0, 300));
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines;
}
