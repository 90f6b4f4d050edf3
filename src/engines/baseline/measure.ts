/**
 * One baseline run: log in once, load every declared endpoint together on an open-loop timeline
 * (the load engine), and keep a few answers as evidence — one successful answer per endpoint,
 * taken while the run warms up, and the first answer of each error status the load saw.
 *
 * The load engine counts statuses but keeps no headers (it would cost every request of a big
 * run); an error status it saw is therefore asked for again right after the run, a few requests
 * at most, which reproduces a rate limit's 429 at once. A status that does not come back is
 * listed in `unsampledStatuses`, never guessed.
 */
import type { EndpointConfig, LaunchConfig } from '../../config/types.js';
import type { HttpClient } from '../../context/types.js';
import { describeError } from '../../core/errors.js';
import { apiUrl, bearer } from '../../probes/api-session.js';
import type { Gathered } from '../../probes/types.js';
import { LoadOptionsError, runLoad, type EndpointReport, type LoadProgress } from '../load/index.js';
import { keptHeaders, sampleOf } from './answers.js';
import { BUDGET_MS, loadTimeline, resolveSettings } from './settings.js';
import type { AnswerSample, BaselineRun, EndpointBaseline } from './types.js';

export interface MeasureOptions {
  config: Pick<LaunchConfig, 'project' | 'api' | 'network' | 'baseline'>;
  /** The run's login (`probes.login`): called once when `api.login` is configured. */
  login: () => Promise<Gathered<{ token: string }>>;
  /** A/AAAA addresses through the run's resolver (see `addressLookup` in context). */
  lookup: (host: string) => Promise<string[]>;
  /** The run's HTTP client, for the evidence samples (it applies the same network overrides). */
  http: HttpClient;
  /** Load the write endpoints too (default true); non-intrusive runs leave them out. */
  writes?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
}

/** Body cap of a sample: enough to count the rows of a big unpaginated list. */
const SAMPLE_BODY_CAP = 8 * 1024 * 1024;
/**
 * How long the samples may hold up the load: until all are in, or a little after the first answer
 * (the client and the path to the server are warm by then), or at most a second.
 */
const GATE = { afterFirstMs: 250, maxMs: 1_000 } as const;
/** Requests at most to see an error status again; writes get fewer (each may create a row). */
const REPRODUCE_ATTEMPTS = { read: 8, write: 2 } as const;

interface PlannedRequest {
  endpoint: EndpointConfig;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

const failure = (code: string, message: string): Gathered<BaselineRun> => ({ ok: false, error: { code, message } });

function plan(base: string, e: EndpointConfig, auth: Record<string, string>): PlannedRequest {
  const body = e.body === undefined ? undefined : typeof e.body === 'string' ? e.body : JSON.stringify(e.body);
  const headers: Record<string, string> = {
    ...(body !== undefined && typeof e.body !== 'string' ? { 'content-type': 'application/json' } : {}),
    ...(e.headers ?? {}),
    ...auth,
  };
  return { endpoint: e, url: apiUrl(base, e.path), method: e.method.toUpperCase(), headers, ...(body === undefined ? {} : { body }) };
}

async function sampleOnce(http: HttpClient, r: PlannedRequest, timeoutMs: number, signal?: AbortSignal): Promise<AnswerSample | undefined> {
  try {
    const res = await http.request({ url: r.url, method: r.method, headers: r.headers, body: r.body, timeoutMs, maxBodyBytes: SAMPLE_BODY_CAP, signal });
    return sampleOf(r.endpoint.path, res);
  } catch {
    // A sample is evidence only; the load's own counts say what failed.
    return undefined;
  }
}

/** Asks again, one request at a time, until each wanted status was seen or the attempts ran out. */
async function reproduce(
  http: HttpClient, r: PlannedRequest, wanted: Set<number>, timeoutMs: number, signal?: AbortSignal,
): Promise<AnswerSample[]> {
  const found: AnswerSample[] = [];
  for (let i = 0; i < REPRODUCE_ATTEMPTS[r.endpoint.kind] && wanted.size > 0 && !signal?.aborted; i++) {
    const s = await sampleOnce(http, r, timeoutMs, signal);
    if (s && wanted.delete(s.status)) found.push(s);
  }
  return found;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function numbersOf(r: PlannedRequest, rep: EndpointReport | undefined): Omit<EndpointBaseline, 'success' | 'errorAnswers' | 'unsampledStatuses'> {
  const e = r.endpoint;
  const l = rep?.latencyMs;
  return {
    name: e.name,
    method: r.method,
    path: e.path,
    url: r.url,
    kind: e.kind,
    list: e.list ?? false,
    budgetMs: BUDGET_MS[e.kind],
    requests: rep?.requests ?? 0,
    errors: rep?.errors ?? 0,
    errorRate: Math.round((rep?.errorRate ?? 0) * 10_000) / 10_000,
    statusCounts: { ...(rep?.statusCounts ?? {}) },
    errorsByKind: Object.fromEntries(Object.entries(rep?.errorsByKind ?? {}).filter(([, n]) => (n ?? 0) > 0)) as Record<string, number>,
    latencyMs: { count: l?.count ?? 0, mean: l?.mean ?? 0, p50: l?.p50 ?? 0, p95: l?.p95 ?? 0, p99: l?.p99 ?? 0, max: l?.max ?? 0 },
  };
}

/**
 * Measures the declared endpoints once. Errors (as data): `NO_API`, `NO_ENDPOINTS`, the login's
 * own codes (`LOGIN_REJECTED` …), `BAD_ENDPOINT`. A run where nothing answered is still a run:
 * its numbers say so, and the judges turn it into `error` results.
 */
export async function measureBaseline(o: MeasureOptions): Promise<Gathered<BaselineRun>> {
  const api = o.config.api;
  if (!api) return failure('NO_API', '`api` is not configured');
  if (api.endpoints.length === 0) return failure('NO_ENDPOINTS', 'no `api.endpoints` are declared');
  const writes = o.writes ?? true;
  const chosen = api.endpoints.filter((e) => writes || e.kind !== 'write');
  const skipped = api.endpoints.filter((e) => !chosen.includes(e)).map((e) => ({ name: e.name, reason: 'a non-intrusive run leaves the writes out' }));
  if (chosen.length === 0) return failure('NO_ENDPOINTS', 'every declared endpoint is a write, and writes were left out');

  let auth: Record<string, string> = {};
  if (api.login) {
    const session = await o.login();
    if (!session.ok) return { ok: false, error: session.error };
    auth = bearer(session.value);
  }

  const settings = resolveSettings(o.config.baseline, chosen.length, o.config.network.timeoutMs);
  const timeline = loadTimeline(settings, chosen.length);
  const planned = chosen.map((e) => plan(api.base, e, auth));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  // The samples go first: they also take the cold start (name look-ups, first TLS handshakes,
  // code paths run for the first time — on both sides when the server is local) out of the
  // measured window. A slow endpoint's sample is not waited for beyond the gate.
  let onFirst: () => void = () => undefined;
  const firstAnswered = new Promise<void>((resolve) => (onFirst = resolve));
  const firstAnswers = Promise.all(planned.map(async (r) => {
    const s = await sampleOnce(o.http, r, settings.timeoutMs, o.signal);
    onFirst();
    return s;
  }));
  await Promise.race([firstAnswers, firstAnswered.then(() => sleep(GATE.afterFirstMs)), sleep(GATE.maxMs)]);
  let report;
  try {
    report = await runLoad({
      endpoints: planned.map((r) => ({ name: r.endpoint.name, url: r.url, method: r.method, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) })),
      rate: timeline.rate,
      connections: settings.connections,
      maxRequests: timeline.maxRequests,
      warmupMs: timeline.warmupMs,
      durationMs: timeline.durationMs,
      timeoutMs: settings.timeoutMs,
      lookup: o.lookup,
      ports: o.config.network.ports,
      signal: o.signal,
      onProgress: o.onProgress,
      // What a 429/503 said about backing off, seen in the load itself (a limit per second may
      // never trip again for the few requests asked afterwards).
      captureHeadersFrom: 400,
    });
  } catch (err) {
    await firstAnswers;
    if (err instanceof LoadOptionsError) return failure('BAD_ENDPOINT', err.message);
    const e = describeError(err);
    return failure(e.code, e.message);
  }
  const first = await firstAnswers;

  const endpoints = await Promise.all(planned.map(async (r, i): Promise<EndpointBaseline> => {
    const numbers = numbersOf(r, report.endpoints[i]);
    const sample = first[i];
    const errorAnswers: AnswerSample[] = sample && sample.status >= 400 ? [sample] : [];
    for (const [status, headers] of Object.entries(report.endpoints[i]?.headersByStatus ?? {})) {
      if (!errorAnswers.some((a) => a.status === Number(status))) errorAnswers.push({ status: Number(status), headers: keptHeaders(headers), bytes: 0, ms: 0 });
    }
    const seen = Object.keys(numbers.statusCounts).map(Number).filter((s) => s >= 400 && !errorAnswers.some((a) => a.status === s));
    const wanted = new Set(seen);
    if (wanted.size > 0) errorAnswers.push(...await reproduce(o.http, r, wanted, settings.timeoutMs, o.signal));
    errorAnswers.sort((a, b) => a.status - b.status);
    return {
      ...numbers,
      ...(sample && sample.status < 400 ? { success: sample } : {}),
      errorAnswers,
      unsampledStatuses: [...wanted].sort((a, b) => a - b),
    };
  }));

  return {
    ok: true,
    value: {
      format: 'launchready-baseline/1',
      project: o.config.project,
      base: api.base,
      startedAt,
      durationS: round3((performance.now() - started) / 1000),
      settings,
      endpoints,
      skipped,
      warnings: report.warnings,
    },
  };
}
