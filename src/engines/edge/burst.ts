/**
 * The pure half of `edge.rate-limit`: the wrong-credential body a burst sends, and the verdict on
 * the answers. A limiter shows itself as 429 (RFC 6585 §4) or 503, ideally with `Retry-After`
 * (RFC 9110 §10.2.3) so well-behaved clients know when to come back; a WAF block (403 after
 * ordinary answers) also stops the burst, but tells the client nothing.
 */
import type { Evidence } from '../../core/types.js';

/** A made-up account on a reserved domain (RFC 2606): a lockout never hits a real user. */
export const PROBE_EMAIL = 'launchready-probe@invalid.test';

const SECRET_FIELD = /pass(?:word|wd|phrase)?$|^pwd$|secret|^otp$|^pin$|^code$/i;
const IDENTITY_FIELD = /e-?mail|^user(?:name)?$|^login$|^account$|^identifier$|^phone$|^username/i;
const MAX_DEPTH = 8;

/**
 * The login body with its credentials swapped: identity fields become `PROBE_EMAIL`, secret
 * fields `wrongPassword`; anything else is kept so the request still reaches the login handler.
 * A body that is not an object (or has no such fields) gets `{ email, password }`.
 */
export function probeBody(body: unknown, wrongPassword: string): Record<string, unknown> | unknown[] {
  let swapped = 0;
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([k, x]) => {
        if (typeof x === 'string' && SECRET_FIELD.test(k)) {
          swapped++;
          return [k, wrongPassword];
        }
        if (typeof x === 'string' && IDENTITY_FIELD.test(k)) {
          swapped++;
          return [k, PROBE_EMAIL];
        }
        return [k, walk(x, depth + 1)];
      }),
    );
  };
  const out = walk(body, 0);
  if (swapped === 0 || out === null || typeof out !== 'object') return { email: PROBE_EMAIL, password: wrongPassword };
  return out as Record<string, unknown>;
}

export interface Attempt {
  status: number;
  retryAfter?: string;
}

export type BurstVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; messageId: 'noLimit' | 'noRetryAfter'; evidence: Evidence }
  | { ok: 'unjudgeable'; code: string; reason: string; evidence: Evidence };

/** `{ "401": 30 }`: how often each status came back. */
export function statusCounts(attempts: readonly Attempt[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of attempts) out[String(a.status)] = (out[String(a.status)] ?? 0) + 1;
  return out;
}

/** The index of the first answer that shows a limiter, or -1. */
export function firstLimited(attempts: readonly Attempt[]): number {
  return attempts.findIndex((a, i) => a.status === 429 || a.status === 503 || (a.status === 403 && i > 0 && attempts.slice(0, i).some((b) => b.status !== 403)));
}

/**
 * Judges the answers to a burst of `planned` attempts, in the order they were sent. `complete`
 * is false when the time budget ran out before the burst was sent.
 */
export function judgeBurst(attempts: readonly Attempt[], planned: number, complete = true): BurstVerdict {
  const counts = statusCounts(attempts);
  const base = { attempts: attempts.length, planned, statuses: counts };
  const first = attempts[0];
  if (!first) return { ok: 'unjudgeable', code: 'TIMEOUT', reason: 'no attempt was answered within the time budget', evidence: base };
  if (first.status === 404 || first.status === 405) {
    return { ok: 'unjudgeable', code: 'NOT_FOUND', reason: `the route answered ${first.status}: check the path and method in the config`, evidence: base };
  }
  const limitedAt = firstLimited(attempts);
  if (limitedAt === 0 && first.status === 503 && !first.retryAfter) {
    return { ok: 'unjudgeable', code: 'UNAVAILABLE', reason: 'the first attempt already answered 503: the service is down, not limiting', evidence: base };
  }
  if (limitedAt >= 0) {
    const hit = attempts[limitedAt];
    const evidence = { ...base, limitedAfter: limitedAt + 1, limitStatus: hit.status, expected: '429 (or 503) with Retry-After' };
    if (hit.retryAfter) return { ok: true, evidence: { ...evidence, retryAfter: hit.retryAfter } };
    return { ok: false, messageId: 'noRetryAfter', evidence: { ...evidence, actual: `${hit.status} without Retry-After after ${limitedAt + 1} attempts` } };
  }
  if (!complete) {
    return { ok: 'unjudgeable', code: 'TIMEOUT', reason: `only ${attempts.length} of ${planned} attempts fit in the time budget`, evidence: base };
  }
  return {
    ok: false,
    messageId: 'noLimit',
    evidence: { ...base, expected: `429 (or 503) with Retry-After within ${planned} attempts`, actual: `no limit after ${attempts.length} attempts` },
  };
}
