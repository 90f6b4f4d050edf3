/**
 * SPF macros (RFC 7208 §7): tokenising a macro-string with its syntax rules, and expanding it
 * for one check_host() call. `%{p}` needs DNS, so expansion is async and asks a callback.
 */
import { endsWithTopLabel } from './domain.js';

export type MacroToken =
  | { kind: 'literal'; text: string }
  /** `%%`, `%_`, `%-`: fixed expansions that still count as a `macro-expand` in the grammar. */
  | { kind: 'escape'; text: string }
  | {
      kind: 'macro';
      /** Lower-case macro letter. */
      letter: string;
      /** Upper-case letter in the source: the expansion is URL-escaped (§7.3). */
      escape: boolean;
      /** Keep this many right-hand parts (undefined: all). */
      keep?: number;
      reverse: boolean;
      /** Delimiter characters to split on (default "."). */
      delimiters: string;
    };

/** Letters valid everywhere; `c`, `r`, `t` only in explanation text (§7.2). */
const DOMAIN_LETTERS = 'slodipvh';
const EXP_LETTERS = 'slodipvhcrt';

/** Where a macro-string appears: its rules differ (§7.1, §6.2). */
export type MacroContextKind = 'domain' | 'explanation' | 'modifier';

export type TokenizeResult = { ok: true; tokens: MacroToken[] } | { ok: false; error: string; offset: number };

/**
 * Tokenises `text` as a `macro-string` (`domain`/`modifier`) or an `explain-string`
 * (`explanation`: spaces and the `c`, `r`, `t` letters allowed). Literal characters are the
 * visible ASCII range %x21-7E except `%` (§7.1 `macro-literal`); anything else — controls,
 * non-ASCII — is a syntax error, which is how §3.1 "records are 7-bit ASCII" is enforced.
 */
export function tokenizeMacroString(text: string, kind: MacroContextKind): TokenizeResult {
  const tokens: MacroToken[] = [];
  const letters = kind === 'explanation' ? EXP_LETTERS : DOMAIN_LETTERS;
  let literal = '';
  const flush = () => {
    if (literal) tokens.push({ kind: 'literal', text: literal });
    literal = '';
  };
  let i = 0;
  // Each turn consumes at least one character, so the loop ends.
  while (i < text.length) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (ch !== '%') {
      const visible = code >= 0x21 && code <= 0x7e;
      if (!visible && !(kind === 'explanation' && code === 0x20)) {
        return { ok: false, error: `character ${describeChar(ch)} is not allowed in an SPF record`, offset: i };
      }
      literal += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      flush();
      tokens.push({ kind: 'escape', text: next === '%' ? '%' : next === '_' ? ' ' : '%20' });
      i += 2;
      continue;
    }
    if (next !== '{') {
      return { ok: false, error: `"%" must be followed by "{", "%", "_" or "-" (RFC 7208 §7.1)`, offset: i };
    }
    const close = text.indexOf('}', i + 2);
    if (close < 0) return { ok: false, error: 'macro "%{" is never closed', offset: i };
    const body = text.slice(i + 2, close);
    // macro-letter transformers *delimiter: `%{ir}`, `%{d2}`, `%{l2r-+}`.
    const m = /^([a-z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
    if (!m || !letters.includes(m[1].toLowerCase())) {
      const where = m && EXP_LETTERS.includes(m[1].toLowerCase()) ? ' (only allowed in explanation text)' : '';
      return { ok: false, error: `invalid macro "%{${body}}"${where}`, offset: i };
    }
    // §7.3: "If a DIGIT is specified, the value MUST be nonzero."
    if (m[2] !== '' && Number(m[2]) === 0) return { ok: false, error: `macro "%{${body}}" keeps zero parts`, offset: i };
    flush();
    tokens.push({
      kind: 'macro',
      letter: m[1].toLowerCase(),
      escape: m[1] !== m[1].toLowerCase(),
      keep: m[2] === '' ? undefined : Math.min(Number(m[2]), 1000),
      reverse: m[3] !== '',
      delimiters: m[4] || '.',
    });
    i = close + 1;
  }
  flush();
  return { ok: true, tokens };
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x21 && code <= 0x7e ? `"${ch}"` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Checks a `domain-spec` (RFC 7208 §7.1): a macro-string ending in a macro-expand or in
 * `"." toplabel [ "." ]`. Returns its tokens or the reason it is not one.
 */
export function tokenizeDomainSpec(text: string): TokenizeResult {
  if (text === '') return { ok: false, error: 'empty domain-spec', offset: 0 };
  const t = tokenizeMacroString(text, 'domain');
  if (!t.ok) return t;
  const last = t.tokens[t.tokens.length - 1];
  if (last.kind === 'literal' && !endsWithTopLabel(last.text)) {
    return {
      ok: false,
      error: `"${text}" does not end in a valid top-level label (RFC 7208 §7.1: not all-numeric, no ":" or "/")`,
      offset: text.length - last.text.length,
    };
  }
  return t;
}

/** Values the macro letters expand to for one check_host() call (§7.3). */
export interface MacroValues {
  /** `s`: the sender (`local@domain`). */
  sender: string;
  /** `l`: the sender's local part. */
  local: string;
  /** `o`: the sender's domain. */
  senderDomain: string;
  /** `d`: the current domain (changes through include and redirect). */
  domain: string;
  /** `i`: dotted IPv4 or dot-separated IPv6 nibbles. */
  ipDotted: string;
  /** `c`: readable IP. */
  ipReadable: string;
  /** `v`: `in-addr` or `ip6`. */
  ipVersionLabel: string;
  /** `h`: HELO/EHLO name. */
  helo: string;
  /** `r`: the checking host's name (§7.3: "unknown" when not available). */
  receiver: string;
  /** `t`: seconds since the epoch. */
  timestamp: number;
  /** `p`: the validated domain name of the client (needs DNS; called at most once per need). */
  validatedName(): Promise<string>;
}

/** RFC 3986 `unreserved`; everything else is escaped by an upper-case macro letter (§7.3). */
function urlEscape(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

async function letterValue(letter: string, v: MacroValues): Promise<string> {
  switch (letter) {
    case 's': return v.sender;
    case 'l': return v.local;
    case 'o': return v.senderDomain;
    case 'd': return v.domain;
    case 'i': return v.ipDotted;
    case 'c': return v.ipReadable;
    case 'v': return v.ipVersionLabel;
    case 'h': return v.helo;
    case 'r': return v.receiver;
    case 't': return String(v.timestamp);
    case 'p': return v.validatedName();
    default: throw new Error(`unknown macro letter ${letter}`);
  }
}

/**
 * Expands tokens (§7.3): split on the delimiters, reverse if asked, keep the right-hand parts,
 * join with "."; upper-case letters are URL-escaped afterwards.
 */
export async function expandTokens(tokens: readonly MacroToken[], values: MacroValues): Promise<string> {
  let out = '';
  for (const t of tokens) {
    if (t.kind !== 'macro') {
      out += t.text;
      continue;
    }
    const raw = await letterValue(t.letter, values);
    const splitter = new RegExp(`[${t.delimiters.replace(/[-\\\]^/]/g, '\\$&')}]`);
    let parts = raw.split(splitter);
    if (t.reverse) parts = parts.reverse();
    if (t.keep !== undefined && t.keep < parts.length) parts = parts.slice(parts.length - t.keep);
    const joined = parts.join('.');
    out += t.escape ? urlEscape(joined) : joined;
  }
  return out;
}

