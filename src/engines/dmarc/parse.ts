/**
 * DMARC policy records (RFC 7489 §6.3–6.4) with the DMARCbis changes (RFC 9989): `np`, `psd`
 * and `t` added; `pct`, `rf` and `ri` removed. Removed tags are still accepted (RFC 7489
 * receivers read them) and noted, so a record is judged the way both generations read it.
 */
import { hasVersionTag, parseTagList } from '../mail/tag-list.js';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

/** One report destination of `rua`/`ruf`, with its optional size limit (`!10m`). */
export interface DmarcUri {
  uri: string;
  scheme: 'mailto' | 'https' | 'other';
  /** The mailbox host (mailto) or URL host (https): where the reports go. */
  host?: string;
  maxSize?: string;
}

export interface DmarcRecord {
  raw: string;
  /** Every tag as written (names lower-cased: DMARC tag names are case-insensitive). */
  tags: Record<string, string>;
  p?: DmarcPolicy;
  sp?: DmarcPolicy;
  /** DMARCbis: policy for non-existent subdomains. */
  np?: DmarcPolicy;
  rua: DmarcUri[];
  ruf: DmarcUri[];
  /** RFC 7489 only (removed by DMARCbis); 100 when absent. */
  pct: number;
  adkim: 'r' | 's';
  aspf: 'r' | 's';
  fo: string[];
  rf?: string;
  ri?: number;
  /** DMARCbis: `y` this is a public suffix domain's record, `n` it is not, `u` unknown. */
  psd?: 'y' | 'n' | 'u';
  /** DMARCbis: `t=y` is testing mode (receivers apply one policy level less). */
  testing: boolean;
}

/** A problem that makes a tag (or the whole record) unusable. */
export interface DmarcProblem {
  tag?: string;
  message: string;
}

export interface DmarcParse {
  /** False when receivers discard the record: not `v=DMARC1` first, or no valid `p` and no valid `rua`. */
  usable: boolean;
  record: DmarcRecord;
  /** Invalid values: each is a mistake the owner meant something by. */
  problems: DmarcProblem[];
  /** Informational: unknown tags ignored, tags DMARCbis removed or added. */
  notes: string[];
}

const POLICIES = new Set<DmarcPolicy>(['none', 'quarantine', 'reject']);
const KNOWN = new Set(['v', 'p', 'sp', 'np', 'rua', 'ruf', 'pct', 'adkim', 'aspf', 'fo', 'rf', 'ri', 'psd', 't']);
const REMOVED_BY_DMARCBIS = new Set(['pct', 'rf', 'ri']);
const ADDED_BY_DMARCBIS = new Set(['np', 'psd', 't']);

/** Whether a TXT string is a DMARC record candidate (RFC 7489 §6.6.3 step 4: `v=DMARC1` first). */
export function isDmarcRecord(text: string): boolean {
  return hasVersionTag(text, 'DMARC1');
}

/** Parses one `rua`/`ruf` element: `mailto:addr[!size]` or `https://…[!size]` (RFC 7489 §6.4). */
export function parseDmarcUri(text: string): DmarcUri | { error: string } {
  const trimmed = text.trim();
  // The size limit follows an unescaped "!": digits and an optional k/m/g/t unit.
  const bang = /!(\d+[kmgt]?)$/i.exec(trimmed);
  const uri = bang ? trimmed.slice(0, bang.index) : trimmed;
  if (uri.includes('!')) return { error: `"${trimmed}" has a malformed size limit (expected !<digits>[k|m|g|t])` };
  const maxSize = bang?.[1];
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
  if (!scheme) return { error: `"${trimmed}" is not a URI (expected mailto:reports@example.com)` };
  if (scheme === 'mailto') {
    const addr = decodeURIComponent(uri.slice('mailto:'.length).split('?')[0]);
    const at = addr.lastIndexOf('@');
    const host = at > 0 ? addr.slice(at + 1).toLowerCase() : '';
    if (!host || !/^[a-z0-9.-]+\.[a-z0-9-]+$/i.test(host)) return { error: `"${trimmed}" is not a valid mailto: address` };
    return { uri, scheme: 'mailto', host, ...(maxSize ? { maxSize } : {}) };
  }
  if (scheme === 'https' || scheme === 'http') {
    try {
      return { uri, scheme: 'https', host: new URL(uri).hostname.toLowerCase(), ...(maxSize ? { maxSize } : {}) };
    } catch {
      return { error: `"${trimmed}" is not a valid URL` };
    }
  }
  return { uri, scheme: 'other', ...(maxSize ? { maxSize } : {}) };
}

function policy(value: string | undefined): DmarcPolicy | undefined | 'invalid' {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  return POLICIES.has(v as DmarcPolicy) ? (v as DmarcPolicy) : 'invalid';
}

function uris(tag: string, value: string | undefined, problems: DmarcProblem[], notes: string[]): DmarcUri[] {
  if (value === undefined) return [];
  const out: DmarcUri[] = [];
  for (const part of value.split(',')) {
    if (part.trim() === '') continue;
    const u = parseDmarcUri(part);
    if ('error' in u) {
      problems.push({ tag, message: u.error });
      continue;
    }
    // RFC 7489 §6.2: receivers MUST support mailto; other schemes are optional and rare.
    if (u.scheme !== 'mailto') notes.push(`${tag} destination ${u.uri} is not mailto: — most receivers only send reports by mail`);
    out.push(u);
  }
  if (out.length === 0 && !problems.some((p) => p.tag === tag)) problems.push({ tag, message: `${tag} names no destination` });
  return out;
}

/** Parses one DMARC record. Pure; never throws. */
export function parseDmarcRecord(raw: string): DmarcParse {
  const list = parseTagList(raw, { lowerCaseNames: true });
  const problems: DmarcProblem[] = list.problems.map((message) => ({ message }));
  const notes: string[] = [];
  const tags: Record<string, string> = {};
  for (const t of list.tags) if (!(t.name in tags)) tags[t.name] = t.value;

  // §6.4: "v" MUST be the first tag, with the exact value DMARC1.
  const versionFirst = list.tags[0]?.name === 'v' && list.tags[0].value === 'DMARC1';
  if (!versionFirst) problems.push({ tag: 'v', message: 'the record must start with v=DMARC1' });

  for (const name of Object.keys(tags)) {
    if (!KNOWN.has(name)) notes.push(`unknown tag "${name}" is ignored (RFC 7489 §6.3)`);
    else if (REMOVED_BY_DMARCBIS.has(name)) notes.push(`"${name}" is removed by DMARCbis (RFC 9989): receivers following it ignore the tag`);
    else if (ADDED_BY_DMARCBIS.has(name)) notes.push(`"${name}" is a DMARCbis (RFC 9989) tag: RFC 7489 receivers ignore it`);
  }

  const policyTag = (name: 'p' | 'sp' | 'np'): DmarcPolicy | undefined => {
    const v = policy(tags[name]);
    if (v !== 'invalid') return v;
    problems.push({ tag: name, message: `${name}=${tags[name]} is not none, quarantine or reject` });
    return undefined;
  };
  const p = policyTag('p');
  if (tags.p === undefined) problems.push({ tag: 'p', message: 'the required p= tag is missing' });
  const sp = policyTag('sp');
  const np = policyTag('np');

  const rua = uris('rua', tags.rua, problems, notes);
  const ruf = uris('ruf', tags.ruf, problems, notes);

  let pct = 100;
  if (tags.pct !== undefined) {
    const n = /^\d{1,3}$/.test(tags.pct) ? Number(tags.pct) : NaN;
    if (Number.isInteger(n) && n <= 100) pct = n;
    else problems.push({ tag: 'pct', message: `pct=${tags.pct} is not an integer from 0 to 100` });
  }
  const alignment = (name: 'adkim' | 'aspf'): 'r' | 's' => {
    const v = tags[name]?.toLowerCase();
    if (v === undefined) return 'r';
    if (v === 'r' || v === 's') return v;
    problems.push({ tag: name, message: `${name}=${tags[name]} is not r (relaxed) or s (strict)` });
    return 'r';
  };
  const adkim = alignment('adkim');
  const aspf = alignment('aspf');

  const fo = (tags.fo ?? '0').split(':').map((s) => s.trim().toLowerCase());
  if (fo.some((o) => !['0', '1', 'd', 's'].includes(o))) problems.push({ tag: 'fo', message: `fo=${tags.fo} is not a colon-separated list of 0, 1, d, s` });
  if (tags.fo !== undefined && ruf.length === 0) notes.push('fo= only matters with ruf= (failure reports)');

  const rf = tags.rf;
  if (rf !== undefined && !rf.split(':').every((f) => f.trim().toLowerCase() === 'afrf')) {
    problems.push({ tag: 'rf', message: `rf=${rf} is not afrf (the only report format defined)` });
  }
  let ri: number | undefined;
  if (tags.ri !== undefined) {
    ri = /^\d{1,10}$/.test(tags.ri) ? Number(tags.ri) : undefined;
    if (ri === undefined) problems.push({ tag: 'ri', message: `ri=${tags.ri} is not a number of seconds` });
  }
  let psd: DmarcRecord['psd'];
  if (tags.psd !== undefined) {
    const v = tags.psd.toLowerCase();
    if (v === 'y' || v === 'n' || v === 'u') psd = v;
    else problems.push({ tag: 'psd', message: `psd=${tags.psd} is not y, n or u` });
  }
  let testing = false;
  if (tags.t !== undefined) {
    const v = tags.t.toLowerCase();
    if (v === 'y' || v === 'n') testing = v === 'y';
    else problems.push({ tag: 't', message: `t=${tags.t} is not y or n` });
  }

  // §6.6.3: without a valid p, a record with a valid rua is treated as p=none; else discarded.
  const usable = versionFirst && (p !== undefined || rua.length > 0);
  if (versionFirst && p === undefined && rua.length > 0) notes.push('no valid p=: receivers act as if p=none (RFC 7489 §6.6.3)');

  return {
    usable,
    record: { raw, tags, p, sp, np, rua, ruf, pct, adkim, aspf, fo, rf, ri, psd, testing },
    problems,
    notes,
  };
}
