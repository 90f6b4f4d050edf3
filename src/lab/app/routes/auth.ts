/**
 * Sign-in: `POST /api/login` with `{ email, password }` answers `{ token }` for the demo user.
 * `fixed` rate-limits attempts (10 a minute per client and account, then 429 + Retry-After: 60);
 * `default` lets a brute force run forever (`edge.rate-limit`).
 */
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../context.js';
import { sendJson } from '../respond.js';
import type { ApiContext, ApiRoute } from './api-route.js';
import { bodyObject, sqlLiteral, wrongType } from './errors.js';

export const DEMO_USER = { email: 'a@acme.test', password: 'demo-password' };

const WINDOW_MS = 60_000;
const ATTEMPTS_PER_WINDOW = 10;
/** Bounds on the in-memory maps, so a long benchmark cannot grow them without end. */
const MAX_TOKENS = 10_000;
const MAX_WINDOWS = 10_000;

/** The signed-in user's e-mail for a valid `Authorization: Bearer <token>`. */
export function userOf(ctx: RequestContext): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(String(ctx.req.headers.authorization ?? ''));
  return match ? ctx.state.tokens.get(match[1]) : undefined;
}

/** Creates a session token for `email` (also used by the HTML sign-in form). */
export function issueToken(ctx: RequestContext, email: string): string {
  const { tokens } = ctx.state;
  if (tokens.size >= MAX_TOKENS) tokens.delete(tokens.keys().next().value!);
  const token = randomBytes(16).toString('hex');
  tokens.set(token, email);
  return token;
}

/**
 * Counts one attempt in a fixed one-minute window per key; true when over the limit. The key is
 * client address and account, as common brute-force guards do: a probe with a made-up account
 * cannot lock the real one out from the same address.
 */
export function overLoginLimit(ctx: RequestContext, email: string): boolean {
  const key = `${ctx.req.socket.remoteAddress ?? '?'}|${email.toLowerCase()}`;
  const now = ctx.now().getTime();
  const windows = ctx.state.loginWindows;
  let window = windows.get(key);
  if (!window || now - window.start >= WINDOW_MS || now < window.start) {
    if (windows.size >= MAX_WINDOWS) {
      for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k);
      if (windows.size >= MAX_WINDOWS) windows.delete(windows.keys().next().value!);
    }
    window = { start: now, count: 0 };
    windows.set(key, window);
  }
  window.count += 1;
  return window.count > ATTEMPTS_PER_WINDOW;
}

function login(ctx: ApiContext): void {
  const body = bodyObject(ctx);
  if (!body) return;
  const { email, password } = body;
  // The limiter runs before any validation, like middleware in front of the handler.
  if (ctx.variant === 'fixed' && overLoginLimit(ctx, typeof email === 'string' ? email : '')) {
    return sendJson(ctx, 429, { error: 'too many sign-in attempts, retry in a minute' }, { 'retry-after': '60' });
  }
  if (typeof email !== 'string') {
    return wrongType(ctx, 'email', 'string', email, `SELECT id, password_hash FROM users WHERE email = ${sqlLiteral(email)}`);
  }
  if (typeof password !== 'string') {
    return wrongType(ctx, 'password', 'string', password, `SELECT id, password_hash FROM users WHERE email = '${email}'`);
  }
  if (email.toLowerCase() === DEMO_USER.email && password === DEMO_USER.password) {
    return sendJson(ctx, 200, { token: issueToken(ctx, DEMO_USER.email), user: { email: DEMO_USER.email } }, { 'cache-control': 'no-store' });
  }
  sendJson(ctx, 401, { error: 'invalid e-mail or password' });
}

function logout(ctx: ApiContext): void {
  const match = /^Bearer\s+(\S+)$/i.exec(String(ctx.req.headers.authorization ?? ''));
  if (match) ctx.state.tokens.delete(match[1]);
  ctx.res.writeHead(204, ctx.headers).end();
}

export const authRoutes: readonly ApiRoute[] = [
  { method: 'POST', pattern: /^\/api\/login$/, access: 'public', handle: login },
  { method: 'POST', pattern: /^\/api\/logout$/, access: 'user', handle: logout },
];
