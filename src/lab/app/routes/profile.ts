/**
 * The signed-in user's profile (`GET /api/me`). `default` marks it `public, max-age=300`: per-user
 * data a CDN or corporate proxy may store and hand to the next caller (`cache.intentional`).
 * `fixed` keeps it out of every cache and says the answer varies with the Authorization header.
 */
import type { Headers } from '../context.js';
import { sendJson } from '../respond.js';
import type { ApiContext, ApiRoute } from './api-route.js';

function me(ctx: ApiContext): void {
  const user = ctx.state.users.find((u) => u.email === ctx.user);
  const profile = { email: ctx.user, name: user?.name ?? null, role: user?.role ?? 'member' };
  const cache: Headers = ctx.variant === 'fixed'
    // `Origin` stays in Vary: the CORS headers of this answer depend on it too.
    ? { 'cache-control': 'private, no-store', vary: 'Origin, Authorization' }
    : { 'cache-control': 'public, max-age=300' };
  sendJson(ctx, 200, profile, cache);
}

export const profileRoutes: readonly ApiRoute[] = [
  { method: 'GET', pattern: /^\/api\/me$/, access: 'user', handle: me },
];
