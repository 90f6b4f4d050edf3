/**
 * What a response says about its own caching (RFC 9111): the `Cache-Control` directives, `Expires`
 * against `Date`, the validators, and from those whether a browser or a shared cache (CDN, proxy)
 * may store and reuse it. Pure functions of response headers; no network.
 */

/** Response headers as the HTTP client returns them: lower-case names, repeated values joined. */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Directive name (lower case) → its argument, or `true` when it has none. */
export type Directives = ReadonlyMap<string, string | true>;

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : v.join(', ');
}

/**
 * Parses `Cache-Control` (RFC 9111 §5.2): comma-separated `name[=token|"quoted"]`, names
 * case-insensitive; commas inside quoted arguments (`no-cache="Set-Cookie, Authorization"`) do not
 * split. The first occurrence of a repeated directive wins, as most caches do.
 */
export function parseCacheControl(value: string | readonly string[] | undefined): Directives {
  const out = new Map<string, string | true>();
  if (value === undefined) return out;
  const text = typeof value === 'string' ? value : value.join(', ');
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /[\s,]/.test(text[i])) i++;
    const nameStart = i;
    while (i < text.length && !/[=,\s]/.test(text[i])) i++;
    const name = text.slice(nameStart, i).toLowerCase();
    while (i < text.length && /[ \t]/.test(text[i])) i++;
    let arg: string | true = true;
    if (text[i] === '=') {
      i++;
      while (i < text.length && /[ \t]/.test(text[i])) i++;
      if (text[i] === '"') {
        let j = i + 1;
        let s = '';
        while (j < text.length && text[j] !== '"') {
          if (text[j] === '\\' && j + 1 < text.length) j++;
          s += text[j++];
        }
        arg = s;
        i = j + 1;
      } else {
        const start = i;
        while (i < text.length && text[i] !== ',') i++;
        arg = text.slice(start, i).trim();
      }
    }
    while (i < text.length && text[i] !== ',') i++;
    if (name && !out.has(name)) out.set(name, arg);
  }
  return out;
}

/** A delta-seconds argument (RFC 9111 §1.2.2): digits only; anything else is invalid (undefined). */
export function deltaSeconds(arg: string | true | undefined): number | undefined {
  if (typeof arg !== 'string' || !/^\d+$/.test(arg.trim())) return undefined;
  // Larger than 2^31 means "a very long time" (§1.2.2): cap rather than overflow.
  return Math.min(Number(arg.trim()), 2 ** 31);
}

export interface CachePolicy {
  /** `Cache-Control` as received, when present. */
  cacheControl?: string;
  expires?: string;
  /** Whether the response states its caching at all: a `Cache-Control` or an `Expires`. */
  stated: boolean;
  directives: Directives;
  noStore: boolean;
  /** Unqualified `private` (`private="Set-Cookie"` only keeps those fields out of shared caches). */
  private: boolean;
  public: boolean;
  /** Unqualified `no-cache`: stored, but revalidated before every reuse. */
  noCache: boolean;
  mustRevalidate: boolean;
  immutable: boolean;
  maxAge?: number;
  sMaxAge?: number;
  /** Freshness for a browser cache in seconds: `max-age`, else `Expires` − `Date` (0 when already stale). */
  lifetime?: number;
  etag?: string;
  lastModified?: string;
  /** `Vary` as received. */
  vary?: string;
  setsCookie: boolean;
}

/** Reads the caching a response states. `now` stands in for a missing `Date` header. */
export function cachePolicyOf(headers: HeaderBag, now?: Date): CachePolicy {
  const cacheControl = headerValue(headers, 'cache-control');
  const expires = headerValue(headers, 'expires');
  const directives = parseCacheControl(cacheControl);
  const maxAge = deltaSeconds(directives.get('max-age'));
  const sMaxAge = deltaSeconds(directives.get('s-maxage'));
  let lifetime = maxAge;
  if (lifetime === undefined && expires !== undefined) {
    // §5.3: an invalid Expires (`0`, `-1`) means "already expired".
    const exp = Date.parse(expires);
    const date = Date.parse(headerValue(headers, 'date') ?? '') || now?.getTime();
    lifetime = Number.isNaN(exp) || date === undefined ? 0 : Math.max(0, Math.floor((exp - date) / 1000));
  }
  const cookies = headers['set-cookie'];
  return {
    ...(cacheControl !== undefined ? { cacheControl } : {}),
    ...(expires !== undefined ? { expires } : {}),
    stated: (cacheControl !== undefined && cacheControl.trim() !== '') || expires !== undefined,
    directives,
    noStore: directives.has('no-store'),
    private: directives.get('private') === true,
    public: directives.has('public'),
    noCache: directives.get('no-cache') === true,
    mustRevalidate: directives.has('must-revalidate') || directives.has('proxy-revalidate'),
    immutable: directives.has('immutable'),
    ...(maxAge !== undefined ? { maxAge } : {}),
    ...(sMaxAge !== undefined ? { sMaxAge } : {}),
    ...(lifetime !== undefined ? { lifetime } : {}),
    ...(headerValue(headers, 'etag') ? { etag: headerValue(headers, 'etag') } : {}),
    ...(headerValue(headers, 'last-modified') ? { lastModified: headerValue(headers, 'last-modified') } : {}),
    ...(headerValue(headers, 'vary') ? { vary: headerValue(headers, 'vary') } : {}),
    setsCookie: cookies !== undefined && (typeof cookies === 'string' ? cookies !== '' : cookies.length > 0),
  };
}

export const hasValidator = (p: CachePolicy): boolean => p.etag !== undefined || p.lastModified !== undefined;

/** How long a browser may reuse the response without asking: 0 for no-store / no-cache. */
export function browserLifetime(p: CachePolicy): number {
  if (p.noStore || p.noCache) return 0;
  return p.lifetime ?? 0;
}

export interface SharedCacheability {
  /** A shared cache (CDN, proxy) may store the response and serve it to other clients. */
  cacheable: boolean;
  /** Why, in words, for evidence. */
  reason: string;
  /** Only by heuristic freshness (nothing stated): RFC 9111 §4.2.2 allows it, many CDNs do not. */
  heuristic?: boolean;
}

/**
 * Whether a shared cache may store the response (RFC 9111 §3, §3.5). `authorized`: the request
 * carried `Authorization`, which keeps the answer out of shared caches unless it says `public`,
 * `s-maxage` or `must-revalidate`.
 */
export function sharedCacheability(p: CachePolicy, opts: { authorized: boolean }): SharedCacheability {
  if (p.noStore) return { cacheable: false, reason: 'no-store' };
  if (p.private) return { cacheable: false, reason: 'private' };
  if (p.public) return { cacheable: true, reason: 'public' };
  if (p.sMaxAge !== undefined) return { cacheable: true, reason: `s-maxage=${p.sMaxAge}` };
  if (opts.authorized && !p.mustRevalidate) {
    return { cacheable: false, reason: 'the request carried Authorization and the answer is not public, s-maxage or must-revalidate (RFC 9111 §3.5)' };
  }
  if (p.noCache) return { cacheable: true, reason: 'no-cache without private: stored, revalidated before each reuse' };
  if ((p.lifetime ?? 0) > 0) return { cacheable: true, reason: p.maxAge !== undefined ? `max-age=${p.maxAge} without private` : 'Expires in the future without private' };
  if (!p.stated) return { cacheable: true, reason: 'nothing stated: heuristically cacheable (RFC 9111 §4.2.2)', heuristic: true };
  return { cacheable: false, reason: 'already stale and without a validator' };
}

/** `Cache-Control: …` or `(none)`, and the Expires when it matters, for evidence. */
export function describeCaching(p: CachePolicy): string {
  const parts = [p.cacheControl !== undefined ? `Cache-Control: ${p.cacheControl}` : 'no Cache-Control'];
  if (p.expires !== undefined) parts.push(`Expires: ${p.expires}`);
  return parts.join('; ');
}
