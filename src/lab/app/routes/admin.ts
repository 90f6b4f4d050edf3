/**
 * Administration. `default` forgot the guard: the admin host and `/api/admin/users` serve the
 * user list to anyone (`admin.auth-required`). `fixed` answers 401 to anonymous API calls and
 * sends browsers to the sign-in page (the admin host's redirect lives in `hosts.ts`).
 */
import type { RequestContext } from '../context.js';
import { sendHtml, sendJson } from '../respond.js';
import { adminUsersPage } from '../views.js';
import type { ApiContext, ApiRoute } from './api-route.js';
import { pageCacheHeaders } from './edge.js';
import { notFound } from './errors.js';

export function isAdmin(ctx: ApiContext): boolean {
  return ctx.state.users.some((u) => u.email === ctx.user && u.role === 'admin');
}

function listUsers(ctx: ApiContext): void {
  sendJson(ctx, 200, { users: ctx.state.users }, { 'cache-control': 'private, no-store' });
}

export const adminRoutes: readonly ApiRoute[] = [
  { method: 'GET', pattern: /^\/api\/admin\/users$/, access: 'adminLeaky', handle: listUsers },
  // `api.admin_paths` may be resolved against the API base too: the same exposure there.
  { method: 'GET', pattern: /^\/admin$/, access: 'adminLeaky', handle: (ctx) => sendHtml(ctx, 200, adminUsersPage(ctx.state.users)) },
];

/** The admin host (`default` only: `fixed` redirects before reaching it). */
export function adminSite(ctx: RequestContext): void {
  const path = ctx.url.pathname;
  if (path === '/' || path === '/users') return sendHtml(ctx, 200, adminUsersPage(ctx.state.users), pageCacheHeaders(ctx));
  notFound(ctx);
}
