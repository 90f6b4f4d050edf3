/**
 * edge.rate-limit: a bounded burst of sign-in attempts with wrong credentials (a made-up account,
 * a random password) against the login route and each declared sensitive path must eventually be
 * answered 429/503 with Retry-After. Bounded three ways: `audit.rate_limit_burst` attempts (never
 * above 100), 5 in flight, and about 20 s for the whole check; it stops at the first limit.
 */
import { randomBytes } from 'node:crypto';
import type { HttpResponse } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { CheckContext } from '../../core/types.js';
import { apiUrl } from '../../probes/api-session.js';
import { detectChallenge } from '../../probes/challenge.js';
import { judgeBurst, probeBody, type Attempt } from '../../engines/edge/burst.js';

const MAX_BURST = 100;
const IN_FLIGHT = 5;
/** The whole check's budget: a burst that cannot finish in this says more about the server than the limiter. */
const BUDGET_MS = 20_000;
const PER_REQUEST_MAX_MS = 5_000;
const BODY_CAP = 64 * 1024;

/** A bot-wall page, excluding a bare 429 (which here is exactly the answer hoped for). */
function wallOf(res: HttpResponse): string | undefined {
  // With the status masked as 403, only the headers and body markers of real challenge pages count.
  return detectChallenge(res.status === 429 ? { ...res, status: 403 } : res);
}

interface Burst {
  attempts: Attempt[];
  complete: boolean;
  error?: { code: string; message: string };
}

/** Sends up to `planned` attempts, `IN_FLIGHT` at a time, stopping at the first limit, wall or failure. */
async function burst(ctx: CheckContext, url: string, method: string, headers: Record<string, string>, body: string, planned: number, budget: AbortSignal): Promise<Burst> {
  const attempts: Attempt[] = [];
  const timeoutMs = Math.min(ctx.config.network.timeoutMs, PER_REQUEST_MAX_MS);
  while (attempts.length < planned) {
    if (budget.aborted) return { attempts, complete: false };
    const size = Math.min(IN_FLIGHT, planned - attempts.length);
    const batch = await Promise.allSettled(
      Array.from({ length: size }, () => ctx.http.request({ url, method, headers, body, timeoutMs, maxBodyBytes: BODY_CAP, signal: budget })),
    );
    for (const settled of batch) {
      if (settled.status === 'rejected') {
        if (budget.aborted) return { attempts, complete: false };
        const err = settled.reason as { code?: string; message?: string };
        return { attempts, complete: false, error: { code: err.code ?? 'ERROR', message: `${err.message ?? String(err)} (after ${attempts.length} answered attempts)` } };
      }
      const res = settled.value;
      const wall = wallOf(res);
      if (wall) {
        const when = attempts.length ? ` after ${attempts.length} attempts (the edge reacts to bursts; confirm the API itself limits)` : '';
        return { attempts, complete: false, error: { code: 'CHALLENGE', message: `${url} answered ${res.status}: ${wall}${when}` } };
      }
      const retryAfter = res.headers['retry-after'];
      attempts.push({ status: res.status, ...(retryAfter ? { retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter } : {}) });
    }
    if (attempts.some((a) => a.status === 429 || a.status === 503)) break;
    // A route that is not there stays not there: one batch is enough to say so.
    if (attempts[0] && (attempts[0].status === 404 || attempts[0].status === 405)) return { attempts, complete: true };
  }
  return { attempts, complete: attempts.length >= planned || attempts.some((a) => a.status === 429 || a.status === 503) };
}

export default createCheck({
  meta: {
    id: 'edge.rate-limit',
    stage: 2,
    title: 'Sign-in and sensitive routes are rate limited',
    defaultSeverity: 'high',
    targetKind: 'endpoint',
    needs: ['api'],
    intrusive: true,
  },
  messages: {
    noLimit: '{{target}} accepted {{attempts}} wrong sign-in attempts in a burst without a 429/503',
    noRetryAfter: '{{target}} stops the burst after {{limitedAfter}} attempts but without Retry-After',
  },
  remediation: {
    noLimit:
      'Rate-limit sign-in per client address and per account (e.g. 10 a minute): express-rate-limit / rack-attack / django-ratelimit in the app, `limit_req zone=login burst=5 nodelay; limit_req_status 429;` in nginx, or a Cloudflare / AWS WAF rate-based rule on the login path. Answer 429 with Retry-After.',
    noRetryAfter:
      'Send `Retry-After: <seconds>` with the 429/503 (nginx: `add_header Retry-After 60 always;` in the limited location; express-rate-limit sets it with `standardHeaders: true`), so clients back off instead of hammering.',
  },
  async run(ctx) {
    const api = ctx.config.api!;
    const login = api.login;
    if (!login) return ctx.skip(api.base, 'no `api.login` declared: nothing to burst against');
    const method = (login.method || 'POST').toUpperCase();
    const paths = [...new Set([login.path, ...(api.sensitive_paths ?? [])])];
    const targets = paths.map((p) => ({ name: `${method} ${p}`, url: apiUrl(api.base, p) }));
    if (!ctx.config.audit.rate_limit_probe) {
      for (const t of targets) ctx.skip(t.name, '`audit.rate_limit_probe` is false');
      return;
    }
    const planned = Math.max(1, Math.min(ctx.config.audit.rate_limit_burst, MAX_BURST));
    // The wrong password is random per run; neither it nor the configured one is ever reported.
    const body = JSON.stringify(probeBody(login.body, randomBytes(12).toString('base64url')));
    const headers = { 'content-type': 'application/json', accept: 'application/json', ...(login.headers ?? {}) };
    const budget = AbortSignal.any([ctx.signal, AbortSignal.timeout(BUDGET_MS)]);

    for (const t of targets) {
      const sent = await burst(ctx, t.url, method, headers, body, planned, budget);
      if (sent.error) {
        ctx.error(t.name, sent.error, { url: t.url, attempts: sent.attempts.length });
        continue;
      }
      const verdict = judgeBurst(sent.attempts, planned, sent.complete);
      const evidence = { url: t.url, ...verdict.evidence };
      if (verdict.ok === 'unjudgeable') ctx.error(t.name, { code: verdict.code, message: `${t.url}: ${verdict.reason}` }, evidence);
      else if (verdict.ok) {
        ctx.pass(t.name, { message: `Limited after ${String(verdict.evidence.limitedAfter)} attempts (${String(verdict.evidence.limitStatus)}, Retry-After: ${String(verdict.evidence.retryAfter)})`, evidence });
      } else ctx.fail({ target: t.name, messageId: verdict.messageId, severity: verdict.messageId === 'noRetryAfter' ? 'medium' : undefined, evidence });
    }
  },
});
