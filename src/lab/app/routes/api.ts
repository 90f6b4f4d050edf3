/**
 * The JSON API on `api.acme.test`: CORS first (preflights need no token), then the body (parsed
 * for every method that carries one, before routing, as app-wide body middleware does), then the
 * route table and its access rule.
 */
import type { RequestContext } from '../context.js';
import { BODY_LIMIT, readBody } from '../body.js';
import { sendHtml, sendJson } from '../respond.js';
import { nginxWelcome } from '../views.js';
import { adminRoutes, isAdmin } from './admin.js';
import type { ApiContext, ApiRoute } from './api-route.js';
import { approvalRoutes } from './approvals.js';
import { authRoutes, userOf } from './auth.js';
import { corsHeaders, preflight } from './cors.js';
import { badInput, methodNotAllowed, notFound, unauthorized } from './errors.js';
import { healthRoutes } from './health.js';
import { profileRoutes } from './profile.js';
import { reportRoutes } from './reports.js';
import { searchRoutes } from './search.js';
import { taskRoutes } from './tasks.js';

/** First match wins: search comes before `/api/tasks/:id`, which would take `search` for an id. */
const ROUTES: readonly ApiRoute[] = [
  ...healthRoutes, ...profileRoutes, ...authRoutes, ...searchRoutes, ...taskRoutes, ...approvalRoutes, ...reportRoutes, ...adminRoutes,
];
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads and parses the body; answers the request itself (and returns false) when it cannot. */
async function parseBody(ctx: RequestContext): Promise<{ ok: true; body: unknown } | { ok: false }> {
  if (!WITH_BODY.has(ctx.req.method ?? 'GET')) return { ok: true, body: undefined };
  const read = await readBody(ctx.req, BODY_LIMIT);
  if (!read.ok) {
    badInput(ctx, { kind: 'tooLarge', size: read.size, limit: BODY_LIMIT });
    return { ok: false };
  }
  if (read.text.trim() === '') return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(read.text) as unknown };
  } catch (err) {
    badInput(ctx, { kind: 'malformed', parserMessage: (err as Error).message });
    return { ok: false };
  }
}

function root(ctx: RequestContext): void {
  // The default origin was never configured for its root: nginx's welcome page, HTML on an API host.
  if (ctx.variant === 'default') return sendHtml(ctx, 200, nginxWelcome);
  sendJson(ctx, 200, { name: 'acme-ops-api', version: '1.4.2', docs: 'https://app.acme.test/docs/api' });
}

/** Handles one request on the API host. */
export async function handleApi(ctx: RequestContext): Promise<void> {
  Object.assign(ctx.headers, corsHeaders(ctx));
  const method = ctx.req.method ?? 'GET';
  if (method === 'OPTIONS') return preflight(ctx);

  const path = ctx.url.pathname.length > 1 ? ctx.url.pathname.replace(/\/+$/, '') : '/';
  const candidates = ROUTES.map((route) => ({ route, match: route.pattern.exec(path) })).filter((c) => c.match);
  const hit = candidates.find((c) => c.route.method === method || (method === 'HEAD' && c.route.method === 'GET'));

  const parsed = await parseBody(ctx);
  if (!parsed.ok) return;
  if (!hit) {
    if (path === '/' && (method === 'GET' || method === 'HEAD')) return root(ctx);
    if (candidates.length > 0) return methodNotAllowed(ctx, [...new Set(candidates.map((c) => c.route.method))]);
    return notFound(ctx);
  }

  const api: ApiContext = { ...ctx, body: parsed.body, user: userOf(ctx) };
  const { access } = hit.route;
  const adminOk = access === 'adminLeaky' && (ctx.variant === 'default' || isAdmin(api));
  if (access === 'user' && !api.user) return unauthorized(ctx);
  if (access === 'adminLeaky' && !adminOk) {
    return api.user ? sendJson(ctx, 403, { error: 'administrators only' }) : unauthorized(ctx);
  }
  await hit.route.handle(api, hit.match!.slice(1).map((p) => decodeURIComponentSafe(p)));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
