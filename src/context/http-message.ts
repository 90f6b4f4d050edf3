/**
 * The pure parts of an exchange: where a URL really goes once the network overrides apply, which
 * headers we send, and how response headers are normalised for the probes.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './types.js';

/** `network.ports`: the ports behind http:// and https:// URLs that carry none. */
export interface PortOverrides {
  http?: number;
  https?: number;
}

/** Where a request is sent: the origin we dial and the request target; the URL stays as asked. */
export interface RequestTarget {
  url: URL;
  /** `scheme://host:port` with the override port when the URL has none. */
  origin: string;
  /** Path and query (RFC 9112 §3.2.1 origin-form); the fragment never leaves the client. */
  path: string;
}

const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 } as const;

/**
 * Applies the port overrides (interface.md, "Network overrides"): only the port behind a URL
 * without one changes; the host name, and with it SNI and the Host header, stays as written.
 */
export function resolveTarget(rawUrl: string, ports: PortOverrides | undefined): RequestTarget {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new HttpError('PROTOCOL', rawUrl, 'not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpError('BLOCKED', rawUrl, `only http: and https: URLs are fetched, not ${url.protocol}`);
  }
  const override = url.protocol === 'http:' ? ports?.http : ports?.https;
  // WHATWG URL drops a port equal to the scheme's default, so `http://x:80/` counts as port-less.
  const port = url.port || String(override ?? DEFAULT_PORTS[url.protocol]);
  return { url, origin: `${url.protocol}//${url.hostname}:${port}`, path: `${url.pathname}${url.search}` };
}

/**
 * Request headers, lower-cased, with our defaults under the caller's. `host` is the URL's host as
 * written (no override port), which undici also turns into the SNI name.
 */
export function requestHeaders(
  url: URL,
  given: Record<string, string> | undefined,
  userAgent: string,
): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  headers.host = url.host;
  headers['user-agent'] = userAgent;
  headers.accept = '*/*';
  // What a browser offers: servers answer it with what visitors really get (and bombs with gzip).
  headers['accept-encoding'] = 'gzip, deflate, br';
  for (const [name, value] of Object.entries(given ?? {})) headers[name.toLowerCase()] = value;
  return headers;
}

/** Lower-case names; repeated headers joined with ", ", except set-cookie, always an array (RFC 6265 §3). */
export function normalizeHeaders(raw: IncomingHttpHeaders): Record<string, string | string[]> {
  const entries: Array<[string, string | string[]]> = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (key === 'set-cookie') entries.push([key, Array.isArray(value) ? value : [value]]);
    else entries.push([key, Array.isArray(value) ? value.join(', ') : value]);
  }
  // fromEntries defines own properties, so a `__proto__` header cannot reach the prototype.
  return Object.fromEntries(entries);
}

/** The declared Content-Length when it is a plain non-negative integer. */
export function declaredLength(headers: IncomingHttpHeaders): number | undefined {
  const raw = headers['content-length'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** Whether a response to `method` with `status` can carry a body (RFC 9110 §6.4.1). */
export function hasBody(method: string, status: number): boolean {
  return method !== 'HEAD' && status !== 204 && status !== 304;
}
