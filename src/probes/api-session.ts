/**
 * The API session of one run: checks that call declared endpoints log in once through
 * `api.login` and send `Authorization: Bearer <token>`. The token and the password never leave
 * this module in a message, an error or a log line — errors say which step failed and the status,
 * nothing of the request or answer bodies.
 */
import type { ApiSection, LaunchConfig } from '../config/types.js';
import type { HttpClient } from '../context/types.js';
import { describeError } from '../core/errors.js';
import { detectChallenge } from './challenge.js';
import type { Gathered, Probes } from './types.js';

/** What a successful login yields; the token is for request headers only. */
export interface ApiSession {
  token: string;
}

export interface ApiSessionOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Login answers are small JSON documents; anything bigger is not one. */
const LOGIN_BODY_CAP = 256 * 1024;

/**
 * `api.base` joined with a declared path the way the config documents it (`base + path`), so a
 * base with a prefix (`https://x.test/v1`) keeps it; exactly one slash between the two.
 */
export function apiUrl(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * The value at a dotted path (`token`, `data.session.token`, `tokens.0`) of a parsed JSON
 * document, when it is a non-empty string.
 */
export function tokenAt(json: unknown, dotted: string): string | undefined {
  let cur: unknown = json;
  for (const key of dotted.split('.').filter((k) => k !== '')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === 'string' && cur.trim() !== '' ? cur.trim() : undefined;
}

const failure = (code: string, message: string): Gathered<ApiSession> => ({ ok: false, error: { code, message } });

/**
 * Logs in once: the first call sends the request, later calls share its answer (memoised for the
 * life of the returned function, which is one run). Errors: `LOGIN_NOT_CONFIGURED`,
 * `LOGIN_REJECTED` (non-2xx), `LOGIN_NO_TOKEN`, `CHALLENGE`, or the transport's code.
 */
export function createApiSession(
  http: HttpClient,
  api: ApiSection | undefined,
  opts: ApiSessionOptions,
): () => Promise<Gathered<ApiSession>> {
  let pending: Promise<Gathered<ApiSession>> | undefined;
  return () => (pending ??= loginOnce(http, api, opts));
}

async function loginOnce(http: HttpClient, api: ApiSection | undefined, opts: ApiSessionOptions): Promise<Gathered<ApiSession>> {
  const login = api?.login;
  if (!api || !login) return failure('LOGIN_NOT_CONFIGURED', '`api.login` is not configured');
  const url = apiUrl(api.base, login.path);
  const method = (login.method || 'POST').toUpperCase();
  const where = `${method} ${url}`;
  try {
    const res = await http.request({
      url,
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(login.headers ?? {}) },
      body: login.body === undefined ? undefined : typeof login.body === 'string' ? login.body : JSON.stringify(login.body),
      timeoutMs: opts.timeoutMs,
      maxBodyBytes: LOGIN_BODY_CAP,
      signal: opts.signal,
    });
    const wall = detectChallenge(res);
    if (wall) return failure('CHALLENGE', `login ${where} answered ${res.status}: ${wall}, not the API`);
    if (res.status < 200 || res.status > 299) {
      return failure('LOGIN_REJECTED', `login ${where} answered ${res.status} (check the credentials in \`api.login\`)`);
    }
    let json: unknown;
    try {
      json = JSON.parse(res.body.toString('utf8'));
    } catch {
      return failure('LOGIN_NO_TOKEN', `login ${where} answered ${res.status} without a JSON body`);
    }
    const token = tokenAt(json, login.token);
    if (!token) return failure('LOGIN_NO_TOKEN', `login ${where} answered ${res.status} but has no string at \`${login.token}\``);
    return { ok: true, value: { token } };
  } catch (err) {
    // Transport errors carry the URL only; never the request body.
    const e = describeError(err);
    return failure(e.code, `login ${where}: ${e.message}`);
  }
}

/**
 * The run's login: the shared `probes.login` when the driver wired it, otherwise a session of
 * this caller's own (one login per check instead of per run — same answer, one more request).
 */
export function loginFor(ctx: {
  probes: Probes;
  http: HttpClient;
  config: Pick<LaunchConfig, 'api' | 'network'>;
  signal?: AbortSignal;
}): Promise<Gathered<ApiSession>> {
  if (ctx.probes.login) return ctx.probes.login();
  return createApiSession(ctx.http, ctx.config.api, { timeoutMs: ctx.config.network.timeoutMs, signal: ctx.signal })();
}

/** `Authorization` header of a session, for spreading into request headers. */
export function bearer(session: ApiSession | undefined): Record<string, string> {
  return session ? { authorization: `Bearer ${session.token}` } : {};
}
