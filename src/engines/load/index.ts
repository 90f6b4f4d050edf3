/**
 * The load engine: closed-loop and open-loop HTTP/1.1 load on undici, microsecond HDR latency
 * histograms, per-endpoint tags, the client's own CPU, and thresholds to judge a run.
 * It knows nothing of checks; `launchready load`, the baseline and the perf checks drive it.
 */
export { runLoad } from './run-load.js';
export { LoadOptionsError } from './endpoints.js';
export { defaultOpenConnections, LIMITS } from './options.js';
export { CLIENT_CPU_LIMIT, SEND_LAG_LIMIT_MS } from './warnings.js';
export {
  evaluateThresholds,
  parseThreshold,
  ThresholdError,
  type Threshold,
  type ThresholdMetric,
  type ThresholdResult,
} from './thresholds.js';
export type {
  EndpointReport,
  LoadEndpoint,
  LoadErrorKind,
  LoadOptions,
  LoadProgress,
  LoadReport,
  LoadStats,
  LoadWarning,
  OpenLoopReport,
} from './types.js';
