/**
 * MTA-STS (RFC 8461): the `_mta-sts.<domain>` TXT record, the policy file served at
 * `https://mta-sts.<domain>/.well-known/mta-sts.txt`, and whether its `mx` patterns cover the
 * domain's MX hosts. Pure parsing; fetching is the check's job.
 */
import { hasVersionTag, parseTagList, tagValue } from './tag-list.js';

/** §3.2: max_age is at most one year. */
export const MAX_POLICY_AGE = 31_557_600;
/** Senders should not read more than this; policies are a few lines. */
export const MAX_POLICY_BYTES = 64 * 1024;

export type StsMode = 'enforce' | 'testing' | 'none';

export interface StsTxtRead {
  status: 'missing' | 'invalid' | 'ok';
  records: string[];
  id?: string;
  problems: string[];
}

export interface StsPolicy {
  version?: string;
  mode?: StsMode;
  mx: string[];
  maxAge?: number;
  /** Empty when the policy is valid. */
  problems: string[];
  /** Unknown (extension) keys, which senders ignore. */
  notes: string[];
}

export const stsTxtName = (domain: string) => `_mta-sts.${domain}`;
export const stsPolicyHost = (domain: string) => `mta-sts.${domain}`;
export const stsPolicyUrl = (domain: string) => `https://${stsPolicyHost(domain)}/.well-known/mta-sts.txt`;

/** Judges the TXT texts at `_mta-sts.<domain>` (§3.1). Pure. */
export function readStsTxt(texts: readonly string[]): StsTxtRead {
  // §3.1: records not starting with v=STSv1 are discarded; anything but exactly one means no policy.
  const records = texts.filter((t) => hasVersionTag(t, 'STSv1'));
  if (records.length === 0) return { status: 'missing', records, problems: [] };
  if (records.length > 1) {
    return { status: 'invalid', records, problems: [`${records.length} v=STSv1 records: senders assume there is no policy (RFC 8461 §3.1)`] };
  }
  const list = parseTagList(records[0]);
  const problems = [...list.problems];
  const id = tagValue(list, 'id');
  // §3.1: sts-id = 1*32(ALPHA / DIGIT).
  if (id === undefined) problems.push('the required id= tag is missing');
  else if (!/^[A-Za-z0-9]{1,32}$/.test(id)) problems.push(`id=${id} is not 1–32 letters and digits`);
  return { status: problems.length ? 'invalid' : 'ok', records, ...(id !== undefined ? { id } : {}), problems };
}

/** Parses a policy file (§3.2): `key: value` lines ended by CRLF or LF. Pure. */
export function parseStsPolicy(text: string): StsPolicy {
  const problems: string[] = [];
  const notes: string[] = [];
  const mx: string[] = [];
  const single = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problems.push(`"${line.slice(0, 80)}" is not a "key: value" line`);
      continue;
    }
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (key === 'mx') {
      mx.push(value);
    } else if (key === 'version' || key === 'mode' || key === 'max_age') {
      if (single.has(key)) problems.push(`"${key}" appears more than once`);
      else single.set(key, value);
    } else {
      notes.push(`unknown key "${key}" is ignored`);
    }
  }
  const version = single.get('version');
  if (version === undefined) problems.push('the required "version: STSv1" line is missing');
  else if (version !== 'STSv1') problems.push(`version "${version}" is not STSv1`);

  const modeText = single.get('mode');
  let mode: StsMode | undefined;
  if (modeText === undefined) problems.push('the required "mode" line is missing');
  else if (modeText === 'enforce' || modeText === 'testing' || modeText === 'none') mode = modeText;
  else problems.push(`mode "${modeText}" is not enforce, testing or none`);

  const ageText = single.get('max_age');
  let maxAge: number | undefined;
  if (ageText === undefined) problems.push('the required "max_age" line is missing');
  else if (!/^\d{1,10}$/.test(ageText) || Number(ageText) > MAX_POLICY_AGE) problems.push(`max_age "${ageText}" is not 0–${MAX_POLICY_AGE} seconds`);
  else maxAge = Number(ageText);

  // §3.2: mx patterns are names, optionally with a "*." first label.
  for (const p of mx) {
    if (!/^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{1,63}\.?$/i.test(p)) problems.push(`mx "${p}" is not a host name or *.domain pattern`);
  }
  if (mx.length === 0 && mode !== 'none') problems.push('no "mx" line: the policy allows no mail host');
  return { version, mode, mx, maxAge, problems, notes };
}

/**
 * Whether an MX host matches a policy pattern (§4.1): exact, case-insensitive, or `*.domain`
 * matching exactly one left-most label.
 */
export function mxPatternMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/** MX hosts no pattern covers: with mode enforce, senders refuse to deliver to them. */
export function uncoveredMxHosts(patterns: readonly string[], hosts: readonly string[]): string[] {
  return hosts.filter((h) => !patterns.some((p) => mxPatternMatches(p, h)));
}
