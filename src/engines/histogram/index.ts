/** Microsecond latency histograms (HdrHistogram) shared by the load engine, baselines and monitors. */
export {
  createLatencyHistogram,
  decodeLatencyHistogram,
  exactPercentile,
  MAX_TRACKABLE_US,
  type LatencyHistogram,
  type LatencySummary,
} from './latency-histogram.js';
