/**
 * Whether a response came out of a cache, read from the headers CDNs and reverse proxies add:
 * Cloudflare `cf-cache-status`, CloudFront/Fastly/Akamai/Varnish/Squid/Azure `x-cache`, Fastly
 * `x-cache-hits`, Akamai `akamai-cache-status`, Vercel `x-vercel-cache`, Bunny `cdn-cache`, nginx
 * `x-cache-status`/`x-proxy-cache`/`x-fastcgi-cache`, LiteSpeed `x-litespeed-cache`, Varnish
 * `x-varnish` (two transaction ids on a hit), the standard `Cache-Status` (RFC 9211, Netlify and
 * others) and `Age` > 0 (RFC 9111 §5.1: the response spent that long in a cache).
 */
import { headerValue, type HeaderBag } from './cache-control.js';

export interface CacheSignal {
  header: string;
  value: string;
  /** True when this header says the response was served from a cache. */
  hit: boolean;
  provider?: string;
}

/** Status words that mean "served from the cache" (stale and revalidated copies included). */
const HIT_WORDS = new Set(['hit', 'stale', 'updating', 'revalidated', 'prerender', 'refreshhit', 'tcp_hit', 'tcp_mem_hit', 'tcp_refresh_hit', 'tcp_ims_hit', 'tcp_refresh_fail_hit', 'tcp_negative_hit']);

/** One status word (`HIT`, `Hit from cloudfront`, `TCP_MEM_HIT from a23-…`, `MISS, HIT`): any hit counts. */
function statusSaysHit(value: string): boolean {
  return value.split(',').some((element) => {
    const word = element.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    return HIT_WORDS.has(word) || (/hit$/.test(word) && !/miss|pass/.test(word));
  });
}

/** RFC 9211 `Cache-Status`: one member per cache, `hit` as a parameter (`"Netlify Edge"; hit`). */
function cacheStatusSaysHit(value: string): boolean {
  return value.split(',').some((member) => member.split(';').slice(1).some((p) => p.trim().toLowerCase() === 'hit'));
}

/** A single status word from a fixed set (case-insensitive). */
const oneOf = (...words: string[]) => (value: string) => words.includes(value.trim().toLowerCase());

interface Reader { header: string; provider?: string; hit(value: string): boolean }

const READERS: readonly Reader[] = [
  // Cloudflare REVALIDATED: a stale cached copy confirmed by a conditional request, then served.
  { header: 'cf-cache-status', provider: 'Cloudflare', hit: oneOf('hit', 'stale', 'updating', 'revalidated') },
  // Vercel REVALIDATED: served from the origin while the cache was refreshed, a miss.
  { header: 'x-vercel-cache', provider: 'Vercel', hit: oneOf('hit', 'stale', 'prerender') },
  { header: 'cdn-cache', provider: 'Bunny CDN', hit: statusSaysHit },
  { header: 'akamai-cache-status', provider: 'Akamai', hit: statusSaysHit },
  { header: 'x-cache', hit: statusSaysHit },
  { header: 'x-cache-status', hit: statusSaysHit },
  { header: 'x-proxy-cache', hit: statusSaysHit },
  { header: 'x-fastcgi-cache', provider: 'nginx', hit: statusSaysHit },
  { header: 'x-litespeed-cache', provider: 'LiteSpeed', hit: statusSaysHit },
  { header: 'x-drupal-cache', provider: 'Drupal', hit: statusSaysHit },
  { header: 'cache-status', hit: cacheStatusSaysHit },
  // Fastly: hits per cache layer, `0, 3` when the shield missed and the edge hit.
  { header: 'x-cache-hits', provider: 'Fastly', hit: (v) => v.split(',').some((n) => Number(n.trim()) > 0) },
  { header: 'x-varnish', provider: 'Varnish', hit: (v) => v.trim().split(/\s+/).length >= 2 },
  { header: 'age', hit: (v) => Number(v.trim()) > 0 },
];

/** Which provider an `x-cache` value names (CloudFront says so; Akamai answers with `TCP_…`). */
function xCacheProvider(value: string): string | undefined {
  if (/cloudfront/i.test(value)) return 'Amazon CloudFront';
  if (/^TCP_/i.test(value.trim())) return 'Akamai or Azure CDN';
  return undefined;
}

/** Every cache header the response carries, each read as hit or not. */
export function cacheSignals(headers: HeaderBag): CacheSignal[] {
  const out: CacheSignal[] = [];
  for (const r of READERS) {
    const value = headerValue(headers, r.header);
    if (value === undefined || value.trim() === '') continue;
    const provider = r.provider ?? (r.header === 'x-cache' ? xCacheProvider(value) : undefined);
    out.push({ header: r.header, value, hit: r.hit(value), ...(provider ? { provider } : {}) });
  }
  return out;
}

/** True when any cache header says the response was served from a cache. */
export function isCacheHit(headers: HeaderBag): boolean {
  return cacheSignals(headers).some((s) => s.hit);
}

/** `cf-cache-status: HIT, age: 40` — the cache headers, for evidence. */
export function describeSignals(signals: readonly CacheSignal[]): string {
  return signals.length ? signals.map((s) => `${s.header}: ${s.value}`).join(', ') : 'no cache headers';
}
