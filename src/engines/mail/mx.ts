/**
 * MX record sets (RFC 5321 §5.1) and null MX (RFC 7505): what a domain's MX answer says about
 * where its mail goes. Pure: the host look-ups happen in the check, through the shared probes.
 */
import { isIP } from 'node:net';
import type { MxData } from '../../context/types.js';

export interface MxHost {
  preference: number;
  exchange: string;
  /** The exchange is an address, not a name: MTAs look it up as a name and fail (RFC 5321 §5.1). */
  ipLiteral: boolean;
}

export type MxShape =
  /** No MX records: mail falls back to the domain's own A/AAAA ("implicit MX"). */
  | { kind: 'none' }
  /** Exactly the null MX `0 .`: the domain accepts no mail (RFC 7505). */
  | { kind: 'null'; preference: number }
  /** Real mail hosts, lowest preference first; `nullMixed` when a null MX sits among them. */
  | { kind: 'hosts'; hosts: MxHost[]; nullMixed: boolean };

/** Whether an MX record is a null MX: its exchange is the root (RFC 7505 §3). */
export function isNullMx(mx: MxData): boolean {
  const ex = mx.exchange.trim();
  return ex === '' || ex === '.';
}

/** Whether an exchange name is really an address (`192.0.2.1`, `[2001:db8::1]`). */
export function isIpLiteral(exchange: string): boolean {
  const bare = exchange.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return isIP(bare) !== 0 || /^ipv6:/i.test(bare);
}

/** Classifies the MX answer of a domain. Pure. */
export function classifyMx(records: readonly MxData[]): MxShape {
  if (records.length === 0) return { kind: 'none' };
  const nulls = records.filter(isNullMx);
  const real = records.filter((r) => !isNullMx(r));
  if (real.length === 0) return { kind: 'null', preference: nulls[0].preference };
  const hosts = real
    .map((r) => ({ preference: r.preference, exchange: r.exchange.toLowerCase().replace(/\.$/, ''), ipLiteral: isIpLiteral(r.exchange) }))
    .sort((a, b) => a.preference - b.preference || a.exchange.localeCompare(b.exchange));
  return { kind: 'hosts', hosts, nullMixed: nulls.length > 0 };
}

/** `10 mx1.example.com` / `0 .` — how MX records read in zone files and evidence. */
export function formatMx(records: readonly MxData[]): string[] {
  return [...records]
    .sort((a, b) => a.preference - b.preference)
    .map((r) => `${r.preference} ${isNullMx(r) ? '.' : r.exchange}`);
}

/**
 * Whether a domain receives mail: what the config declares, else what DNS says (real MX hosts
 * mean it does; a null MX or no MX at all means the owner never set it up to).
 */
export function receivesMail(declared: boolean | undefined, shape: MxShape): boolean {
  if (declared !== undefined) return declared;
  return shape.kind === 'hosts';
}
