/**
 * First or third party, by site: a resource is first party when its registrable domain (eTLD+1 on
 * the Public Suffix List, private suffixes included, via tldts) is the page's own or one the
 * product declares. Subdomains of the page's registrable domain are first party
 * (`static.example.com` on `www.example.com`); different tenants of a shared platform are not
 * (`a.github.io` and `b.github.io` are different sites). IP addresses and single-label hosts are
 * their own site.
 */
import { getDomain } from 'tldts';

/** Lower case, no trailing dot, no IPv6 brackets. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

/** The site of a host: its registrable domain, or the host itself when it has none. */
export function siteOf(host: string): string {
  const h = normaliseHost(host);
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/** The host of a URL, normalised, or undefined for URLs without one (`data:`, `blob:`). */
export function hostOfUrl(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return host ? normaliseHost(host) : undefined;
  } catch {
    return undefined;
  }
}

/** The sites that count as first party for a page: its own plus those of the declared hosts. */
export function firstPartySites(pageUrl: string, declaredHosts: readonly string[] = []): Set<string> {
  const sites = new Set(declaredHosts.map(siteOf));
  const page = hostOfUrl(pageUrl);
  if (page) sites.add(siteOf(page));
  return sites;
}

/** Whether `url` is served by a site other than the first-party ones. */
export function isThirdParty(url: string, firstParty: ReadonlySet<string>): boolean {
  const host = hostOfUrl(url);
  return host !== undefined && !firstParty.has(siteOf(host));
}
