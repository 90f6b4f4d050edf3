/** Defaults and bounds of a load run, checked before anything is sent. */
import { TOOL_VERSION } from '../../version.js';
import { LoadOptionsError } from './endpoints.js';
import type { LoadOptions } from './types.js';

export interface ResolvedOptions {
  mode: 'closed' | 'open';
  /** Closed: workers; open: the in-flight cap (connections per origin). */
  connections: number;
  rate: number;
  durationMs: number;
  warmupMs: number;
  maxRequests: number;
  timeoutMs: number;
  maxBodyBytes: number;
  errorStatusFrom: number | false;
  userAgent: string;
  progressEveryMs: number;
}

export const LIMITS = Object.freeze({
  connections: 10_000,
  rate: 1_000_000,
  /** A day: a soak test is a schedule of runs, not one endless run. */
  durationMs: 86_400_000,
  /** With a request bound and no duration, the run still stops after this long. */
  requestsOnlyDurationMs: 600_000,
});

const DEFAULTS = Object.freeze({
  closedConnections: 10,
  durationMs: 10_000,
  timeoutMs: 5_000,
  maxBodyBytes: 10 * 1024 * 1024,
  errorStatusFrom: 400,
  progressEveryMs: 1_000,
});

function integer(value: number | undefined, what: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new LoadOptionsError(`${what} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/**
 * The open loop's default in-flight cap: enough connections to keep the timeline through a 2 s
 * stall, at least 64, at most 4096 (sockets, memory and file descriptors grow with it).
 */
export const defaultOpenConnections = (rate: number): number => Math.min(4096, Math.max(64, Math.ceil(rate * 2)));

/** Options with defaults filled in. @throws {LoadOptionsError} on a value out of bounds. */
export function resolveOptions(o: LoadOptions): ResolvedOptions {
  if (o.rate !== undefined && (!Number.isFinite(o.rate) || o.rate <= 0 || o.rate > LIMITS.rate)) {
    throw new LoadOptionsError(`the rate must be above 0 and at most ${LIMITS.rate} requests/s, got ${o.rate}`);
  }
  const mode = o.rate === undefined ? 'closed' : 'open';
  const connections = integer(o.connections, 'connections', 1, LIMITS.connections)
    ?? (mode === 'open' ? defaultOpenConnections(o.rate ?? 0) : DEFAULTS.closedConnections);
  const maxRequests = integer(o.maxRequests, 'the request count', 1, Number.MAX_SAFE_INTEGER);
  const durationMs = integer(o.durationMs, 'the duration (ms)', 1, LIMITS.durationMs)
    ?? (maxRequests === undefined ? DEFAULTS.durationMs : LIMITS.requestsOnlyDurationMs);
  const warmupMs = integer(o.warmupMs, 'the warm-up (ms)', 0, LIMITS.durationMs) ?? 0;
  const timeoutMs = integer(o.timeoutMs, 'the timeout (ms)', 1, 3_600_000) ?? DEFAULTS.timeoutMs;
  const maxBodyBytes = integer(o.maxBodyBytes, 'the body cap (bytes)', 0, 2 ** 40) ?? DEFAULTS.maxBodyBytes;
  const errorStatusFrom = o.errorStatusFrom === false ? false
    : integer(o.errorStatusFrom, 'the error status threshold', 300, 599) ?? DEFAULTS.errorStatusFrom;
  return {
    mode,
    connections,
    rate: o.rate ?? 0,
    durationMs,
    warmupMs,
    maxRequests: maxRequests ?? Number.POSITIVE_INFINITY,
    timeoutMs,
    maxBodyBytes,
    errorStatusFrom,
    userAgent: o.userAgent ?? `launchready/${TOOL_VERSION}`,
    progressEveryMs: integer(o.progressEveryMs, 'the progress interval (ms)', 10, 3_600_000) ?? DEFAULTS.progressEveryMs,
  };
}
