/**
 * The routing table of TOPOLOGY.md's "HTTP behaviour": for every `*.acme.test` host and scheme,
 * either a redirect (status and Location, path kept or dropped) or the site that answers.
 */
import type { Scheme, Variant } from './context.js';

/** The sites behind the hosts; each is a handler in `routes/`. */
export type Site = 'marketing' | 'app' | 'staging' | 'api' | 'admin' | 'status';

export type HostRule =
  | { redirect: 301 | 302; to: (url: URL) => string }
  | { site: Site };

export type HostTable = ReadonlyMap<string, Readonly<Record<Scheme, HostRule>>>;

/** Where the fixed admin host sends anonymous visitors. */
export const ADMIN_LOGIN = 'https://app.acme.test/login?next=%2Fadmin';

/** Same path and query on another origin. */
const keepPath = (origin: string) => (url: URL) => `${origin}${url.pathname}${url.search}`;
/** A fixed location: path and query are dropped. */
const always = (location: string) => () => location;

const toHttps = (host: string): HostRule => ({ redirect: 301, to: keepPath(`https://${host}`) });
const toApp = (status: 301 | 302 = 301): HostRule => ({ redirect: status, to: keepPath('https://app.acme.test') });
const serve = (site: Site): HostRule => ({ site });

/** The rows per variant; a host missing here answers 421 Misdirected Request. */
export function hostTable(variant: Variant): HostTable {
  const fixed = variant === 'fixed';
  const rows: [string, Record<Scheme, HostRule>][] = [
    ['acme.test', fixed
      ? { http: toApp(), https: toApp() }
      // The planted risks: a temporary hop to plain-http www, dropping the path; an HTTPS apex that never redirects.
      : { http: { redirect: 302, to: always('http://www.acme.test/') }, https: serve('marketing') }],
    ['www.acme.test', fixed
      ? { http: toApp(), https: toApp() }
      : { http: toHttps('www.acme.test'), https: { redirect: 302, to: always('https://app.acme.test/') } }],
    ['app.acme.test', { http: fixed ? toHttps('app.acme.test') : serve('app'), https: serve('app') }],
    ['api.acme.test', { http: toHttps('api.acme.test'), https: serve('api') }],
    ['admin.acme.test', {
      http: toHttps('admin.acme.test'),
      https: fixed ? { redirect: 302, to: always(ADMIN_LOGIN) } : serve('admin'),
    }],
    ['staging.acme.test', { http: toHttps('staging.acme.test'), https: serve('staging') }],
    ['status.acme.test', { http: toHttps('status.acme.test'), https: serve('status') }],
  ];
  return new Map(rows);
}
