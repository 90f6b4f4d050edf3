/**
 * What a baseline run measures and keeps: plain JSON, saved under `.launchready/baselines/` and
 * read back by `--compare`, the perf checks and the baseline report.
 */
import type { LoadWarning } from '../load/index.js';

export type EndpointKind = 'read' | 'write';

/** The knobs a run used (the `baseline:` section with defaults filled in). */
export interface BaselineSettings {
  /** Open-loop requests per second, per endpoint. */
  rate: number;
  /** Measured requests per endpoint. */
  requests: number;
  /** Warm-up requests per endpoint (not counted). */
  warmup: number;
  /** In-flight cap of the whole run. */
  connections: number;
  /** Per-request bound (`network.timeout`). */
  timeoutMs: number;
}

/** One answer kept as evidence: response headers from an allowlist (never cookies), size, rows. */
export interface AnswerSample {
  status: number;
  /** Lower-case names; only caching, pagination, rate-limit and content headers are kept. */
  headers: Record<string, string>;
  bytes: number;
  ms: number;
  /** Rows of a JSON list answer: the top-level array, or the longest array one or two levels down. */
  rows?: number;
  /** Signs of pagination: `Link: rel="next"`, a cursor/next/page key, a `limit`/`page` query. */
  pagination?: string[];
}

export interface LatencyMs {
  /** Answers with a latency (transport failures have none). */
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The numbers of one declared endpoint. */
export interface EndpointBaseline {
  name: string;
  method: string;
  /** The declared path (query included). */
  path: string;
  url: string;
  kind: EndpointKind;
  /** Declared `list: true`. */
  list: boolean;
  /** p95 budget: 300 ms for reads, 800 ms for writes. */
  budgetMs: number;
  requests: number;
  errors: number;
  errorRate: number;
  /** Answers by status (`"200": 28, "429": 2`). */
  statusCounts: Record<string, number>;
  /** Errors by kind (`http_4xx`, `timeout`, `refused` …), as the load engine counts them. */
  errorsByKind: Record<string, number>;
  latencyMs: LatencyMs;
  /** One successful answer (taken while the run warmed up). */
  success?: AnswerSample;
  /** The first answer seen per status ≥ 400 (429/503 with their `Retry-After`, if any). */
  errorAnswers: AnswerSample[];
  /** Statuses ≥ 400 the load saw but no sample could be taken of (the server stopped sending them). */
  unsampledStatuses: number[];
}

/** One baseline run. */
export interface BaselineRun {
  format: 'launchready-baseline/1';
  project: string;
  /** `api.base`. */
  base: string;
  startedAt: string;
  /** Wall time of the whole run (login excluded), seconds. */
  durationS: number;
  settings: BaselineSettings;
  endpoints: EndpointBaseline[];
  /** Declared endpoints left out, and why (writes are left out of non-intrusive runs). */
  skipped: { name: string; reason: string }[];
  /** What a reader must know before trusting the numbers (rate not met, client CPU …). */
  warnings: LoadWarning[];
}

/**
 * Evidence other parts of launchready hand the baseline report, so it can name a precise fix.
 * Every field is optional; the report works without any of them.
 */
export interface SlowPathHints {
  /** From the slow-query analysis: a table and the statement that adds the index it lacks. */
  slowQueries?: { table: string; createIndex: string }[];
  /** From the third-party script audit: a key page and a script that blocks its first render. */
  blockingScripts?: { page: string; script: string }[];
}
