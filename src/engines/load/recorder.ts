/**
 * Counts of a run, per endpoint: latency histograms, statuses, errors by kind, bytes. Exchanges of
 * the warm-up never reach it; after `close()` it ignores late arrivals (requests cut at the end
 * are counted before that, by the driver, as `unfinished`).
 */
import { createLatencyHistogram, type LatencyHistogram } from '../histogram/index.js';
import type { PreparedEndpoint } from './endpoints.js';
import { errorKind, statusKind } from './exchange.js';
import type { EndpointReport, LoadErrorKind, LoadStats } from './types.js';

/** Statuses kept in a flat array; anything else (999…) lands in the last slot's map entry. */
const STATUS_SLOTS = 600;

class EndpointCounts {
  readonly histogram: LatencyHistogram = createLatencyHistogram();
  requests = 0;
  errors = 0;
  bytes = 0;
  readonly statuses = new Uint32Array(STATUS_SLOTS);
  readonly oddStatuses = new Map<number, number>();
  readonly kinds = new Map<LoadErrorKind, number>();

  countError(kind: LoadErrorKind): void {
    this.errors += 1;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  statusCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let s = 0; s < STATUS_SLOTS; s++) if (this.statuses[s]) out[String(s)] = this.statuses[s];
    for (const [s, n] of this.oddStatuses) out[String(s)] = n;
    return out;
  }
}

export interface RecorderOptions {
  /** Statuses at or above it are errors; `false`: none are. */
  errorStatusFrom: number | false;
  keepHistograms: boolean;
}

/** Per-endpoint counts of the measured window of one run. */
export class Recorder {
  readonly #counts: EndpointCounts[];
  readonly #sendLag = createLatencyHistogram();
  #closed = false;
  /** performance.now() of the last measured exchange that ended. */
  lastSettledAt: number | undefined;
  dropped = 0;
  /** Measured requests the open loop's timeline held (sent or dropped). */
  scheduled = 0;

  constructor(
    private readonly endpoints: readonly PreparedEndpoint[],
    private readonly opts: RecorderOptions,
  ) {
    this.#counts = endpoints.map(() => new EndpointCounts());
  }

  /** One measured exchange ended at `endedAt`, with `err` when it failed before a full answer. */
  settle(index: number, startedAt: number, endedAt: number, status: number, bytes: number, err: Error | undefined): void {
    if (this.#closed) return;
    const c = this.#counts[index];
    c.requests += 1;
    c.bytes += bytes;
    this.lastSettledAt = endedAt;
    if (err) {
      c.countError(errorKind(err));
      return;
    }
    c.histogram.record((endedAt - startedAt) * 1000);
    if (status < STATUS_SLOTS) c.statuses[status] += 1;
    else c.oddStatuses.set(status, (c.oddStatuses.get(status) ?? 0) + 1);
    if (this.opts.errorStatusFrom !== false && status >= this.opts.errorStatusFrom) c.countError(statusKind(status));
  }

  /** How late an open-loop request left against its intended time. */
  sendLag(ms: number): void {
    if (!this.#closed) this.#sendLag.record(ms * 1000);
  }

  /** Stops counting: the report describes what ended before this. */
  close(): void {
    this.#closed = true;
  }

  get requests(): number {
    let n = 0;
    for (const c of this.#counts) n += c.requests;
    return n;
  }

  get errors(): number {
    let n = 0;
    for (const c of this.#counts) n += c.errors;
    return n;
  }

  sendLagMs(): { mean: number; p99: number; max: number } {
    const s = this.#sendLag.summary();
    return { mean: s.mean, p99: s.p99, max: s.max };
  }

  /** Per-endpoint numbers, then the whole run's (histograms merged, counts added). */
  report(durationS: number): { endpoints: EndpointReport[]; total: LoadStats } {
    const merged = createLatencyHistogram();
    const total = new EndpointCounts();
    const endpoints = this.endpoints.map((ep, i): EndpointReport => {
      const c = this.#counts[i];
      merged.add(c.histogram);
      total.requests += c.requests;
      total.bytes += c.bytes;
      for (let s = 0; s < STATUS_SLOTS; s++) total.statuses[s] += c.statuses[s];
      for (const [s, n] of c.oddStatuses) total.oddStatuses.set(s, (total.oddStatuses.get(s) ?? 0) + n);
      for (const [k, n] of c.kinds) {
        total.errors += n;
        total.kinds.set(k, (total.kinds.get(k) ?? 0) + n);
      }
      return {
        name: ep.name,
        method: ep.method,
        url: ep.url,
        ...stats(c, c.histogram, durationS),
        ...(this.opts.keepHistograms ? { histogram: c.histogram.encode() } : {}),
      };
    });
    return { endpoints, total: stats(total, merged, durationS) };
  }
}

function stats(c: EndpointCounts, h: LatencyHistogram, durationS: number): LoadStats {
  return {
    requests: c.requests,
    errors: c.errors,
    errorRate: c.requests ? c.errors / c.requests : 0,
    errorsByKind: Object.fromEntries(c.kinds),
    statusCounts: c.statusCounts(),
    rps: durationS > 0 ? c.requests / durationS : 0,
    latencyMs: h.summary(),
    bytesRead: c.bytes,
  };
}
