/** SMTP TLS Reporting records (RFC 8460 §3) at `_smtp._tls.<domain>`. */
import { hasVersionTag, parseTagList, tagValue } from './tag-list.js';

export interface TlsRptRead {
  status: 'missing' | 'invalid' | 'ok';
  /** The candidate records (`v=TLSRPTv1…`). */
  records: string[];
  rua: string[];
  problems: string[];
}

/** The record's name for a domain. */
export function tlsRptName(domain: string): string {
  return `_smtp._tls.${domain}`;
}

/** Judges the TXT texts found at `_smtp._tls.<domain>`. Pure. */
export function readTlsRpt(texts: readonly string[]): TlsRptRead {
  // §3: records not starting with v=TLSRPTv1 are discarded; anything but one left means "no TLSRPT".
  const records = texts.filter((t) => hasVersionTag(t, 'TLSRPTv1'));
  if (records.length === 0) return { status: 'missing', records, rua: [], problems: [] };
  if (records.length > 1) {
    return { status: 'invalid', records, rua: [], problems: [`${records.length} v=TLSRPTv1 records: senders ignore all of them (RFC 8460 §3)`] };
  }
  const list = parseTagList(records[0]);
  const problems = [...list.problems];
  const rua = (tagValue(list, 'rua') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (rua.length === 0) problems.push('the required rua= tag is missing or empty');
  for (const uri of rua) {
    // §3: rua is a list of mailto: or https: URIs.
    if (/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(uri)) continue;
    if (/^https:\/\/[^\s/]+/i.test(uri)) continue;
    problems.push(`rua destination "${uri}" is not a mailto: address or an https: URL`);
  }
  return { status: problems.length ? 'invalid' : 'ok', records, rua, problems };
}
