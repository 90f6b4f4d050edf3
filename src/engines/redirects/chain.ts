/**
 * Reading redirect chains (the `redirects` probe's hop lists) the way the redirect, HSTS and
 * mixed-content checks need them: formatted for evidence, origins, schemes, permanence.
 */
import type { ProbeError, RedirectChain, RedirectHop } from '../../probes/types.js';

/** The part of a chain the judges read: pure data, so tables can spell chains out by hand. */
export type ChainData = Pick<RedirectChain, 'start' | 'hops' | 'error'>;

/** RFC 9110 §15.4.2 and §15.4.9: the permanent redirects (301 may switch POST to GET, 308 may not). */
export const PERMANENT_STATUSES: ReadonlySet<number> = new Set([301, 308]);

/** Whether a hop answered with a redirect (it carries the resolved Location). */
export const isRedirect = (hop: RedirectHop): hop is RedirectHop & { location: string } => hop.location !== undefined;

export const isPermanent = (status: number): boolean => PERMANENT_STATUSES.has(status);

/** `new URL(url)` or undefined: Location values come from the server and may be anything. */
export function parseUrl(url: string | undefined): URL | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The origin (`https://app.acme.test`, default port elided) of `url`, or undefined. */
export function originOf(url: string | undefined): string | undefined {
  const u = parseUrl(url);
  return u && u.origin !== 'null' ? u.origin : undefined;
}

/** `http:` / `https:` of `url`, or undefined. */
export const schemeOf = (url: string | undefined): string | undefined => parseUrl(url)?.protocol;

/** Evidence line of one hop: `302 http://a/x → http://b/` for a redirect, `200 https://b/` for an answer. */
export function formatHop(hop: RedirectHop): string {
  return hop.location === undefined ? `${hop.status} ${hop.url}` : `${hop.status} ${hop.url} → ${hop.location}`;
}

/** The whole chain as evidence lines, with the reason it was cut (if it was) as the last line. */
export function formatChain(chain: ChainData): string[] {
  const lines = chain.hops.map(formatHop);
  if (chain.error) lines.push(`✗ ${chain.error.code}: ${chain.error.message}`);
  return lines;
}

/**
 * Browsers give up on a redirect loop and on an over-long chain alike (ERR_TOO_MANY_REDIRECTS):
 * both mean the URL never reaches a page, which is a finding, not infrastructure trouble.
 */
export function isEndless(error: ProbeError | undefined): boolean {
  return error?.code === 'LOOP' || error?.code === 'TOO_MANY_HOPS';
}

/** The answer the chain ended on (the last hop, when it is not a redirect and nothing cut the chain). */
export function landing(chain: ChainData): RedirectHop | undefined {
  const last = chain.hops[chain.hops.length - 1];
  return !chain.error && last && !isRedirect(last) ? last : undefined;
}
