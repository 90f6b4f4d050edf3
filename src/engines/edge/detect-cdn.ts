/**
 * Tells whether a host is served through a CDN or DDoS-protecting reverse proxy, from what a
 * resolver and one response show: its CNAME chain, its addresses, and the edge's headers.
 */
import { createRangeMatcher, type RangeMatcher } from './cdn-ranges.js';
import { CNAME_SIGNATURES, HEADER_SIGNATURES, type ResponseHeaders } from './cdn-signatures.js';

export interface CdnSignal {
  provider: string;
  /** Which observation showed it: `header cf-ray`, `CNAME x.cloudfront.net`, `address 104.16.1.1 in 104.16.0.0/13`. */
  signal: string;
  kind: 'header' | 'cname' | 'address';
}

export interface EdgeObservations {
  cnames?: readonly string[];
  addresses?: readonly string[];
  headers?: ResponseHeaders;
}

const headerValue = (v: string | string[] | undefined): string | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : v;

/** Every header signature that matches, in signature order (one per provider). */
export function cdnFromHeaders(headers: ResponseHeaders): CdnSignal[] {
  const out: CdnSignal[] = [];
  const names = Object.keys(headers).map((n) => n.toLowerCase());
  for (const sig of HEADER_SIGNATURES) {
    if (out.some((s) => s.provider === sig.provider)) continue;
    const matching = sig.header.endsWith('*')
      ? names.filter((n) => n.startsWith(sig.header.slice(0, -1)))
      : names.filter((n) => n === sig.header);
    for (const name of matching) {
      const value = headerValue(headers[name]);
      if (value === undefined) continue;
      if (sig.value && !sig.value.test(value.trim())) continue;
      out.push({ provider: sig.provider, kind: 'header', signal: sig.value ? `header ${name}: ${value.trim().slice(0, 60)}` : `header ${name}` });
      break;
    }
  }
  return out;
}

/** The CNAME targets that belong to a known CDN (suffix on a label boundary). */
export function cdnFromCnames(cnames: readonly string[]): CdnSignal[] {
  const out: CdnSignal[] = [];
  for (const raw of cnames) {
    const name = raw.toLowerCase().replace(/\.$/, '');
    const sig = CNAME_SIGNATURES.find((s) => name === s.suffix || name.endsWith(`.${s.suffix}`));
    if (sig && !out.some((s) => s.provider === sig.provider)) out.push({ provider: sig.provider, kind: 'cname', signal: `CNAME ${name}` });
  }
  return out;
}

/** Addresses inside a CDN's published ranges. */
export function cdnFromAddresses(addresses: readonly string[], match: RangeMatcher = createRangeMatcher()): CdnSignal[] {
  const out: CdnSignal[] = [];
  for (const address of addresses) {
    const hit = match(address);
    if (hit && !out.some((s) => s.provider === hit.provider)) {
      out.push({ provider: hit.provider, kind: 'address', signal: `address ${address} in ${hit.provider} range ${hit.cidr}` });
    }
  }
  return out;
}

/**
 * All signals, strongest first: DNS (CNAME, then published ranges — they hold whatever the
 * response looks like) and then response headers.
 */
export function detectCdn(obs: EdgeObservations, match?: RangeMatcher): CdnSignal[] {
  return [
    ...cdnFromCnames(obs.cnames ?? []),
    ...cdnFromAddresses(obs.addresses ?? [], match),
    ...cdnFromHeaders(obs.headers ?? {}),
  ];
}
