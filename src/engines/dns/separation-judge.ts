/**
 * Pure judging for dns.environment-separation: does a non-production host share production's
 * addresses or final CNAME target, is that overlap only a shared CDN/platform edge, and do two
 * environments' canonical pages answer with the same bytes?
 */
import type { HttpResponse } from '../../context/types.js';
import { edgeOfAddress, edgeOfName, normalizeAddress } from './index.js';

/** What one host resolved to. */
export interface Resolution {
  name: string;
  addresses: string[];
  /** CNAME chain, first link first. */
  cnames: string[];
}

export interface Overlap {
  /** Production hosts sharing something with the host. */
  productionHosts: string[];
  sharedAddresses: string[];
  /** The final CNAME target both chains end at, when they do. */
  sharedTarget?: string;
}

const lastOf = (xs: readonly string[]) => xs[xs.length - 1];

/** What `host` shares with the production hosts, or undefined when nothing. */
export function findOverlap(host: Resolution, production: readonly Resolution[]): Overlap | undefined {
  const mine = new Set(host.addresses.map(normalizeAddress));
  const target = lastOf(host.cnames);
  const productionHosts: string[] = [];
  const shared = new Set<string>();
  let sharedTarget: string | undefined;
  for (const p of production) {
    const common = p.addresses.map(normalizeAddress).filter((a) => mine.has(a));
    const sameTarget = target !== undefined && lastOf(p.cnames) === target;
    if (common.length === 0 && !sameTarget) continue;
    productionHosts.push(p.name);
    for (const a of common) shared.add(a);
    if (sameTarget) sharedTarget = target;
  }
  if (productionHosts.length === 0) return undefined;
  return { productionHosts, sharedAddresses: [...shared].sort(), ...(sharedTarget ? { sharedTarget } : {}) };
}

/**
 * The CDN or platform edge the overlap consists of, when every shared address (and the shared
 * CNAME target, if any) is one: anycast edges serve thousands of customers from the same
 * addresses, so sharing them says nothing about sharing an origin.
 */
export function overlapEdge(overlap: Overlap): string | undefined {
  const byAddress = overlap.sharedAddresses.map(edgeOfAddress);
  const byName = overlap.sharedTarget !== undefined ? edgeOfName(overlap.sharedTarget) : undefined;
  const all = [...byAddress, ...(overlap.sharedTarget !== undefined ? [byName] : [])];
  if (all.length === 0 || all.some((e) => e === undefined)) return undefined;
  return all[0];
}

/** Bodies shorter than this ("OK", "{}") match by coincidence too often to mean anything. */
export const MIN_COMPARED_BYTES = 64;

/**
 * Whether two canonical pages are the same answer: both 2xx, the same content type, and
 * byte-identical bodies of at least MIN_COMPARED_BYTES. A staging page that says "staging"
 * anywhere (title, banner, build id) differs and passes.
 */
export function servesSamePage(candidate: HttpResponse, production: HttpResponse): boolean {
  const ok = (r: HttpResponse) => r.status >= 200 && r.status < 300;
  const type = (r: HttpResponse) => String(r.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return (
    ok(candidate) && ok(production) && type(candidate) === type(production) &&
    candidate.body.length >= MIN_COMPARED_BYTES && candidate.body.equals(production.body)
  );
}
