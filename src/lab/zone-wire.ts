/** Turns zone answers into DNS messages with dns-packet: record encoding, EDNS and truncation. */
import dnsPacket from 'dns-packet';
import type { OwnedRecord } from './zone-answer.js';
import { assertRecord, type TxtValue } from './zone.js';

const DEFAULT_TTL = 300;
/** RFC 1035 §4.2.1: without EDNS a UDP message is at most 512 bytes. */
export const CLASSIC_UDP_LIMIT = 512;
/** What the server advertises in its own OPT record (the DNS flag day 2020 value). */
const SERVER_EDNS_SIZE = 1232;
/** The largest UDP payload over IPv4 (65535 − IP and UDP headers). */
const MAX_UDP_PAYLOAD = 65_507;
const RCODES = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
export type ServerRcode = keyof typeof RCODES;

/** A TXT value as character-strings: each piece at most 255 bytes (RFC 1035 §3.3), at least one. */
export function txtChunks(value: TxtValue): Buffer[] {
  const parts = typeof value === 'string' || Buffer.isBuffer(value) ? [value] : [...value];
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    if (bytes.length === 0) chunks.push(Buffer.alloc(0));
    // Long strings are split like zone-file tools do; the 255-byte cut may split a UTF-8 character.
    for (let i = 0; i < bytes.length; i += 255) chunks.push(bytes.subarray(i, i + 255));
  }
  return chunks.length > 0 ? chunks : [Buffer.alloc(0)];
}

/** SPF (type 99) has TXT's RDATA format (RFC 7208 §3.1) but dns-packet treats it as opaque bytes. */
function characterStrings(chunks: Buffer[]): Buffer {
  return Buffer.concat(chunks.flatMap((c) => [Buffer.from([c.length]), c]));
}

/** One zone record as a dns-packet answer; throws a RangeError on data that cannot be encoded. */
export function toWireAnswer({ name, record }: OwnedRecord): dnsPacket.Answer {
  // Zones not made by buildZone are checked here; the server turns the throw into SERVFAIL.
  assertRecord(record);
  const ttl = record.ttl ?? DEFAULT_TTL;
  switch (record.type) {
    case 'TXT':
      return { name, type: 'TXT', ttl, data: txtChunks(record.data) };
    case 'SPF':
      return { name, type: 'SPF', ttl, data: characterStrings(txtChunks(record.data)) } as unknown as dnsPacket.Answer;
    case 'MX':
      return { name, type: 'MX', ttl, data: { preference: record.data.preference, exchange: record.data.exchange } };
    case 'CAA': {
      const { flags, tag, value } = record.data;
      return { name, type: 'CAA', ttl, data: { flags, tag: tag as 'issue', value } };
    }
    case 'SOA': {
      const d = record.data;
      return {
        name,
        type: 'SOA',
        ttl,
        data: {
          mname: d.mname,
          rname: d.rname,
          serial: d.serial,
          refresh: d.refresh ?? 3600,
          retry: d.retry ?? 600,
          expire: d.expire ?? 86_400,
          minimum: d.minimum ?? 60,
        },
      };
    }
    default:
      return { name, type: record.type, ttl, data: record.data };
  }
}

/** The UDP size limit a query asks for: its EDNS buffer size (RFC 6891 §6.2.5), else 512. */
export function udpLimitOf(query: dnsPacket.DecodedPacket): number {
  const opt = query.additionals?.find((a) => a.type === 'OPT') as dnsPacket.OptAnswer | undefined;
  if (!opt) return CLASSIC_UDP_LIMIT;
  return Math.min(MAX_UDP_PAYLOAD, Math.max(CLASSIC_UDP_LIMIT, opt.udpPayloadSize));
}

/**
 * Encodes the response to `query`. Over UDP (`limit` set) a message above the limit is replaced
 * by an empty one with TC set (RFC 2181 §9: no partial RRsets), so the client retries over TCP.
 */
export function encodeResponse(
  query: dnsPacket.DecodedPacket,
  result: { rcode: ServerRcode; answers: OwnedRecord[]; authorities: OwnedRecord[] },
  limit?: number,
): Buffer {
  const hasOpt = query.additionals?.some((a) => a.type === 'OPT') ?? false;
  // RFC 6891 §7: answer EDNS with EDNS, and only then.
  const additionals: dnsPacket.Answer[] = hasOpt
    ? [{ name: '.', type: 'OPT', udpPayloadSize: SERVER_EDNS_SIZE, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }]
    : [];
  // RD is copied from the query (RFC 1035 §4.1.1); AA because every name here is ours.
  const baseFlags = dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | RCODES[result.rcode];
  const packet: dnsPacket.Packet = {
    type: 'response',
    id: query.id,
    flags: baseFlags,
    questions: query.questions,
    answers: result.answers.map(toWireAnswer),
    authorities: result.authorities.map(toWireAnswer),
    additionals,
  };
  const full = dnsPacket.encode(packet);
  if (limit === undefined || full.length <= limit) return full;
  return dnsPacket.encode({
    ...packet,
    flags: baseFlags | dnsPacket.TRUNCATED_RESPONSE,
    answers: [],
    authorities: [],
  });
}
