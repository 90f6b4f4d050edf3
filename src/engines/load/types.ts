/** What a load run is asked to do and what it reports; plain data, JSON-serialisable results. */
import type { PortOverrides } from '../../context/http-message.js';
import type { LatencySummary } from '../histogram/index.js';

/** One endpoint under load; its `name` tags every number reported for it. */
export interface LoadEndpoint {
  /** Tag in the per-endpoint report; default `METHOD path`. */
  name?: string;
  url: string;
  method?: string;
  /** Sent on every request, after our defaults (`host`, `user-agent`). */
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Share of the requests relative to the other endpoints (default 1). */
  weight?: number;
}

export interface LoadOptions {
  endpoints: LoadEndpoint[];
  /**
   * Closed loop: this many connections, each sending its next request when the previous answer
   * is in. Open loop (with `rate`): the most requests in flight at once, one connection each
   * (default: enough for 2 s of stall at the rate, between 64 and 4096).
   */
  connections?: number;
  /** Open loop: requests per second on a fixed timeline, whatever the server does. */
  rate?: number;
  /** Length of the measured window, warm-up excluded (default 10 s). */
  durationMs?: number;
  /** Stop after this many measured requests (warm-up excluded), even before `durationMs`. */
  maxRequests?: number;
  /** Load sent before the measured window and left out of every number (default 0). */
  warmupMs?: number;
  /** Bound on waiting for the response head, and on each silence in its body (default 5 s). */
  timeoutMs?: number;
  /** A body larger than this aborts its request as an error (default 10 MiB). */
  maxBodyBytes?: number;
  /** Responses with a status at or above this count as errors (default 400; `false`: none). */
  errorStatusFrom?: number | false;
  /** A/AAAA addresses of a name (the run's resolver); IP literals never reach it. */
  lookup: (host: string) => Promise<string[]>;
  /** `network.ports`: the ports behind URLs that carry none. */
  ports?: PortOverrides;
  /** Extra trusted roots when `verifyTls` is set. */
  ca?: string | Buffer;
  /** Refuse certificates that do not verify (default false: load tests often hit staging). */
  verifyTls?: boolean;
  userAgent?: string;
  /** Keep each endpoint's encoded HdrHistogram in the report (for baselines and merges). */
  keepHistograms?: boolean;
  /**
   * Keep the response headers of the first answer per endpoint and status at or above this
   * (e.g. 400: what a 429 said about `Retry-After`). Off by default; costs nothing on 2xx.
   */
  captureHeadersFrom?: number;
  /** Called about every `progressEveryMs` (default 1000) while the run lasts. */
  onProgress?: (p: LoadProgress) => void;
  progressEveryMs?: number;
  /** Ends the run early; what was measured so far is still reported. */
  signal?: AbortSignal;
}

export interface LoadProgress {
  phase: 'warmup' | 'measure' | 'drain';
  /** Seconds since the measured window opened (negative during warm-up). */
  elapsedS: number;
  /** Planned length of the measured window, seconds. */
  durationS: number;
  requests: number;
  errors: number;
  dropped: number;
  inFlight: number;
  /** Measured requests per second so far. */
  rps: number;
}

/** Why an exchange failed, as counted in `errorsByKind`. */
export type LoadErrorKind =
  | 'http_3xx' | 'http_4xx' | 'http_5xx' | 'timeout' | 'refused' | 'reset' | 'dns' | 'tls'
  | 'body_too_large' | 'protocol' | 'unfinished' | 'other';

export interface LoadWarning {
  code: 'CLIENT_CPU' | 'RATE_NOT_MET' | 'SEND_LAG' | 'NO_RESPONSES' | 'FEW_SAMPLES';
  message: string;
}

/** Numbers of one endpoint (or of the whole run). */
export interface LoadStats {
  /** Requests of the measured window that ended, with an answer or an error. */
  requests: number;
  errors: number;
  /** errors / requests (0 when there were none). */
  errorRate: number;
  errorsByKind: Partial<Record<LoadErrorKind, number>>;
  /** Responses by status code (`"200": n`), errors included. */
  statusCounts: Record<string, number>;
  rps: number;
  /** Request to last body byte, of every response (transport failures have no latency). */
  latencyMs: LatencySummary;
  bytesRead: number;
}

export interface EndpointReport extends LoadStats {
  name: string;
  method: string;
  url: string;
  /** Compressed base64 HdrHistogram of the latencies in µs (with `keepHistograms`). */
  histogram?: string;
  /** Headers (lower-case names) of the first answer per status (with `captureHeadersFrom`). */
  headersByStatus?: Record<string, Record<string, string>>;
}

export interface OpenLoopReport {
  targetRate: number;
  /** Requests the timeline had in the measured window. */
  scheduled: number;
  sent: number;
  /** Scheduled but not sent: every connection of the in-flight cap was busy. */
  dropped: number;
  /** sent / window length. */
  achievedRate: number;
  /** Nothing dropped and the sender kept to the timeline. */
  rateMet: boolean;
  maxInFlight: number;
  /** How late requests left against their intended time (a client that cannot keep up). */
  sendLagMs: { mean: number; p99: number; max: number };
}

export interface LoadReport extends LoadStats {
  mode: 'closed' | 'open';
  startedAt: string;
  /** The measured window: from its start until its last request ended (or its planned end). */
  durationS: number;
  warmupS: number;
  connections: number;
  /** Open loop only; 0 in closed loop. */
  dropped: number;
  openLoop?: OpenLoopReport;
  /** CPU of this process over the measured window, as a fraction of one core. */
  clientCpu: number;
  endedBy: 'duration' | 'requests' | 'aborted';
  endpoints: EndpointReport[];
  warnings: LoadWarning[];
}
