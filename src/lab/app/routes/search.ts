/**
 * Task search (`GET /api/tasks/search?q=`), rate limited per bearer token in one-second windows
 * of the app's clock. `default` allows 5 requests a second and answers the excess 429 without
 * `Retry-After` (clients retry at once and multiply the load: `api.retry-after`, and about half
 * of a 10 req/s baseline fails: `perf.error-rate`); `fixed` allows 50 and says `Retry-After: 1`.
 * Both answer at most a bounded page; `fixed` adds a cursor (`next`, `Link: rel="next"`).
 */
import type { RequestContext } from '../context.js';
import { sendJson } from '../respond.js';
import type { ApiContext, ApiRoute } from './api-route.js';
import { clientError } from './errors.js';
import { pageOf } from './tasks.js';

export const SEARCH_LIMIT_PER_SECOND = { default: 5, fixed: 50 } as const;
/** The unpaginated `default` search shows its top hits only, as simple search boxes do. */
const DEFAULT_TOP_HITS = 20;
const QUERY_MAX = 200;
/** Bound on the windows map, so a benchmark with many tokens cannot grow it without end. */
const MAX_WINDOWS = 10_000;

const tokenOf = (ctx: RequestContext) => /^Bearer\s+(\S+)$/i.exec(String(ctx.req.headers.authorization ?? ''))?.[1] ?? '';

/** Counts one request in the token's current one-second window; true when over the limit. */
export function overSearchLimit(ctx: RequestContext): boolean {
  const second = Math.floor(ctx.now().getTime() / 1000);
  const windows = ctx.state.searchWindows;
  const key = tokenOf(ctx);
  let window = windows.get(key);
  if (!window || window.second !== second) {
    if (!window && windows.size >= MAX_WINDOWS) {
      for (const [k, w] of windows) if (w.second !== second) windows.delete(k);
      if (windows.size >= MAX_WINDOWS) windows.delete(windows.keys().next().value!);
    }
    window = { second, count: 0 };
    windows.set(key, window);
  }
  window.count += 1;
  return window.count > SEARCH_LIMIT_PER_SECOND[ctx.variant];
}

function search(ctx: ApiContext): void {
  if (overSearchLimit(ctx)) {
    const error = { error: 'too many search requests' };
    return ctx.variant === 'fixed' ? sendJson(ctx, 429, error, { 'retry-after': '1' }) : sendJson(ctx, 429, error);
  }
  const q = (ctx.url.searchParams.get('q') ?? '').trim();
  if (ctx.variant === 'fixed' && (q === '' || q.length > QUERY_MAX)) return clientError(ctx, `q must be 1 to ${QUERY_MAX} characters`);
  const needle = q.toLowerCase();
  const hits = ctx.state.tasks.filter((t) => t.title.toLowerCase().includes(needle));
  const cache = { 'cache-control': 'private, no-store' };
  if (ctx.variant === 'default') return sendJson(ctx, 200, { query: q, tasks: hits.slice(0, DEFAULT_TOP_HITS) }, cache);

  const page = pageOf(ctx.url, 20);
  if ('error' in page) return clientError(ctx, page.error);
  const rows = hits.filter((t) => t.id > page.after).slice(0, page.limit);
  const last = rows.at(-1);
  const more = last !== undefined && hits.some((t) => t.id > last.id);
  const next = more ? `/api/tasks/search?q=${encodeURIComponent(q)}&limit=${page.limit}&after=${last.id}` : null;
  sendJson(ctx, 200, { query: q, tasks: rows, next }, { ...cache, ...(next ? { link: `<https://api.acme.test${next}>; rel="next"` } : {}) });
}

/** Listed before the task routes: `/api/tasks/:id` would otherwise take `search` for an id. */
export const searchRoutes: readonly ApiRoute[] = [
  { method: 'GET', pattern: /^\/api\/tasks\/search$/, access: 'user', handle: search },
];
