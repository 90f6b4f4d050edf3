/**
 * The app's fingerprinted static assets (`/assets/app.<hash>.js|css` on the app host), which the
 * key pages reference. `default` sends `Cache-Control: no-cache` and no validator: every page
 * view downloads both again (`cache.intentional`, `cache.repeat-reads`). `fixed` serves them
 * immutable for a year with an `ETag` (304 on `If-None-Match`) from a Cloudflare-like edge cache:
 * the first read per host is a `MISS`, later ones a `HIT` with the copy's `Age`.
 */
import { createHash } from 'node:crypto';
import type { Headers, RequestContext } from '../context.js';
import { sendText } from '../respond.js';
import { matchesIfNoneMatch } from './edge.js';

/** The asset URLs the pages reference (the hash in the name changes with every build). */
export const APP_ASSETS = { js: '/assets/app.3f9a1c2b.js', css: '/assets/app.8d2e11f0.css' } as const;

interface Asset { type: string; body: string; etag: string }

const asset = (type: string, body: string): Asset =>
  ({ type, body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"` });

const FILES: Readonly<Record<string, Asset>> = {
  [APP_ASSETS.js]: asset('text/javascript; charset=utf-8', `/* Acme Ops app bundle */
(function () {
  var root = document.documentElement;
  root.dataset.ready = '1';
  document.addEventListener('submit', function (e) { e.target.setAttribute('aria-busy', 'true'); });
}());
`),
  [APP_ASSETS.css]: asset('text/css; charset=utf-8', `body{font-family:system-ui,sans-serif;margin:0;color:#1b1f24}
header{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;background:#0b3d91;color:#fff}
header a{color:#fff}main{padding:1rem}#tasks li{padding:.25rem 0}.env-banner{background:#fd0;padding:4px}
`),
};

/** Whether the request is for the asset folder (the app host dispatches it here). */
export const isAssetPath = (path: string): boolean => path.startsWith('/assets/');

/** The fake edge: what it says about this read, remembering the first one per host and path. */
function edgeCacheHeaders(ctx: RequestContext, path: string): Headers {
  const key = `${ctx.host}${path}`;
  const now = ctx.now().getTime();
  const cachedAt = ctx.state.edgeCache.get(key);
  if (cachedAt === undefined) {
    ctx.state.edgeCache.set(key, now);
    return { 'cf-cache-status': 'MISS' };
  }
  return { 'cf-cache-status': 'HIT', age: String(Math.max(0, Math.floor((now - cachedAt) / 1000))) };
}

/** Serves `/assets/*` on the app host (and its staging copy). */
export function assetRoute(ctx: RequestContext): void {
  const method = ctx.req.method ?? 'GET';
  const path = ctx.url.pathname;
  const file = FILES[path];
  if (method !== 'GET' && method !== 'HEAD') return sendText(ctx, 405, 'method not allowed', { allow: 'GET, HEAD' });
  if (!file) return sendText(ctx, 404, 'not found', { 'cache-control': 'no-cache' });

  const cache: Headers = ctx.variant === 'fixed'
    ? { 'cache-control': 'public, max-age=31536000, immutable', etag: file.etag, ...edgeCacheHeaders(ctx, path) }
    : { 'cache-control': 'no-cache' };
  if (ctx.variant === 'fixed' && matchesIfNoneMatch(ctx.req.headers['if-none-match'], file.etag)) {
    ctx.res.writeHead(304, { ...ctx.headers, ...cache }).end();
    return;
  }
  const headers = { 'content-type': file.type, 'content-length': Buffer.byteLength(file.body), ...ctx.headers, ...cache };
  ctx.res.writeHead(200, headers).end(method === 'HEAD' ? undefined : file.body);
}
