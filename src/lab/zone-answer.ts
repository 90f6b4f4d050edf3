/**
 * Authoritative answering over a `Zone`, as a pure function of (zone, question): the DNS server
 * adds only sockets, framing and truncation around it.
 */
import { normalizeName, type NameBehaviour, type Zone, type ZoneEntry, type ZoneRecord } from './zone.js';

/** A zone made ready for lookups: the names plus every empty non-terminal. */
export interface ZoneIndex {
  readonly names: ReadonlyMap<string, ZoneEntry>;
  /** Names that exist only as ancestors of other names (RFC 8020: not NXDOMAIN). */
  readonly nonTerminals: ReadonlySet<string>;
}

/** A record together with the owner name it is served under. */
export interface OwnedRecord {
  name: string;
  record: ZoneRecord;
}

export type ZoneAnswer =
  | { kind: 'silent' }
  | {
      kind: 'answer';
      rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
      answers: OwnedRecord[];
      authorities: OwnedRecord[];
    };

export interface AnswerOptions {
  /** Chase CNAMEs inside the zone data (default true), like a server authoritative for all of them. */
  followCnames?: boolean;
}

/** Bound on in-zone CNAME chasing; the client sees the partial chain and asks again. */
const MAX_CHASE = 16;

/** Indexes a zone; every proper ancestor of a name that has no entry of its own is a non-terminal. */
export function indexZone(zone: Zone): ZoneIndex {
  const names = new Map<string, ZoneEntry>();
  for (const [name, entry] of zone.names) names.set(normalizeName(name), entry);
  const nonTerminals = new Set<string>();
  for (const name of names.keys()) {
    const labels = name.split('.');
    for (let i = 1; i < labels.length; i++) {
      const ancestor = labels.slice(i).join('.');
      if (!names.has(ancestor)) nonTerminals.add(ancestor);
    }
  }
  return { names, nonTerminals };
}

/** The SOA for negative answers: the closest enclosing name that has one, else a synthetic one. */
function authoritySoa(index: ZoneIndex, name: string): OwnedRecord {
  const labels = name.split('.');
  for (let i = 0; i < labels.length; i++) {
    const owner = labels.slice(i).join('.');
    const soa = index.names.get(owner)?.records.find((r) => r.type === 'SOA');
    if (soa) return { name: owner, record: soa };
  }
  // No SOA in the data: pretend the zone apex is the registrable-looking last two labels.
  const apex = labels.slice(-2).join('.');
  return {
    name: apex,
    record: {
      type: 'SOA',
      ttl: 60,
      data: { mname: `ns.${apex}`, rname: `hostmaster.${apex}`, serial: 1, minimum: 60 },
    },
  };
}

function exists(index: ZoneIndex, name: string): boolean {
  return index.names.has(name) || index.nonTerminals.has(name);
}

const BEHAVIOUR_RCODE: Record<Exclude<NameBehaviour, 'timeout'>, 'SERVFAIL' | 'REFUSED'> = {
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
};

/**
 * Answers one question authoritatively:
 * - records of the asked type → NOERROR with them;
 * - a CNAME (and the asked type is not CNAME) → the CNAME, then the chain is followed inside the
 *   zone; the rcode describes the last name (RFC 6604 §2.1);
 * - a known name (or empty non-terminal) without the type → NODATA: NOERROR, SOA in authority;
 * - an unknown name → NXDOMAIN, SOA in authority (RFC 2308 §2.1).
 * A behaviour at the asked name wins over its records. A chain that reaches a misbehaving name,
 * a loop or the chase bound stops with NOERROR and no SOA, so a resolver asks for the target itself.
 */
export function answerQuestion(index: ZoneIndex, qname: string, qtype: string, opts: AnswerOptions = {}): ZoneAnswer {
  const asked = qname.endsWith('.') && qname.length > 1 ? qname.slice(0, -1) : qname;
  const first = normalizeName(asked);
  const behaviour = index.names.get(first)?.behaviour;
  if (behaviour === 'timeout') return { kind: 'silent' };
  if (behaviour) return { kind: 'answer', rcode: BEHAVIOUR_RCODE[behaviour], answers: [], authorities: [] };

  const answers: OwnedRecord[] = [];
  const visited = new Set<string>();
  let name = first;
  // The first owner keeps the asker's spelling (0x20-style case is echoed back).
  let owner = asked;
  for (let hop = 0; ; hop++) {
    visited.add(name);
    const entry = index.names.get(name);
    const records = entry?.records ?? [];
    const matching = records.filter((r) => r.type === qtype);
    if (matching.length > 0) {
      answers.push(...matching.map((record) => ({ name: owner, record })));
      return { kind: 'answer', rcode: 'NOERROR', answers, authorities: [] };
    }
    const cname = qtype === 'CNAME' ? undefined : records.find((r) => r.type === 'CNAME');
    if (!cname) {
      const rcode = exists(index, name) ? 'NOERROR' : 'NXDOMAIN';
      return { kind: 'answer', rcode, answers, authorities: [authoritySoa(index, name)] };
    }
    answers.push({ name: owner, record: cname });
    if (opts.followCnames === false) break;
    const target = normalizeName(cname.data as string);
    if (visited.has(target) || hop + 1 >= MAX_CHASE) break;
    if (index.names.get(target)?.behaviour) break;
    name = target;
    owner = target;
  }
  return { kind: 'answer', rcode: 'NOERROR', answers, authorities: [] };
}
