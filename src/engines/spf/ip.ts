/**
 * IP addresses as SPF sees them: byte arrays compared under a prefix length, the reverse-DNS
 * name for `ptr` and `%{p}`, and the `i` / `c` macro spellings (RFC 7208 §5.6, §7.3).
 */

/** A parsed address; IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is already IPv4 (RFC 7208 §5, item 9). */
export interface IpAddress {
  version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

/** `ip4-network` of RFC 7208 §5.6: four decimal octets, no leading zeros. */
const IPV4 = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** Parses dotted-quad IPv4 strictly (each octet 0–255, no leading zeros); undefined otherwise. */
export function parseIpv4(text: string): Uint8Array | undefined {
  if (!IPV4.test(text)) return undefined;
  const octets = text.split('.').map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return Uint8Array.from(octets);
}

/** Parses RFC 4291 §2.2 text (all three forms, embedded IPv4 included); undefined otherwise. */
export function parseIpv6(text: string): Uint8Array | undefined {
  if (text.length > 45 || text.includes(':::')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const pieces = part.split(':');
    const out: number[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (HEX_GROUP.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  // An embedded IPv4 address may only end the address.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

/** Whether 16 bytes are an IPv4-mapped address (`::ffff:0:0/96`). */
function isMapped(b: Uint8Array): boolean {
  return b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
}

/**
 * Parses a connecting client's address. IPv4-mapped IPv6 becomes IPv4: RFC 7208 §5 item 9 says
 * such a client "MUST still be considered an IPv4 address", for `ip4`/`ip6` and every macro.
 */
export function parseClientIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = parseIpv6(text);
  if (!v6) return undefined;
  return isMapped(v6) ? { version: 4, bytes: v6.slice(12) } : { version: 6, bytes: v6 };
}

/** Whether `ip` falls inside `network`/`prefix` (same family only). */
export function inNetwork(ip: IpAddress, network: Uint8Array, prefix: number): boolean {
  if (ip.bytes.length !== network.length) return false;
  let bits = prefix;
  for (let i = 0; i < network.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[i] & mask) !== (network[i] & mask)) return false;
  }
  return true;
}

/** Parses an address record's text (A or AAAA data) into bytes, without mapping. */
export function recordBytes(text: string): Uint8Array | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

/** The 32 hex nibbles of an IPv6 address, most significant first (lower case, RFC 7208 §7.4). */
function nibbles(bytes: Uint8Array): string[] {
  return [...bytes].flatMap((b) => [(b >> 4).toString(16), (b & 0xf).toString(16)]);
}

/** The `i` macro: dotted quad, or dot-separated nibbles for IPv6 (RFC 7208 §7.3). */
export function dotFormat(ip: IpAddress): string {
  return ip.version === 4 ? [...ip.bytes].join('.') : nibbles(ip.bytes).join('.');
}

/** The `c` macro: the readable form — dotted quad, or RFC 5952 compressed lower-case IPv6. */
export function readableFormat(ip: IpAddress): string {
  if (ip.version === 4) return [...ip.bytes].join('.');
  const groups = Array.from({ length: 8 }, (_, i) => (ip.bytes[2 * i] << 8) | ip.bytes[2 * i + 1]);
  // RFC 5952 §4.2: the longest run (the first of equals) of two or more zero groups becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** The reverse-DNS name (`4.3.2.1.in-addr.arpa`, `….ip6.arpa`) for PTR look-ups (RFC 7208 §5.5). */
export function reverseName(ip: IpAddress): string {
  const parts = ip.version === 4 ? [...ip.bytes].map(String) : nibbles(ip.bytes);
  return `${parts.reverse().join('.')}.${ip.version === 4 ? 'in-addr' : 'ip6'}.arpa`;
}

/** Whether an address record's text equals `ip` (A records for IPv4 clients, AAAA for IPv6). */
export function sameAddress(ip: IpAddress, text: string): boolean {
  const b = recordBytes(text);
  return b !== undefined && b.length === ip.bytes.length && b.every((x, i) => x === ip.bytes[i]);
}
