/** CNAME chasing on top of single questions: the `resolve` half of the DNS client. */
import { normalizeName } from './dns-message.js';
import { DnsError, type DnsLookup, type DnsRecord, type DnsRecordType, type DnsResponse } from './types.js';

/** At most this many CNAMEs in one chain (the `DnsClient` contract). */
export const MAX_CNAME_HOPS = 8;

/** Rcodes are data for `query`; for `resolve`, anything but NOERROR/NXDOMAIN is a failure. */
function assertUsable(res: DnsResponse, name: string): void {
  if (res.rcode === 'NOERROR' || res.rcode === 'NXDOMAIN') return;
  if (res.rcode === 'SERVFAIL') throw new DnsError('SERVFAIL', name, `SERVFAIL for ${name}`);
  if (res.rcode === 'REFUSED') throw new DnsError('REFUSED', name, `the resolver refused to answer for ${name}`);
  throw new DnsError('BAD_RESPONSE', name, `unexpected rcode ${res.rcode} for ${name}`);
}

function at(records: readonly DnsRecord[], name: string, type: DnsRecordType): DnsRecord[] {
  return records.filter((r) => r.name === name && r.type === type);
}

/**
 * Resolves `name`/`type`, following CNAMEs: first along the chain inside each answer, then, when
 * an answer stops at a CNAME target without saying anything about it, by asking for that target.
 * RFC 2308 §2.2: an answer whose chain ends in NOERROR with a SOA in authority is NODATA for the
 * last target; an NXDOMAIN rcode describes the last target too (RFC 6604 §2.1).
 * At most `MAX_CNAME_HOPS` CNAMEs, so at most `MAX_CNAME_HOPS + 1` questions.
 */
export async function resolveWithCnames(
  ask: (name: string) => Promise<DnsResponse>,
  name: string,
  type: DnsRecordType,
): Promise<DnsLookup> {
  const start = normalizeName(name);
  const cnames: string[] = [];
  const seen = new Set([start]);
  let current = start;
  const lookup = (status: DnsLookup['status'], records: DnsRecord[] = []): DnsLookup => ({
    name: start,
    type,
    status,
    cnames,
    records,
  });

  for (let asked = 0; asked <= MAX_CNAME_HOPS; asked++) {
    const res = await ask(current);
    assertUsable(res, current);
    if (type === 'CNAME') {
      // The CNAME itself is the answer: never chased.
      const records = at(res.answers, current, 'CNAME');
      return lookup(records.length > 0 ? 'ok' : res.rcode === 'NXDOMAIN' ? 'nxdomain' : 'nodata', records);
    }
    let moved = false;
    // Bounded: every turn adds a CNAME, and the chain is capped.
    for (;;) {
      const records = at(res.answers, current, type);
      if (records.length > 0) return lookup('ok', records);
      const cname = at(res.answers, current, 'CNAME')[0];
      if (!cname) break;
      const target = cname.data as string;
      if (seen.has(target)) {
        throw new DnsError('CNAME_LOOP', start, `CNAME loop: ${[start, ...cnames, target].join(' → ')}`);
      }
      if (cnames.length >= MAX_CNAME_HOPS) {
        throw new DnsError('CNAME_LOOP', start, `more than ${MAX_CNAME_HOPS} CNAMEs from ${start}`);
      }
      cnames.push(target);
      seen.add(target);
      current = target;
      moved = true;
    }
    if (res.rcode === 'NXDOMAIN') return lookup('nxdomain');
    // The answer covered the current name (no CNAME left to chase, or a negative-answer SOA): NODATA.
    if (!moved || res.authorities.some((r) => r.type === 'SOA')) return lookup('nodata');
  }
  // Unreachable in practice (the hop cap throws first), kept so the loop is visibly bounded.
  throw new DnsError('CNAME_LOOP', start, `more than ${MAX_CNAME_HOPS} CNAMEs from ${start}`);
}
