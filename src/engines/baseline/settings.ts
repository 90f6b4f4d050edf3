/** Budgets and the modest, bounded defaults of a baseline run. */
import type { BaselineSection } from '../../config/types.js';
import type { BaselineSettings, EndpointKind } from './types.js';

/** p95 budgets (checks.md, stage 3): what users tolerate for a read and for a save. */
export const BUDGET_MS: Readonly<Record<EndpointKind, number>> = Object.freeze({ read: 300, write: 800 });
/** The error-rate budget of a baseline (`perf.error-rate`): below 2 %. */
export const ERROR_RATE_BUDGET = 0.02;
/** Fewer answers than this and a p95 is noise: the checks say `error`, not pass or fail. */
export const MIN_SAMPLES = 10;

/**
 * Defaults: about 10 requests/s and 30 measured requests per endpoint, 3 warm-up requests — a
 * baseline of six endpoints takes about 3.5 s plus the slowest answer, and stays far below what a
 * launch-day product must carry.
 */
export const BASELINE_DEFAULTS = Object.freeze({ rate: 10, requests: 30, warmup: 3 });

/** In-flight cap: two seconds of stall at the whole run's rate, at least 32, at most 256. */
export const defaultConnections = (totalRate: number): number => Math.min(256, Math.max(32, Math.ceil(totalRate * 2)));

/** The `baseline:` section with defaults filled in, for `endpoints` endpoints. */
export function resolveSettings(section: BaselineSection | undefined, endpoints: number, timeoutMs: number): BaselineSettings {
  const rate = section?.rate ?? BASELINE_DEFAULTS.rate;
  return {
    rate,
    requests: section?.requests ?? BASELINE_DEFAULTS.requests,
    warmup: section?.warmup ?? BASELINE_DEFAULTS.warmup,
    connections: section?.connections ?? defaultConnections(rate * Math.max(1, endpoints)),
    timeoutMs,
  };
}

/** The load engine's timeline for `endpoints` endpoints visited round-robin. */
export interface LoadTimeline {
  /** Requests per second over all endpoints. */
  rate: number;
  maxRequests: number;
  warmupMs: number;
  durationMs: number;
}

/**
 * Turns per-endpoint counts into the engine's whole-run numbers. The engine's warm-up is a time:
 * it is set half a request short of the warm-up count, so float rounding of the timeline cannot
 * move one request across the line (every endpoint then gets exactly `requests` measured ones).
 */
export function loadTimeline(s: BaselineSettings, endpoints: number): LoadTimeline {
  const rate = s.rate * endpoints;
  const interval = 1000 / rate;
  const warm = s.warmup * endpoints;
  return {
    rate,
    maxRequests: s.requests * endpoints,
    warmupMs: warm === 0 ? 0 : Math.max(0, Math.round((warm - 0.5) * interval)),
    // The request count ends the window; the duration only backs it up.
    durationMs: Math.ceil(((s.requests + 1) / s.rate) * 1000),
  };
}
