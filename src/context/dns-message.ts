/** DNS messages for the client: the query it sends, the checks on what comes back, record decoding. */
import dnsPacket from 'dns-packet';
import { DnsError, type DnsRecord, type DnsRecordType, type DnsResponse } from './types.js';

/** EDNS0 buffer size advertised to the resolver (DNS flag day 2020: no IP fragmentation). */
export const EDNS_BUFFER_SIZE = 1232;

const KNOWN_TYPES: ReadonlySet<string> = new Set<DnsRecordType>([
  'A', 'AAAA', 'CNAME', 'TXT', 'MX', 'CAA', 'NS', 'SOA', 'PTR', 'SPF',
]);

/** Lower case, no trailing dot; the root stays `.`. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.length > 1 && lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * Rejects names that cannot be sent (RFC 1035 §2.3.4: labels of 1–63 bytes, 253 in all) with
 * DnsError BAD_RESPONSE, before dns-packet would encode them into a corrupt question.
 */
export function assertQueryName(name: string): void {
  const n = normalizeName(name);
  const labels = n === '.' ? [] : n.split('.');
  const bad = Buffer.byteLength(n) > 253 || labels.some((l) => l.length === 0 || Buffer.byteLength(l) > 63);
  if (n === '' || bad) throw new DnsError('BAD_RESPONSE', name, `"${name}" is not a valid DNS name`);
}

/** The query message: RD set (the resolver is recursive), one question, EDNS0 OPT. */
export function encodeQuery(id: number, name: string, type: DnsRecordType): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: type as dnsPacket.RecordType, class: 'IN' }],
    additionals: [
      { name: '.', type: 'OPT', udpPayloadSize: EDNS_BUFFER_SIZE, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] },
    ],
  });
}

/**
 * Whether `packet` answers our question: a response with our id and the same question
 * (RFC 5452 §4.2; names compared case-insensitively, since servers may or may not echo case).
 */
export function isAnswerTo(packet: dnsPacket.DecodedPacket, id: number, name: string, type: DnsRecordType): boolean {
  const q = packet.questions ?? [];
  return (
    packet.type === 'response' &&
    packet.id === id &&
    q.length === 1 &&
    normalizeName(q[0].name) === normalizeName(name) &&
    q[0].type === type
  );
}

/**
 * A character-string as text. UTF-8 when the bytes are valid UTF-8 (RFC 7208 §3: SPF records
 * are ASCII, and DKIM/DMARC text is too); otherwise latin1, which maps each byte to one code
 * point so raw bytes survive (`Buffer.from(s, 'latin1')` gives them back) and never turn into U+FFFD.
 */
export function decodeCharacterString(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** SPF (type 99) RDATA: dns-packet leaves it as bytes; its format is TXT's (RFC 7208 §3.1). */
function splitCharacterStrings(rdata: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let offset = 0;
  // Each turn consumes at least one byte, so the loop ends.
  while (offset < rdata.length) {
    const len = rdata[offset];
    if (offset + 1 + len > rdata.length) throw new Error('character-string overruns its record');
    out.push(rdata.subarray(offset + 1, offset + 1 + len));
    offset += 1 + len;
  }
  return out;
}

function decodeData(a: dnsPacket.Answer): DnsRecord['data'] {
  const data = (a as { data: unknown }).data;
  switch (a.type as DnsRecordType) {
    case 'A':
    case 'AAAA':
      return String(data);
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return normalizeName(String(data));
    case 'TXT':
      return (Array.isArray(data) ? data : [data]).map((c) => decodeCharacterString(c as Buffer));
    case 'SPF':
      return splitCharacterStrings(data as Buffer).map(decodeCharacterString);
    case 'MX': {
      const mx = data as dnsPacket.MxData;
      return { preference: mx.preference ?? 0, exchange: normalizeName(mx.exchange) };
    }
    case 'CAA': {
      const caa = data as dnsPacket.CaaData;
      return { flags: caa.flags ?? 0, tag: caa.tag, value: caa.value };
    }
    case 'SOA': {
      const soa = data as dnsPacket.SoaData;
      return { mname: normalizeName(soa.mname), rname: normalizeName(soa.rname), serial: soa.serial ?? 0 };
    }
    default:
      throw new Error(`unexpected type ${a.type}`);
  }
}

/** Records of the types launchready knows; others (OPT, RRSIG, DNAME …) are left out. */
function decodeRecords(list: readonly dnsPacket.Answer[] | undefined): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const a of list ?? []) {
    if (!KNOWN_TYPES.has(a.type) || ('class' in a && a.class !== undefined && a.class !== 'IN')) continue;
    out.push({
      name: normalizeName(a.name),
      type: a.type as DnsRecordType,
      ttl: (a as { ttl?: number }).ttl ?? 0,
      data: decodeData(a),
    });
  }
  return out;
}

/** The client's view of a response; throws DnsError BAD_RESPONSE on undecodable record data. */
export function toDnsResponse(packet: dnsPacket.DecodedPacket, qname: string): DnsResponse {
  try {
    return {
      rcode: (packet as { rcode?: string }).rcode ?? 'NOERROR',
      authoritative: packet.flag_aa,
      truncated: packet.flag_tc,
      answers: decodeRecords(packet.answers),
      authorities: decodeRecords(packet.authorities),
    };
  } catch (err) {
    throw new DnsError('BAD_RESPONSE', qname, `malformed record in the answer: ${(err as Error).message}`);
  }
}
