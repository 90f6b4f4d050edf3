/**
 * Judging a readiness endpoint's answer: load balancers, orchestrators and deploy gates read it
 * anonymously, follow no redirects and give up after a short timeout, so only a quick 2xx
 * without credentials counts as ready.
 */
import type { Evidence } from '../../core/types.js';

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
