/**
 * CAA (RFC 8659) reading: which certificate authorities a domain's CAA RRset allows, and which
 * records are malformed. Pure functions over decoded records; the lookup itself is the caller's.
 */
import type { CaaData } from '../../context/types.js';
import { isWithin, normalizeHostName } from './names.js';

/** RFC 8659 §4.1: bit 0 (0x80) of the flags byte, "Issuer Critical". */
export const ISSUER_CRITICAL = 0x80;

/**
 * Property tags a CA may recognise: RFC 8659 §4.2–4.4 (issue, issuewild, iodef), the CA/Browser
 * Forum Baseline Requirements' contactemail / contactphone, RFC 9495 issuemail, and issuevmc from
 * the BIMI / VMC guidelines. Unknown tags are ignored by CAs unless marked critical.
 */
export const KNOWN_CAA_TAGS: readonly string[] = Object.freeze([
  'issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuemail', 'issuevmc',
]);

/** RFC 8659 §4.1.1: a tag is 1–15 ASCII letters and digits. */
const TAG = /^[A-Za-z0-9]{1,15}$/;
/** RFC 8659 §4.2 `label` (letters/digits, inner hyphens) and `issuer-domain-name`. */
const LABEL = '[A-Za-z0-9](?:-*[A-Za-z0-9])*';
const ISSUER_DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
/** RFC 8659 §4.2 `parameter = tag *WSP "=" *WSP value`, value = *(%x21-3A / %x3C-7E). */
const PARAMETER = new RegExp(`^(${LABEL})[ \\t]*=[ \\t]*([\\x21-\\x3A\\x3C-\\x7E]*)$`);

const trimWsp = (s: string) => s.replace(/^[ \t]+|[ \t]+$/g, '');

/** One CAA record in zone-file presentation: `0 issue "letsencrypt.org"`. */
export function formatCaa(r: CaaData): string {
  return `${r.flags} ${r.tag} "${r.value}"`;
}

export type IssueValue =
  | { ok: true; issuer?: string; parameters: Record<string, string> }
  | { ok: false; reason: string };

/**
 * Parses an `issue` / `issuewild` value (RFC 8659 §4.2). An empty issuer (`";"`) is valid and
 * means "no CA". Empty parameter slots (a trailing `;`) are tolerated, as CAs do.
 */
export function parseIssueValue(value: string): IssueValue {
  const semi = value.indexOf(';');
  const head = trimWsp(semi < 0 ? value : value.slice(0, semi));
  if (head !== '' && !ISSUER_DOMAIN.test(head)) {
    return { ok: false, reason: `"${head}" is not an issuer domain name (letters, digits, hyphens and dots, no trailing dot)` };
  }
  const parameters: Record<string, string> = {};
  if (semi >= 0) {
    for (const part of value.slice(semi + 1).split(';')) {
      const p = trimWsp(part);
      if (p === '') continue;
      const m = PARAMETER.exec(p);
      if (!m) return { ok: false, reason: `parameter "${p}" is not tag=value` };
      parameters[m[1].toLowerCase()] = m[2];
    }
  }
  return { ok: true, issuer: head === '' ? undefined : head.toLowerCase(), parameters };
}

/** RFC 8659 §4.4: an iodef URL is mailto:, http: or https:. */
function validIodef(value: string): boolean {
  try {
    return ['mailto:', 'http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export interface CaaProblem {
  record: string;
  reason: string;
  /** True when the record stops every CA from issuing (a critical property no CA recognises). */
  blocksIssuance: boolean;
}

/** What a CAA RRset allows, in plain terms. */
export interface CaaPolicy {
  records: string[];
  /** Whether any issue/issuewild property is present (only those restrict issuance). */
  restricts: boolean;
  /** Issuer domains allowed by valid `issue` properties. */
  issue: string[];
  /** Issuer domains allowed by valid `issuewild` properties (`issue` applies to wildcards when absent). */
  issuewild: string[];
  iodef: string[];
  /** Issue properties exist but none names a CA: no certificate can be issued (RFC 8659 §4.2). */
  forbidsAll: boolean;
  problems: CaaProblem[];
}

/** Reads one CAA RRset: allowed CAs, reporting addresses and malformed records. */
export function readCaaPolicy(records: readonly CaaData[]): CaaPolicy {
  const policy: CaaPolicy = { records: records.map(formatCaa), restricts: false, issue: [], issuewild: [], iodef: [], forbidsAll: false, problems: [] };
  for (const r of records) {
    const record = formatCaa(r);
    // RFC 8659 §4.1: tags compare case-insensitively.
    const tag = r.tag.toLowerCase();
    const critical = (r.flags & ISSUER_CRITICAL) !== 0;
    if (!TAG.test(r.tag)) {
      policy.problems.push({ record, reason: `tag "${r.tag}" is not 1–15 letters and digits`, blocksIssuance: critical });
      continue;
    }
    if (!KNOWN_CAA_TAGS.includes(tag)) {
      // RFC 8659 §4.1: a CA MUST NOT issue when a critical property's tag is unknown to it.
      if (critical) policy.problems.push({ record, reason: `unknown tag "${r.tag}" marked critical (flag 128): no CA may issue`, blocksIssuance: true });
      continue;
    }
    if (tag === 'issue' || tag === 'issuewild') {
      policy.restricts = true;
      const parsed = parseIssueValue(r.value);
      if (!parsed.ok) {
        policy.problems.push({ record, reason: parsed.reason, blocksIssuance: false });
        continue;
      }
      if (parsed.issuer) policy[tag].push(parsed.issuer);
    } else if (tag === 'iodef') {
      if (validIodef(r.value)) policy.iodef.push(r.value);
      else policy.problems.push({ record, reason: `iodef "${r.value}" is not a mailto:, http: or https: URL`, blocksIssuance: false });
    }
  }
  policy.issue = [...new Set(policy.issue)];
  policy.issuewild = [...new Set(policy.issuewild)];
  const hasIssue = records.some((r) => r.tag.toLowerCase() === 'issue');
  // Without issue tags, issuewild alone leaves non-wildcard issuance open, so only issue counts here.
  policy.forbidsAll = hasIssue && policy.issue.length === 0;
  return policy;
}

/**
 * RFC 8659 §3: the names whose CAA RRset may govern `fqdn`, from `fqdn` up to `stopAt`
 * inclusive (the registrable domain: the public suffix above it is never consulted here).
 * A name outside `stopAt` yields only itself.
 */
export function caaSearchNames(fqdn: string, stopAt: string): string[] {
  const start = normalizeHostName(fqdn);
  const stop = normalizeHostName(stopAt);
  if (!isWithin(start, stop)) return [start];
  const labels = start.split('.');
  const depth = labels.length - stop.split('.').length;
  return Array.from({ length: depth + 1 }, (_, i) => labels.slice(i).join('.'));
}
