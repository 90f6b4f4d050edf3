/**
 * The mechanisms that need no recursion (RFC 7208 §5.1, §5.3–§5.7): whether each matches the
 * client. `include` recurses into check_host() and lives in `check-host.ts`.
 */
import type { DnsRecord } from '../../context/types.js';
import { dependsOnClient, expandTarget } from './expand.js';
import { inNetwork, type IpAddress, recordBytes } from './ip.js';
import type { SpfMechanism } from './parse.js';
import { ptrMatches } from './ptr.js';
import { countVoid, type EvalState, isVoid, permanent, problemAt, resolve } from './state.js';

/** RFC 7208 §4.6.4: an mx mechanism may look at 10 MX names at most; more is a permerror. */
export const MAX_MX_NAMES = 10;

/** Whether an address record (A/AAAA text) falls in the mechanism's prefix for this client. */
function addressMatches(ip: IpAddress, record: DnsRecord, m: SpfMechanism): boolean {
  const bytes = recordBytes(String(record.data));
  if (!bytes) return false;
  const prefix = ip.version === 4 ? (m.cidr4 ?? 32) : (m.cidr6 ?? 128);
  return inNetwork(ip, bytes, prefix);
}

/**
 * The name a/mx/ptr/exists look at: the expanded domain-spec, or the current domain.
 * Undefined means "no look-up": the expansion is not a valid DNS name (§4.3 by analogy, the
 * suite's preferred "fail" for invalid-domain-empty-label / -long), or the walk meets a name
 * that depends on the client.
 */
async function targetOf(state: EvalState, m: SpfMechanism, domain: string): Promise<string | undefined> {
  if (!m.domainTokens) return domain;
  if (state.mode === 'walk' && dependsOnClient(m.domainTokens)) return undefined;
  return expandTarget(state, m.domainTokens, domain);
}

/** Address records of `name` for the client's family, counting a void answer against `m`. */
async function addressesOf(state: EvalState, name: string, m: SpfMechanism, type: 'A' | 'AAAA'): Promise<DnsRecord[]> {
  const lookup = await resolve(state, name, type);
  if (isVoid(lookup)) countVoid(state, m);
  return lookup.records;
}

async function matchA(state: EvalState, m: SpfMechanism, domain: string): Promise<boolean> {
  const target = await targetOf(state, m, domain);
  if (target === undefined) return false;
  const records = await addressesOf(state, target, m, state.ip.version === 4 ? 'A' : 'AAAA');
  return state.mode === 'evaluate' && records.some((r) => addressMatches(state.ip, r, m));
}

/**
 * §5.4: MX names, then their addresses. RFC 7505 null MX (exchange ".") names no host and is
 * skipped. There is no implicit MX: a name without MX records matches nothing (§5.4).
 */
async function matchMx(state: EvalState, m: SpfMechanism, domain: string): Promise<boolean> {
  const target = await targetOf(state, m, domain);
  if (target === undefined) return false;
  const lookup = await resolve(state, target, 'MX');
  if (isVoid(lookup)) {
    countVoid(state, m);
    return false;
  }
  if (lookup.records.length > MAX_MX_NAMES) {
    permanent(state, problemAt(state, 'mx-limit', `${target} has ${lookup.records.length} MX records; at most ${MAX_MX_NAMES} may be looked at (RFC 7208 §4.6.4)`, m));
    return false;
  }
  const hosts = lookup.records
    .map((r) => r.data as { preference: number; exchange: string })
    .sort((a, b) => a.preference - b.preference)
    .map((mx) => mx.exchange)
    .filter((host) => host !== '' && host !== '.');
  for (const host of hosts) {
    const records = await addressesOf(state, host, m, state.ip.version === 4 ? 'A' : 'AAAA');
    if (state.mode === 'evaluate' && records.some((r) => addressMatches(state.ip, r, m))) return true;
  }
  return false;
}

/** §5.7: an A look-up whatever the client's family; any answer matches. */
async function matchExists(state: EvalState, m: SpfMechanism, domain: string): Promise<boolean> {
  const target = await targetOf(state, m, domain);
  if (target === undefined) return false;
  const records = await addressesOf(state, target, m, 'A');
  return state.mode === 'evaluate' && records.length > 0;
}

async function matchPtr(state: EvalState, m: SpfMechanism, domain: string): Promise<boolean> {
  // The walk has no client whose reverse DNS would mean anything: the term is only counted.
  if (state.mode === 'walk') return false;
  const target = await targetOf(state, m, domain);
  return target !== undefined && ptrMatches(state, target);
}

/**
 * Whether a non-include mechanism matches. DNS-querying terms have been counted by the caller.
 * In walk mode only `all` matches; the DNS work is done anyway so void look-ups are counted.
 */
export async function mechanismMatches(state: EvalState, m: SpfMechanism, domain: string): Promise<boolean> {
  switch (m.name) {
    case 'all':
      return true;
    case 'ip4':
    case 'ip6':
      // §5.6: ip4 matches IPv4 clients (mapped ones included), ip6 only true IPv6 clients.
      return state.mode === 'evaluate' && m.network !== undefined && inNetwork(state.ip, m.network, m.cidr4 ?? 0);
    case 'a':
      return matchA(state, m, domain);
    case 'mx':
      return matchMx(state, m, domain);
    case 'exists':
      return matchExists(state, m, domain);
    case 'ptr':
      return matchPtr(state, m, domain);
    default:
      throw new Error(`${m.name} is evaluated by check-host`);
  }
}
