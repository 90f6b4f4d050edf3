/**
 * The SPF record parser (RFC 7208 §4.6, §5, §6, §7.1, §12 ABNF). Every term keeps its start and
 * end offset in the record, so a syntax error can point at the bad term. RFC 7208 §4.6: "if
 * there are any syntax errors anywhere in the record, check_host() returns permerror" — the
 * parser therefore reads the whole record and collects every error rather than stopping early.
 */
import { parseIpv4, parseIpv6 } from './ip.js';
import { type MacroToken, tokenizeDomainSpec, tokenizeMacroString } from './macro.js';

export type Qualifier = '+' | '-' | '~' | '?';
export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

/** Mechanisms and modifiers that cost a DNS look-up (RFC 7208 §4.6.4). */
export const DNS_MECHANISMS: ReadonlySet<MechanismName> = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

interface TermPosition {
  /** The term as written. */
  text: string;
  /** Offset of its first character in the record. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

export interface SpfMechanism extends TermPosition {
  kind: 'mechanism';
  name: MechanismName;
  /** `+` when none was written (RFC 7208 §4.6.2). */
  qualifier: Qualifier;
  /** The `domain-spec` as written (include, exists; optional for a, mx, ptr). */
  domainSpec?: string;
  domainTokens?: MacroToken[];
  /** a/mx: ip4-cidr-length (default 32); ip4/ip6: the network's prefix. */
  cidr4?: number;
  /** a/mx: ip6-cidr-length (default 128). */
  cidr6?: number;
  /** ip4/ip6: the network address. */
  network?: Uint8Array;
}

export interface SpfModifier extends TermPosition {
  kind: 'modifier';
  /** Lower-case name: `redirect`, `exp` or an unknown modifier's name. */
  name: string;
  value: string;
  tokens: MacroToken[];
}

export type SpfTerm = SpfMechanism | SpfModifier;

export interface SpfSyntaxError {
  message: string;
  /** The offending term as written. */
  term: string;
  start: number;
  end: number;
}

export interface ParsedSpfRecord {
  record: string;
  /** Every well-formed term, in order. */
  terms: SpfTerm[];
  mechanisms: SpfMechanism[];
  redirect?: SpfModifier;
  exp?: SpfModifier;
  /** Empty when the record is valid. */
  errors: SpfSyntaxError[];
}

/** RFC 7208 §4.5: a record starts with exactly "v=spf1" followed by a space or its end (case-insensitive). */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1(?: |$)/i.test(text);
}

const MECHANISM = /^([+\-~?]?)(all|include|a|mx|ptr|ip4|ip6|exists)(?=$|[:/])(.*)$/is;
/** RFC 7208 §12: `name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )`, then "=". */
const MODIFIER = /^([a-z][a-z0-9_.-]*)=(.*)$/is;
const IP4_CIDR = /^(?:0|[1-9]\d?)$/;
const IP6_CIDR = /^(?:0|[1-9]\d{0,2})$/;

type TermOutcome = { term: SpfTerm } | { error: string };

function cidrValue(digits: string, family: 4 | 6): number | undefined {
  // §5.6: no leading zeros; ip4 at most 32, ip6 at most 128.
  if (!(family === 4 ? IP4_CIDR : IP6_CIDR).test(digits)) return undefined;
  const n = Number(digits);
  return n <= (family === 4 ? 32 : 128) ? n : undefined;
}

function parseDomainArg(spec: string): { tokens: MacroToken[] } | { error: string } {
  const t = tokenizeDomainSpec(spec);
  return t.ok ? { tokens: t.tokens } : { error: t.error };
}

function parseModifier(pos: TermPosition, name: string, value: string): TermOutcome {
  const lower = name.toLowerCase();
  if (lower === 'redirect' || lower === 'exp') {
    // §6.1, §6.2: both take a domain-spec; an empty or malformed one is a syntax error, not
    // an unknown modifier (the suite's "redirect-syntax-error", "exp-empty-domain").
    const d = parseDomainArg(value);
    if ('error' in d) return { error: `${lower}=: ${d.error}` };
    return { term: { kind: 'modifier', ...pos, name: lower, value, tokens: d.tokens } };
  }
  const t = tokenizeMacroString(value, 'modifier');
  if (!t.ok) return { error: `modifier ${name}=: ${t.error}` };
  return { term: { kind: 'modifier', ...pos, name: lower, value, tokens: t.tokens } };
}

function parseNetwork(pos: TermPosition, qualifier: Qualifier, name: 'ip4' | 'ip6', rest: string): TermOutcome {
  const family = name === 'ip4' ? 4 : 6;
  const m = /^:([^/]*)(?:\/(\d+))?$/.exec(rest);
  if (!m) return { error: `${name} expects ":" then an address and an optional "/prefix"` };
  const network = family === 4 ? parseIpv4(m[1]) : parseIpv6(m[1]);
  if (!network) return { error: `"${m[1]}" is not an IPv${family} address` };
  const prefix = m[2] === undefined ? (family === 4 ? 32 : 128) : cidrValue(m[2], family);
  if (prefix === undefined) return { error: `"/${m[2]}" is not a valid IPv${family} prefix length` };
  return { term: { kind: 'mechanism', ...pos, name, qualifier, network, cidr4: prefix } };
}

function parseMechanism(pos: TermPosition, qualifier: Qualifier, name: MechanismName, rest: string): TermOutcome {
  const base = { kind: 'mechanism' as const, ...pos, name, qualifier };
  switch (name) {
    case 'all':
      return rest === '' ? { term: base } : { error: '"all" takes no argument' };
    case 'include':
    case 'exists': {
      if (!rest.startsWith(':')) return { error: `${name} needs ":" and a domain` };
      const d = parseDomainArg(rest.slice(1));
      if ('error' in d) return { error: `${name}: ${d.error}` };
      return { term: { ...base, domainSpec: rest.slice(1), domainTokens: d.tokens } };
    }
    case 'ptr': {
      if (rest === '') return { term: base };
      if (!rest.startsWith(':')) return { error: 'ptr takes ":" and a domain, and no prefix length' };
      const d = parseDomainArg(rest.slice(1));
      if ('error' in d) return { error: `ptr: ${d.error}` };
      return { term: { ...base, domainSpec: rest.slice(1), domainTokens: d.tokens } };
    }
    case 'a':
    case 'mx': {
      // [ ":" domain-spec ] [ "/" ip4-cidr ] [ "//" ip6-cidr ], the lengths peeled off the end.
      const m = /^(.*?)(?:\/(\d+))?(?:\/\/(\d+))?$/s.exec(rest) as RegExpExecArray;
      const [, head, c4, c6] = m;
      const cidr4 = c4 === undefined ? 32 : cidrValue(c4, 4);
      const cidr6 = c6 === undefined ? 128 : cidrValue(c6, 6);
      if (cidr4 === undefined) return { error: `"/${c4}" is not a valid IPv4 prefix length` };
      if (cidr6 === undefined) return { error: `"//${c6}" is not a valid IPv6 prefix length` };
      if (head === '') return { term: { ...base, cidr4, cidr6 } };
      if (!head.startsWith(':')) return { error: `unexpected "${head}" after ${name}` };
      const d = parseDomainArg(head.slice(1));
      if ('error' in d) return { error: `${name}: ${d.error}` };
      return { term: { ...base, domainSpec: head.slice(1), domainTokens: d.tokens, cidr4, cidr6 } };
    }
    default:
      return parseNetwork(pos, qualifier, name, rest);
  }
}

function parseTerm(pos: TermPosition): TermOutcome {
  const mod = MODIFIER.exec(pos.text);
  if (mod) return parseModifier(pos, mod[1], mod[2]);
  const mech = MECHANISM.exec(pos.text);
  if (!mech) {
    return { error: `"${pos.text}" is neither a mechanism (all, include, a, mx, ptr, ip4, ip6, exists) nor a modifier (name=value)` };
  }
  return parseMechanism(pos, (mech[1] || '+') as Qualifier, mech[2].toLowerCase() as MechanismName, mech[3]);
}

/**
 * Parses one SPF record (the text after the TXT strings are joined). The version must be
 * present; terms are separated by one or more spaces only (§4.6.1: other whitespace or control
 * characters make a term invalid).
 */
export function parseSpfRecord(record: string): ParsedSpfRecord {
  const parsed: ParsedSpfRecord = { record, terms: [], mechanisms: [], errors: [] };
  if (!isSpfRecord(record)) {
    parsed.errors.push({ message: 'the record does not start with "v=spf1"', term: record.slice(0, 8), start: 0, end: Math.min(record.length, 8) });
    return parsed;
  }
  const re = /[^ ]+/g;
  re.lastIndex = 6;
  for (let m = re.exec(record); m; m = re.exec(record)) {
    const pos = { text: m[0], start: m.index, end: m.index + m[0].length };
    const outcome = parseTerm(pos);
    if ('error' in outcome) {
      parsed.errors.push({ message: outcome.error, term: pos.text, start: pos.start, end: pos.end });
      continue;
    }
    const term = outcome.term;
    if (term.kind === 'modifier' && (term.name === 'redirect' || term.name === 'exp')) {
      // RFC 7208 §6: each "MUST NOT appear in a record more than once".
      if (parsed[term.name]) {
        parsed.errors.push({ message: `${term.name}= appears more than once`, term: pos.text, start: pos.start, end: pos.end });
        continue;
      }
      parsed[term.name] = term;
    }
    parsed.terms.push(term);
    if (term.kind === 'mechanism') parsed.mechanisms.push(term);
  }
  return parsed;
}
