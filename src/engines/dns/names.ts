/**
 * Name helpers the DNS, subdomain and CAA checks share: one normal form for host names and the
 * Public Suffix List view of them (via tldts), so "registrable domain" means the same everywhere.
 */
import { getDomain, getPublicSuffix } from 'tldts';

/** Lower case, trimmed, without the root dot: the form DNS answers use (RFC 4343: names compare case-insensitively). */
export function normalizeHostName(name: string): string {
  const n = name.trim().toLowerCase();
  return n.length > 1 && n.endsWith('.') ? n.slice(0, -1) : n;
}

/**
 * The registrable domain (eTLD+1) of `name` under the ICANN section of the Public Suffix List,
 * or undefined for a bare suffix, an IP address or a single label.
 */
export function registrableOf(name: string): string | undefined {
  return getDomain(normalizeHostName(name), { allowPrivateDomains: false }) ?? undefined;
}

/**
 * When `domain` is itself a platform suffix from the PSL's private section (`vercel.app`,
 * `github.io`, `herokuapp.com` …), that suffix: names under it belong to the platform's customers,
 * but records at it belong to the platform.
 */
export function platformSuffix(domain: string): string | undefined {
  const d = normalizeHostName(domain);
  const privateSuffix = getPublicSuffix(d, { allowPrivateDomains: true });
  const icannSuffix = getPublicSuffix(d, { allowPrivateDomains: false });
  return privateSuffix === d && icannSuffix !== d ? d : undefined;
}

/** Whether `name` is `domain` or a name below it. */
export function isWithin(name: string, domain: string): boolean {
  const n = normalizeHostName(name);
  const d = normalizeHostName(domain);
  return n === d || n.endsWith(`.${d}`);
}

/** The distinct host names in order of first appearance, normalised, empty ones dropped. */
export function uniqueNames(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const n = normalizeHostName(raw);
    if (n !== '' && n !== '.') out.add(n);
  }
  return [...out];
}

/** One normal form per IP address, so `2001:DB8:0::1` equals `2001:db8::1`; anything else is only trimmed and lower-cased. */
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase();
  if (!a.includes(':')) return a;
  try {
    // The WHATWG URL parser serialises IPv6 in RFC 5952 canonical form.
    return new URL(`http://[${a}]/`).hostname.slice(1, -1);
  } catch {
    return a;
  }
}
