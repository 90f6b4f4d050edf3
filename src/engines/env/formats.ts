/**
 * One validator per env schema `format`. A validator answers what was expected when the value
 * does not fit, never echoing the value: the caller decides whether a value may be shown.
 */
import { isIP } from 'node:net';
import { parseDuration } from '../../config/duration.js';
import type { EnvFormat, EnvVarSchema } from '../../config/types.js';

/** What a format expects, in words (the `expected` half of every message). */
export const FORMAT_EXPECTATION: Readonly<Record<EnvFormat, string>> = Object.freeze({
  url: 'an absolute URL (scheme://host…)',
  email: 'an e-mail address (name@domain)',
  host: 'a host name or IP address, without scheme or port',
  port: 'a port number (1–65535)',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true/false, 1/0, yes/no, on/off)',
  enum: 'one of the listed values',
  json: 'valid JSON',
  duration: 'a duration (500ms, 60s, 5m, 2h, 30d)',
  regex: 'a valid regular expression',
  string: 'text',
});

/** Words accepted as booleans; what most config libraries (and shells) accept. */
const BOOLEAN_WORDS: ReadonlySet<string> = new Set(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']);

// RFC 1123 labels: letters, digits and hyphens, no leading/trailing hyphen, 63 octets at most.
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
// Deliberately simple (the HTML living standard's pragmatic form, not RFC 5322's full grammar):
// a local part without spaces or @, and a dotted domain.
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+$/;
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** True for a DNS host name (labels, optionally fully qualified) or an IPv4/IPv6 literal. */
export function isHostName(value: string): boolean {
  if (isIP(value) || isIP(value.replace(/^\[(.*)\]$/, '$1'))) return true;
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (!name || name.length > 253) return false;
  return name.split('.').every((label) => HOST_LABEL.test(label));
}

/** True when `value` parses as an absolute URL with a scheme and, for network schemes, a host. */
export function isAbsoluteUrl(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  // `scheme://` promises an authority: an empty host there is a typo (`postgres:///db` aside,
  // which names a local socket and is accepted).
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !url.host && !/^[a-z][a-z0-9+.-]*:\/\/\//i.test(value)) return false;
  // WHATWG parsing forgives `http:///x` (host "x"); as written it is a typo, not a URL.
  if (/^(https?|wss?|ftp):\/\/\//i.test(value)) return false;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return false;
  return true;
}

/**
 * Checks `value` against the variable's `format` (and its `enum` and `pattern`).
 * Returns undefined when it fits, otherwise a problem kind and the expectation in words.
 */
export function checkFormat(
  value: string,
  rule: EnvVarSchema,
): { kind: 'format' | 'enum' | 'pattern'; expected: string } | undefined {
  const format = rule.format ?? (rule.enum ? 'enum' : 'string');
  const fits = (ok: boolean) => (ok ? undefined : { kind: 'format' as const, expected: FORMAT_EXPECTATION[format] });
  let verdict: ReturnType<typeof checkFormat>;
  switch (format) {
    case 'url':
      verdict = fits(isAbsoluteUrl(value));
      break;
    case 'email':
      verdict = fits(EMAIL.test(value) && isHostName(value.slice(value.lastIndexOf('@') + 1)) && value.includes('.', value.lastIndexOf('@')));
      break;
    case 'host':
      verdict = fits(isHostName(value));
      break;
    case 'port':
      verdict = fits(INTEGER.test(value) && Number(value) >= 1 && Number(value) <= 65535 && !value.startsWith('+'));
      break;
    case 'integer':
      verdict = fits(INTEGER.test(value) && Number.isSafeInteger(Number(value)));
      break;
    case 'number':
      verdict = fits(NUMBER.test(value) && Number.isFinite(Number(value)));
      break;
    case 'boolean':
      verdict = fits(BOOLEAN_WORDS.has(value.toLowerCase()));
      break;
    case 'json':
      verdict = fits(parses(() => JSON.parse(value)));
      break;
    case 'duration':
      verdict = fits(parses(() => parseDuration(value)));
      break;
    case 'regex':
      // With a `pattern` the value must match it (below); alone, the value must compile.
      verdict = rule.pattern ? undefined : fits(parses(() => new RegExp(value)));
      break;
    case 'enum':
    case 'string':
      verdict = undefined;
      break;
  }
  if (verdict) return verdict;
  if (rule.enum && !rule.enum.includes(value)) return { kind: 'enum', expected: `one of ${rule.enum.join(', ')}` };
  if (rule.pattern !== undefined) {
    // JSON-Schema semantics: the pattern is searched, not anchored; write ^…$ to anchor it.
    const re = compile(rule.pattern);
    if (re && !re.test(value)) return { kind: 'pattern', expected: `a value matching /${rule.pattern}/` };
  }
  return undefined;
}

/** The compiled `pattern`, or undefined when it does not compile (a schema problem). */
export function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function parses(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}
