/**
 * Addresses of a name the way launchready resolves every name: A and AAAA through the run's own
 * DNS client (`network.resolver`, else the system's nameserver), never the operating system's
 * resolver library. IP literals are their own address; `localhost` is loopback without asking
 * anyone (RFC 6761 §6.3).
 */
import net from 'node:net';
import type { DnsClient } from './types.js';

export function addressLookup(dns: DnsClient): (host: string) => Promise<string[]> {
  return async (host) => {
    const name = host.replace(/^\[|\]$/g, '');
    if (net.isIP(name)) return [name];
    if (name === 'localhost' || name.endsWith('.localhost')) return ['127.0.0.1', '::1'];
    const [a, aaaa] = await Promise.all([dns.resolve(name, 'A'), dns.resolve(name, 'AAAA').catch(() => undefined)]);
    const addresses = [...a.records, ...(aaaa?.records ?? [])].map((r) => String(r.data));
    if (addresses.length === 0) throw Object.assign(new Error(`${name} has no A/AAAA record (${a.status})`), { code: 'DNS' });
    return addresses;
  };
}
