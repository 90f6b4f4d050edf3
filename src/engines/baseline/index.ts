/**
 * The performance baseline: a bounded open-loop load of every declared endpoint (on the load
 * engine), judged against the p95 budgets (300 ms reads, 800 ms writes) and the 2 % error
 * budget, saved per run, compared before/after, and turned into the baseline report (top 5 slow
 * paths, one fix each). It knows nothing of checks; the perf checks and `launchready baseline`
 * drive it.
 */
export { countRows, keptHeaders, paginationSignals, sampleOf } from './answers.js';
export { compareRuns, trendOf, ERROR_CHANGE_PTS, P95_CHANGE, type CompareRow, type Numbers, type Trend } from './compare.js';
export { baselineFor, baselineProbeOptions, type BaselineContext, type BaselineProbeOptions } from './gather.js';
export {
  BACK_OFF_STATUSES, effectiveP95, judgeErrorRate, judgeLatency, judgeRetryAfter, showMs, validRetryAfter, type Verdict,
} from './judge.js';
export { measureBaseline, type MeasureOptions } from './measure.js';
export {
  BASELINE_DEFAULTS, BUDGET_MS, defaultConnections, ERROR_RATE_BUDGET, loadTimeline, MIN_SAMPLES, resolveSettings,
} from './settings.js';
export {
  chooseFix, indexHintFor, LARGE_LIST_ROWS, rankSlowPaths, tablesOfPath, topSlowPaths, type Fix, type FixKind, type SlowPath,
} from './slow-paths.js';
export { baselinesDir, BaselineStoreError, listRuns, readRun, resolveRunRef, saveRun } from './store.js';
export type { AnswerSample, BaselineRun, BaselineSettings, EndpointBaseline, EndpointKind, LatencyMs, SlowPathHints } from './types.js';
export { outcomesFor, type EndpointOutcome } from './targets.js';
export { hintsFromResults, type ResultLike } from './hints.js';
