/**
 * The pg-stats engine: slow statements from `pg_stat_statements`, their generic plans and index
 * suggestions for filtered sequential scans over large tables. Knows nothing of checks.
 */
export { analyseSlowQueries, slowQueryHints, statsAvailability } from './analyse.js';
export type { AnalyseOptions, AnalysedStatement, SlowQueryAnalysis, SlowQueryIssue, SqlSession, StatsAvailability } from './analyse.js';
export { explainSteps } from './explain.js';
export { parseFilter, parseSortKey } from './filter.js';
export { findFilteredSeqScans, planOutline, planRoot } from './plan.js';
export type { PlanNode, SeqScanFinding } from './plan.js';
export { explainable, shortStatement, statementFingerprint, statementKind } from './statements.js';
export { MAX_SELECTIVITY, MIN_TABLE_ROWS, indexName, quoteIdent, suggestIndex } from './suggest.js';
export type { IndexSuggestion, RelationFacts } from './suggest.js';
