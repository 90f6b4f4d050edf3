/**
 * Adapts the run's memoised DNS probe to the `TxtLookup` the mail engines take: TXT texts with
 * character-strings joined; DNS trouble (timeouts, SERVFAIL) is thrown as the probe's error so
 * callers report it as an `error` result, never as a finding.
 */
import type { DnsLookup } from '../../context/types.js';
import type { Gathered } from '../../probes/types.js';
import { joinTxt } from './tag-list.js';

export type TxtLookup = (name: string) => Promise<{ status: DnsLookup['status']; texts: string[] }>;

/** A TXT lookup on top of `probes.dns` (or anything of its shape). */
export function txtLookupFrom(dns: (name: string, type: 'TXT') => Promise<Gathered<DnsLookup>>): TxtLookup {
  return async (name) => {
    const got = await dns(name, 'TXT');
    if (!got.ok) throw Object.assign(new Error(got.error.message), { code: got.error.code });
    return { status: got.value.status, texts: got.value.records.map((r) => joinTxt(r.data)) };
  };
}
