/** Where DNS questions go: `network.resolver` parsing and the system resolver fallback. */
import { readFile } from 'node:fs/promises';
import net from 'node:net';

/** A resolver's transport address (an IP literal: a resolver cannot be found by name). */
export interface ResolverAddress {
  host: string;
  port: number;
  family: 4 | 6;
}

const DNS_PORT = 53;

function parsePort(text: string, whole: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65_535)) throw new Error(`invalid port in resolver address "${whole}"`);
  return port;
}

function literal(host: string, whole: string): { host: string; family: 4 | 6 } {
  // `localhost` is the one name allowed: it cannot need DNS to be found.
  if (host.toLowerCase() === 'localhost') return { host: '127.0.0.1', family: 4 };
  const family = net.isIP(host);
  if (family === 0) throw new Error(`resolver address "${whole}" is not an IP address`);
  return { host, family: family as 4 | 6 };
}

/**
 * Parses `127.0.0.1:5353`, `127.0.0.1`, `[::1]:53`, `[::1]` or a bare `::1` (port 53 when absent).
 * Throws an Error naming the address when it is not an IP literal with a valid port.
 */
export function parseResolverAddress(text: string): ResolverAddress {
  const s = text.trim();
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(s);
  if (bracketed) {
    const { host, family } = literal(bracketed[1], text);
    if (family !== 6) throw new Error(`brackets are for IPv6 addresses: "${text}"`);
    return { host, family, port: bracketed[2] === undefined ? DNS_PORT : parsePort(bracketed[2], text) };
  }
  // More than one colon without brackets: a bare IPv6 address, no port.
  if (s.indexOf(':') !== s.lastIndexOf(':')) return { ...literal(s, text), port: DNS_PORT };
  const colon = s.indexOf(':');
  if (colon < 0) return { ...literal(s, text), port: DNS_PORT };
  return { ...literal(s.slice(0, colon), text), port: parsePort(s.slice(colon + 1), text) };
}

/** The first usable `nameserver` line of a resolv.conf(5) text, if any. */
export function parseResolvConf(text: string): ResolverAddress | undefined {
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    if (!m) continue;
    try {
      // resolv.conf has no port syntax; a scoped IPv6 address (`fe80::1%eth0`) stays as written.
      return { ...literal(m[1], m[1]), port: DNS_PORT };
    } catch {
      continue; // a malformed line is skipped, as the C library does
    }
  }
  return undefined;
}

/** The system's resolver: resolv.conf's first nameserver, else 127.0.0.1:53 (glibc's default). */
export async function readSystemResolver(path = '/etc/resolv.conf'): Promise<ResolverAddress> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return parseResolvConf(text) ?? { host: '127.0.0.1', port: DNS_PORT, family: 4 };
}

/** `host:port` for messages, brackets around IPv6. */
export function formatResolver(addr: ResolverAddress): string {
  return addr.family === 6 ? `[${addr.host}]:${addr.port}` : `${addr.host}:${addr.port}`;
}
