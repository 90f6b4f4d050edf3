/**
 * deploy.health-endpoint: the API has a readiness endpoint that answers 200 quickly and without
 * credentials. `api.health` is probed when declared; otherwise the common paths are tried and
 * the first that answers like a health endpoint passes, with a note to declare it.
 */
import type { HttpResponse } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { CheckContext, Evidence } from '../../core/types.js';
import { apiUrl } from '../../probes/api-session.js';
import type { ProbeError } from '../../probes/types.js';

// ---------------------------------------------------------------- judging (pure)
// Load balancers, orchestrators and deploy gates read the endpoint anonymously, follow no
// redirects and give up after a short timeout: only a quick 2xx without credentials counts.

/** Paths tried, in order, when `api.health` is not declared (common framework defaults). */
export const HEALTH_CANDIDATES: readonly string[] = ['/health', '/healthz', '/readyz', '/ready', '/api/health', '/status'];
/** `/status` is also an ordinary app route: only a 2xx JSON/text answer there counts. */
export const AMBIGUOUS_CANDIDATES: ReadonlySet<string> = new Set(['/status']);
/** Above this a health check is slow: common load-balancer probes time out at 2–5 s. */
export const SLOW_MS = 2_000;

export type HealthMessageId = 'missing' | 'unhealthy' | 'requiresAuth' | 'slow';

export interface HealthAnswer {
  url: string;
  status: number;
  contentType?: string;
  body: string;
  totalMs: number;
  /** Where a redirect pointed, when the answer was one. */
  location?: string;
}

export type HealthVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; messageId: HealthMessageId; evidence: Evidence }
  /** A same-origin redirect that is not a sign-in page: follow it, then judge the end. */
  | { ok: 'follow' };

/** Path segments of sign-in pages and identity providers. */
const SIGN_IN = /(?:^|[/._-])(?:log-?in|sign-?in|sign_in|sso|auth|authorize|oauth2?|saml2?|openid|cas|idp)(?:$|[/._-])/i;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Keys of the dependency map a health body reports (`checks`, Spring's `components`, Terminus' `details`…). */
export function dependencyKeys(body: string): string[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  for (const key of ['checks', 'dependencies', 'components', 'details', 'services', 'entries', 'info']) {
    const v = (doc as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      const names = v.map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>).name ?? (x as Record<string, unknown>).component : undefined)).filter((n): n is string => typeof n === 'string');
      if (names.length) return names.slice(0, 20);
    } else if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length) return keys.slice(0, 20);
    }
  }
  return undefined;
}

const ms = (n: number) => Math.round(n);

/** Judges one answer from the health URL (after any redirect was followed, `chain` says how). */
export function judgeHealth(a: HealthAnswer, chain: readonly string[] = []): HealthVerdict {
  const base: Evidence = { url: a.url, status: a.status, timeMs: ms(a.totalMs), ...(chain.length ? { chain: [...chain] } : {}) };
  const expected = `200 within ${SLOW_MS} ms, no credentials needed`;
  if (REDIRECTS.has(a.status)) {
    if (!a.location) return { ok: false, messageId: 'unhealthy', evidence: { ...base, expected, actual: `${a.status} without Location` } };
    let target: URL;
    try {
      target = new URL(a.location, a.url);
    } catch {
      return { ok: false, messageId: 'unhealthy', evidence: { ...base, expected, actual: `${a.status} to an unparsable Location` } };
    }
    if (target.origin !== new URL(a.url).origin || SIGN_IN.test(target.pathname)) {
      return { ok: false, messageId: 'requiresAuth', evidence: { ...base, location: target.href, expected, actual: `${a.status} redirect to ${target.href}` } };
    }
    return { ok: 'follow' };
  }
  if (a.status === 401 || a.status === 403) return { ok: false, messageId: 'requiresAuth', evidence: { ...base, expected, actual: `${a.status}` } };
  if (a.status === 404 || a.status === 410) return { ok: false, messageId: 'missing', evidence: { ...base, expected, actual: `${a.status}` } };
  if (a.status < 200 || a.status >= 300) return { ok: false, messageId: 'unhealthy', evidence: { ...base, expected, actual: `${a.status}` } };

  const deps = dependencyKeys(a.body);
  const healthy: Evidence = { ...base, ...(a.contentType ? { contentType: a.contentType } : {}), ...(deps ? { dependencies: deps } : {}) };
  if (a.totalMs > SLOW_MS) return { ok: false, messageId: 'slow', evidence: { ...healthy, expected, actual: `${a.status} after ${ms(a.totalMs)} ms` } };
  return { ok: true, evidence: healthy };
}

/**
 * Whether an answer from an undeclared candidate path is a health endpoint: a 2xx that is not an
 * HTML page (an SPA's catch-all answers 200 HTML to any path).
 */
export function looksLikeHealth(a: Pick<HealthAnswer, 'status' | 'contentType' | 'body'>): boolean {
  return a.status >= 200 && a.status < 300 && !/html/i.test(a.contentType ?? '') && !/^\s*<(?:!doctype|html)/i.test(a.body);
}

// ---------------------------------------------------------------- gathering

type Resolved = { ok: true; verdict: Exclude<HealthVerdict, { ok: 'follow' }>; answer: HealthAnswer } | { ok: false; error: ProbeError };

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v);

function answerOf(url: string, res: HttpResponse): HealthAnswer {
  return {
    url,
    status: res.status,
    contentType: text(res.headers['content-type']),
    body: res.body.subarray(0, 64 * 1024).toString('utf8'),
    totalMs: res.timings.totalMs,
    location: text(res.headers.location),
  };
}

/** Fetches `url` (memoised) and judges it, following a same-origin redirect that is not a sign-in page. */
async function resolve(ctx: CheckContext, url: string): Promise<Resolved> {
  const got = await ctx.probes.fetch(url);
  if (!got.ok) return { ok: false, error: got.error };
  const first = answerOf(url, got.value);
  const verdict = judgeHealth(first);
  if (verdict.ok !== 'follow') return { ok: true, verdict, answer: first };

  const walked = await ctx.probes.redirects(url);
  if (walked.error) return { ok: false, error: walked.error };
  const chain = walked.hops.map((h) => (h.location ? `${h.status} ${h.url} → ${h.location}` : `${h.status} ${h.url}`));
  for (const hop of walked.hops.slice(1)) {
    if (!hop.location) continue;
    const hv = judgeHealth({ url: hop.url, status: hop.status, location: hop.location, body: '', totalMs: 0 }, chain);
    if (hv.ok === false) return { ok: true, verdict: hv, answer: first };
  }
  const last = walked.hops[walked.hops.length - 1];
  if (!walked.final || !last) return { ok: false, error: { code: 'REDIRECT', message: `redirect chain from ${url} has no end` } };
  const end = answerOf(last.url, walked.final);
  const final = judgeHealth(end, chain);
  if (final.ok === 'follow') return { ok: false, error: { code: 'REDIRECT', message: `redirect chain from ${url} has no end` } };
  return { ok: true, verdict: final, answer: end };
}

function report(ctx: CheckContext, target: string, verdict: Exclude<HealthVerdict, { ok: 'follow' }>, extra: Record<string, unknown> = {}) {
  if (verdict.ok) {
    const e = verdict.evidence;
    const deps = Array.isArray(e.dependencies) ? ` (reports ${e.dependencies.join(', ')})` : '';
    return ctx.pass(target, { message: `${String(e.url)} answered ${String(e.status)} in ${String(e.timeMs)} ms${deps}`, evidence: { ...e, ...extra } });
  }
  ctx.fail({ target, messageId: verdict.messageId, severity: verdict.messageId === 'slow' ? 'medium' : undefined, evidence: { ...verdict.evidence, ...extra } });
}

/** No `api.health`: try the usual paths in order. */
async function discover(ctx: CheckContext, base: string): Promise<void> {
  const target = base.replace(/\/+$/, '');
  const tried: string[] = [];
  let firstError: ProbeError | undefined;
  let fallback: Resolved | undefined;
  for (const path of HEALTH_CANDIDATES) {
    const url = apiUrl(base, path);
    const r = await resolve(ctx, url);
    if (!r.ok) {
      // A bot wall hides every path alike: stop asking.
      if (r.error.code === 'CHALLENGE') return ctx.error(target, r.error, { url });
      firstError ??= r.error;
      tried.push(`${path} → ${r.error.code}`);
      continue;
    }
    tried.push(`${path} → ${r.answer.status}`);
    if (looksLikeHealth(r.answer) && (r.verdict.ok || r.verdict.messageId === 'slow')) {
      return report(ctx, target, r.verdict, { note: `found at ${path}: declare \`api.health: ${path}\` so deploy gates and monitors use it`, tried });
    }
    // An unambiguous health path that is down or locked says more than "missing".
    if (!AMBIGUOUS_CANDIDATES.has(path) && !r.verdict.ok && (r.verdict.messageId === 'unhealthy' || r.verdict.messageId === 'requiresAuth')) fallback ??= r;
  }
  if (fallback?.ok && !fallback.verdict.ok) return report(ctx, target, fallback.verdict, { tried });
  if (firstError && tried.every((t) => !/→ \d+$/.test(t))) return ctx.error(target, firstError, { tried });
  ctx.fail({ target, messageId: 'missing', evidence: { expected: `a health endpoint (${HEALTH_CANDIDATES.join(', ')}) answering 200`, actual: 'none found', tried } });
}

export default createCheck({
  meta: {
    id: 'deploy.health-endpoint',
    stage: 5,
    title: 'Readiness endpoint answers 200 quickly and anonymously',
    defaultSeverity: 'high',
    targetKind: 'url',
    needs: ['api'],
  },
  messages: {
    missing: 'No health endpoint at {{target}} ({{actual}})',
    unhealthy: '{{url}} answered {{actual}} instead of 200: the service reports itself not ready',
    requiresAuth: '{{url}} needs credentials ({{actual}}): load balancers and deploy gates cannot read it',
    slow: '{{url}} took {{timeMs}} ms (budget 2000 ms): health probes will time out under load',
  },
  remediation: {
    missing:
      'Add a readiness route (e.g. `GET /health`) that checks the database and queue connections and answers 200 `{"status":"ok","checks":{…}}` when ready, 503 when a dependency is down; declare it as `api.health` and point the load balancer / Kubernetes readinessProbe at it.',
    unhealthy: 'Look at the dependency the body reports as failing (database, queue, cache) and fix it before launch; the endpoint must answer 200 when the service can serve traffic.',
    requiresAuth:
      'Exempt the health route from authentication and from login redirects (mount it before the auth middleware; in nginx a separate `location = /health` without `auth_request`). Keep it free of sensitive detail instead of hiding it.',
    slow: 'Make the health check cheap: a `SELECT 1` with a short timeout per dependency, run in parallel, or cache the result for a few seconds; never run full diagnostics on every probe.',
  },
  async run(ctx) {
    const api = ctx.config.api!;
    if (!api.health) return discover(ctx, api.base);
    const url = apiUrl(api.base, api.health);
    const r = await resolve(ctx, url);
    if (!r.ok) return ctx.error(url, r.error, { url });
    report(ctx, url, r.verdict);
  },
});
