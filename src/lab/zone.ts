/**
 * The lab's zone model: plain data that the authoritative DNS server (`dns-server.ts`) serves.
 *
 * One `Zone` holds every name the lab answers for, across several DNS zones (`acme.test`,
 * `acme-cdn.test`, the SPF conformance zones …), like an authoritative server hosting many zones.
 * Scenario authors write zones with `buildZone`, which accepts a terse spec per name.
 */
import net from 'node:net';
import type { CaaData, MxData, SoaData } from '../context/types.js';

export type ZoneRecordType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'CAA' | 'NS' | 'SOA' | 'PTR' | 'SPF';

/**
 * TXT/SPF record data: one string, or the record's character-strings in order. A string longer
 * than 255 bytes is split into 255-byte character-strings on the wire (as zone-file tools do).
 * A Buffer is sent byte for byte (the SPF test suite has non-UTF-8 records).
 */
export type TxtValue = string | Buffer | ReadonlyArray<string | Buffer>;

/** SOA data as written by scenario authors; the timers default to sane values. */
export interface ZoneSoaData extends SoaData {
  refresh?: number;
  retry?: number;
  expire?: number;
  /** Negative-caching TTL (RFC 2308 §4). */
  minimum?: number;
}

/** One record at a name. `ttl` defaults to 300 s. */
export type ZoneRecord =
  | { type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'PTR'; data: string; ttl?: number }
  | { type: 'TXT' | 'SPF'; data: TxtValue; ttl?: number }
  | { type: 'MX'; data: MxData; ttl?: number }
  | { type: 'CAA'; data: CaaData; ttl?: number }
  | { type: 'SOA'; data: ZoneSoaData; ttl?: number };

/**
 * How the server misbehaves for a name (every query type):
 * `timeout` never answers, `servfail` / `refused` answer with that rcode.
 */
export type NameBehaviour = 'timeout' | 'servfail' | 'refused';

/** What the zone holds at one name. */
export interface ZoneEntry {
  readonly records: readonly ZoneRecord[];
  readonly behaviour?: NameBehaviour;
}

/** Every name the server knows, keyed by normalised name (lower case, no trailing dot). */
export interface Zone {
  readonly names: ReadonlyMap<string, ZoneEntry>;
}

/** Lower-cases a name and drops one trailing dot: `WWW.Acme.Test.` → `www.acme.test`. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') && lower.length > 1 ? lower.slice(0, -1) : lower;
}

/**
 * Throws unless `name` can be put on the wire: labels of 1–63 bytes, 253 bytes in all
 * (RFC 1035 §2.3.4). dns-packet would silently write a corrupt packet otherwise.
 */
export function assertWireName(name: string): void {
  if (name === '' || name === '.') return;
  const labels = normalizeName(name).split('.');
  if (Buffer.byteLength(labels.join('.')) > 253) throw new RangeError(`DNS name longer than 253 bytes: ${name}`);
  for (const label of labels) {
    const len = Buffer.byteLength(label);
    if (len === 0 || len > 63) throw new RangeError(`DNS label of ${len} bytes in ${name}`);
  }
}

/**
 * Throws unless the record can be encoded faithfully: dns-packet writes a bad address or an
 * overlong label without complaint, and the client would then see something else than written.
 */
export function assertRecord(record: ZoneRecord): void {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      if (net.isIP(record.data) !== (record.type === 'A' ? 4 : 6)) {
        throw new RangeError(`${record.type} record data is not an IPv${record.type === 'A' ? 4 : 6} address: ${record.data}`);
      }
      return;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return assertWireName(record.data);
    case 'MX':
      return assertWireName(record.data.exchange);
    case 'SOA':
      assertWireName(record.data.mname);
      return assertWireName(record.data.rname);
    default:
      return;
  }
}

type OneOrMany<T> = T | readonly T[];

/**
 * A terse spec for one name. Each record type takes one value or a list of values (one per
 * record). For TXT/SPF a list is a list of *records*: `TXT: ['a', 'b']` is two records,
 * `TXT: [['a', 'b']]` is one record of two character-strings.
 */
export interface NameSpec {
  A?: OneOrMany<string>;
  AAAA?: OneOrMany<string>;
  CNAME?: string;
  NS?: OneOrMany<string>;
  PTR?: OneOrMany<string>;
  TXT?: TxtSpec;
  SPF?: TxtSpec;
  MX?: OneOrMany<MxData>;
  CAA?: OneOrMany<CaaData>;
  SOA?: ZoneSoaData;
  /** TTL for every record of this name. */
  ttl?: number;
  behaviour?: NameBehaviour;
}

export type TxtSpec = string | Buffer | ReadonlyArray<string | Buffer | ReadonlyArray<string | Buffer>>;

/** A name's spec: the terse object, a list of full records, or just a behaviour. */
export type ZoneSpec = Readonly<Record<string, NameSpec | readonly ZoneRecord[] | NameBehaviour>>;

const STRING_TYPES = ['A', 'AAAA', 'CNAME', 'NS', 'PTR'] as const;

function many<T>(v: OneOrMany<T> | undefined): readonly T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

function txtRecords(spec: TxtSpec | undefined): TxtValue[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string' || Buffer.isBuffer(spec)) return [spec];
  return spec.map((r) => r as TxtValue);
}

function recordsOf(spec: NameSpec): ZoneRecord[] {
  const ttl = spec.ttl;
  const out: ZoneRecord[] = [];
  for (const type of STRING_TYPES) {
    for (const data of many(spec[type])) out.push({ type, data, ttl });
  }
  for (const type of ['TXT', 'SPF'] as const) {
    for (const data of txtRecords(spec[type])) out.push({ type, data, ttl });
  }
  for (const data of many(spec.MX)) out.push({ type: 'MX', data, ttl });
  for (const data of many(spec.CAA)) out.push({ type: 'CAA', data, ttl });
  if (spec.SOA) out.push({ type: 'SOA', data: spec.SOA, ttl });
  return out;
}

function entryOf(spec: NameSpec | readonly ZoneRecord[] | NameBehaviour): ZoneEntry {
  if (typeof spec === 'string') return { records: [], behaviour: spec };
  if (Array.isArray(spec)) return { records: [...(spec as readonly ZoneRecord[])] };
  const s = spec as NameSpec;
  return { records: recordsOf(s), behaviour: s.behaviour };
}

/**
 * Builds a zone from a terse spec:
 *
 * ```ts
 * buildZone({
 *   'acme.test': { A: '127.0.0.1', CAA: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
 *   'api.acme.test': { CNAME: 'edge.acme-cdn.test' },
 *   'timeout.hostile.test': 'timeout',
 * });
 * ```
 *
 * Names are case-insensitive and may end with a dot; two spellings of one name merge.
 * Throws a RangeError on names that cannot go on the wire and on malformed addresses.
 */
export function buildZone(spec: ZoneSpec): Zone {
  return mergeZones(
    ...Object.entries(spec).map(([name, s]) => {
      assertWireName(name);
      const entry = entryOf(s);
      entry.records.forEach(assertRecord);
      return { names: new Map([[normalizeName(name), entry]]) };
    }),
  );
}

/** Combines zones (scenario layers): records at one name are concatenated, the last behaviour wins. */
export function mergeZones(...zones: readonly Zone[]): Zone {
  const names = new Map<string, ZoneEntry>();
  for (const zone of zones) {
    for (const [rawName, entry] of zone.names) {
      const name = normalizeName(rawName);
      const prev = names.get(name);
      names.set(name, {
        records: [...(prev?.records ?? []), ...entry.records],
        behaviour: entry.behaviour ?? prev?.behaviour,
      });
    }
  }
  return { names };
}
