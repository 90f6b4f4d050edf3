/**
 * Latency histograms in microseconds on HdrHistogram (hdr-histogram-js): constant memory whatever
 * the number of samples, mergeable across endpoints and runs, and percentiles within 0.1 % of the
 * exact value (3 significant digits), so a 1.2 ms endpoint is not rounded to "1 ms" or "2 ms".
 */
import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';

/** Latency percentiles in milliseconds, with microsecond resolution (three decimals). */
export interface LatencySummary {
  /** Samples recorded. */
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** One histogram of latencies; values are microseconds. */
export interface LatencyHistogram {
  /** Records one latency in microseconds (rounded; clamped to the trackable range). */
  record(us: number): void;
  /** Adds every sample of another histogram to this one. */
  add(other: LatencyHistogram): void;
  readonly count: number;
  /** Value (µs) at or below which `percentile` % of the samples lie (nearest rank). */
  percentileUs(percentile: number): number;
  /** Exact extremes and mean (not bucketed), µs; 0 when empty. */
  readonly minUs: number;
  readonly maxUs: number;
  readonly meanUs: number;
  /** The usual percentiles in milliseconds. */
  summary(): LatencySummary;
  /** Compressed base64 HdrHistogram V2 encoding: store it beside a run to merge or compare later. */
  encode(): string;
  /** The underlying HdrHistogram (for iteration or HdrHistogram log output). */
  readonly hdr: Histogram;
}

/** Longest latency kept apart from its neighbours: one hour. Longer samples clamp to it. */
export const MAX_TRACKABLE_US = 3_600_000_000;

/** Reads a µs value as ms rounded to the microsecond (floating-point noise removed). */
const toMs = (us: number): number => Math.round(us) / 1000;

function wrap(hdr: Histogram, extremes: { min: number; max: number; sum: number }): LatencyHistogram {
  const self: LatencyHistogram = {
    hdr,
    record(us: number): void {
      const v = us <= 0 ? 0 : us >= MAX_TRACKABLE_US ? MAX_TRACKABLE_US : Math.round(us);
      hdr.recordValue(v);
      if (v > extremes.max) extremes.max = v;
      if (v < extremes.min) extremes.min = v;
      extremes.sum += v;
    },
    add(other: LatencyHistogram): void {
      if (other.count === 0) return;
      hdr.add(other.hdr);
      extremes.max = Math.max(extremes.max, other.maxUs);
      extremes.min = Math.min(extremes.min, other.minUs);
      extremes.sum += other.meanUs * other.count;
    },
    get count() {
      return hdr.totalCount;
    },
    percentileUs(percentile: number): number {
      if (hdr.totalCount === 0) return 0;
      // HDR answers with the top of the sample's bucket; never above the true maximum.
      return Math.min(hdr.getValueAtPercentile(percentile), extremes.max);
    },
    get minUs() {
      return hdr.totalCount === 0 ? 0 : extremes.min;
    },
    get maxUs() {
      return hdr.totalCount === 0 ? 0 : extremes.max;
    },
    get meanUs() {
      return hdr.totalCount === 0 ? 0 : extremes.sum / hdr.totalCount;
    },
    summary(): LatencySummary {
      return {
        count: hdr.totalCount,
        min: toMs(self.minUs),
        mean: toMs(self.meanUs),
        p50: toMs(self.percentileUs(50)),
        p90: toMs(self.percentileUs(90)),
        p95: toMs(self.percentileUs(95)),
        p99: toMs(self.percentileUs(99)),
        max: toMs(self.maxUs),
      };
    },
    encode: () => encodeIntoCompressedBase64(hdr),
  };
  return self;
}

/** An empty histogram: 1 µs to 1 h at 3 significant digits (about 90 KiB). */
export function createLatencyHistogram(): LatencyHistogram {
  const hdr = build({
    bitBucketSize: 32,
    autoResize: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: MAX_TRACKABLE_US,
    numberOfSignificantValueDigits: 3,
    // The pure-JS histogram: no WebAssembly module to instantiate or free per histogram.
    useWebAssembly: false,
  });
  return wrap(hdr, { min: Number.POSITIVE_INFINITY, max: 0, sum: 0 });
}

/**
 * Reads back what {@link LatencyHistogram.encode} wrote. Extremes and mean come from the buckets,
 * so they are exact to 0.1 % rather than to the microsecond.
 */
export function decodeLatencyHistogram(encoded: string): LatencyHistogram {
  const decoded = decodeFromCompressedBase64(encoded, 32, false);
  const fresh = createLatencyHistogram();
  fresh.hdr.add(decoded);
  const empty = decoded.totalCount === 0;
  return wrap(fresh.hdr, {
    min: empty ? Number.POSITIVE_INFINITY : decoded.minNonZeroValue,
    max: empty ? 0 : decoded.maxValue,
    sum: empty ? 0 : decoded.mean * decoded.totalCount,
  });
}

/**
 * The exact nearest-rank percentile of ascending `sorted` values, the definition HdrHistogram
 * follows (rank = ⌈p/100 · n⌉, at least 1): the reference the histogram is tested against.
 */
export function exactPercentile(sorted: ArrayLike<number>, percentile: number): number {
  if (sorted.length === 0) return 0;
  // The epsilon keeps p·n that is an integer in exact arithmetic from rounding up a rank.
  const rank = Math.max(1, Math.ceil((Math.min(percentile, 100) / 100) * sorted.length - 1e-9));
  return sorted[rank - 1];
}
