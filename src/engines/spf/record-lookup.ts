/** Finding a domain's SPF record (RFC 7208 §4.4, §4.5). */
import { isSpfRecord } from './parse.js';
import { type EvalState, resolve } from './state.js';

export type RecordLookup =
  | { kind: 'none' }
  | { kind: 'found'; record: string }
  | { kind: 'multiple'; records: string[] };

/** Joins a TXT record's character-strings with no separator (§3.3). */
export function joinTxt(data: unknown): string {
  return Array.isArray(data) ? data.join('') : String(data);
}

/** Picks the `v=spf1` records among a name's TXT records (§4.5); others are none of our business. */
export function selectSpfRecords(txt: readonly string[]): RecordLookup {
  const spf = txt.filter(isSpfRecord);
  if (spf.length === 0) return { kind: 'none' };
  if (spf.length > 1) return { kind: 'multiple', records: spf };
  return { kind: 'found', record: spf[0] };
}

/**
 * TXT records only: RFC 7208 §3.1 removed the SPF RR type (99), so it is never asked.
 * NXDOMAIN and NODATA are `none` (§4.4); DNS trouble is a temperror, thrown by `resolve`.
 */
export async function lookupSpfRecord(state: EvalState, domain: string): Promise<RecordLookup> {
  const lookup = await resolve(state, domain, 'TXT');
  if (lookup.status !== 'ok') return { kind: 'none' };
  return selectSpfRecords(lookup.records.map((r) => joinTxt(r.data)));
}
