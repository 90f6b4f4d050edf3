/**
 * Transport and edge headers: HSTS per host and variant, and in `fixed` a Cloudflare-like CDN in
 * front of everything (`server: cloudflare`, `cf-ray`, `cf-cache-status`), which `edge.cdn`
 * recognises. `default` has no CDN: the origin's own nginx answers.
 */
import { randomBytes } from 'node:crypto';
import type { Headers, RequestContext, Scheme, Variant } from '../context.js';

/** Two years, the preload list's expectation (https://hstspreload.org). */
const HSTS_FIXED = 'max-age=63072000; includeSubDomains';
/** Five minutes: present but far below the six months `https.hsts` asks for. */
const HSTS_SHORT = 'max-age=300';

/** HSTS is only meaningful over HTTPS; RFC 6797 §7.2 forbids sending it over plain HTTP. */
function hsts(variant: Variant, host: string, scheme: Scheme): Headers {
  if (scheme !== 'https') return {};
  if (variant === 'fixed') return { 'strict-transport-security': HSTS_FIXED };
  return host === 'api.acme.test' ? { 'strict-transport-security': HSTS_SHORT } : {};
}

/** The headers every response for `host` carries before any route adds its own. */
export function edgeHeaders(variant: Variant, host: string, scheme: Scheme): Headers {
  if (variant === 'default') return { server: 'nginx/1.18.0', ...hsts(variant, host, scheme) };
  return {
    server: 'cloudflare',
    // Real rays are 16 hex digits and a colo code; `LAB` marks the lab's fake edge.
    'cf-ray': `${randomBytes(8).toString('hex')}-LAB`,
    'cf-cache-status': 'DYNAMIC',
    ...hsts(variant, host, scheme),
  };
}

/**
 * Caching of a long-lived, fingerprinted static asset: in `fixed` immutable for a year and served
 * from the edge cache (HIT); in `default` the origin states nothing.
 */
export function staticAssetHeaders(ctx: RequestContext): Headers {
  if (ctx.variant === 'default') return {};
  return { 'cache-control': 'public, max-age=31536000, immutable', 'cf-cache-status': 'HIT', age: '3600' };
}

/** Caching of an HTML page: `fixed` revalidates every time; `default` states nothing. */
export function pageCacheHeaders(ctx: RequestContext): Headers {
  return ctx.variant === 'fixed' ? { 'cache-control': 'no-cache' } : {};
}

/**
 * Caching of a per-user API answer: `fixed` keeps it out of shared caches; `default` marks it
 * publicly cacheable, so a CDN could serve one user's tasks to another (`cache.intentional`).
 */
export function privateDataHeaders(ctx: RequestContext): Headers {
  return ctx.variant === 'fixed' ? { 'cache-control': 'private, no-store' } : { 'cache-control': 'public, max-age=600' };
}

/** RFC 9110 §13.1.2: `If-None-Match` uses the weak comparison; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((t) => t.trim()).filter(Boolean);
  return tags.some((t) => t === '*' || opaque(t) === opaque(etag));
}
