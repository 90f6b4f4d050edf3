/**
 * A Strict-Transport-Security parser that follows RFC 6797 §6.1 the way browsers apply it:
 * directive names are case-insensitive, values are tokens or quoted strings, every directive may
 * appear once only, `max-age` is required and is 1*DIGIT, `includeSubDomains` takes no value,
 * unknown directives (such as the de-facto `preload`) are allowed. A header that breaks any of
 * these is ignored entirely by the browser (§8.1), which is why "invalid" is a finding of its own.
 */

export interface HstsPolicy {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
  /** Lower-cased directive names in order of appearance. */
  directives: string[];
}

export type HstsParse = { ok: true; policy: HstsPolicy } | { ok: false; reason: string };

// RFC 9110 §5.6.2 tchar.
const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const OWS = /[ \t]/;

/**
 * Splits repeated header fields that the HTTP client joined with ", " (commas are not allowed in
 * the STS grammar outside quoted strings). RFC 6797 §8.1: only the first field is processed.
 */
export function splitHeaderFields(value: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quoted && c === '\\' && i + 1 < value.length) {
      current += c + value[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      fields.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  fields.push(current.trim());
  return fields;
}

/** Parses one Strict-Transport-Security field value. */
export function parseHsts(value: string): HstsParse {
  const seen = new Map<string, string | undefined>();
  const directives: string[] = [];
  let i = 0;
  const n = value.length;
  const skipOws = () => {
    while (i < n && OWS.test(value[i])) i++;
  };
  const token = (): string => {
    const start = i;
    while (i < n && TCHAR.test(value[i])) i++;
    return value.slice(start, i);
  };
  // Every branch advances `i` or returns: the loop is bounded by the input length.
  while (i < n) {
    skipOws();
    if (i >= n) break;
    if (value[i] === ';') {
      i++; // empty directives are allowed: [ directive ] *( ";" [ directive ] )
      continue;
    }
    const name = token();
    if (!name) return { ok: false, reason: `unexpected "${value[i]}" at position ${i + 1}` };
    skipOws();
    let directiveValue: string | undefined;
    if (value[i] === '=') {
      i++;
      skipOws();
      if (value[i] === '"') {
        i++;
        let text = '';
        while (i < n && value[i] !== '"') {
          if (value[i] === '\\' && i + 1 < n) i++;
          text += value[i++];
        }
        if (i >= n) return { ok: false, reason: `unterminated quoted value of ${name}` };
        i++;
        directiveValue = text;
      } else {
        directiveValue = token();
        if (!directiveValue) return { ok: false, reason: `${name} has an empty value` };
      }
      skipOws();
    }
    if (i < n && value[i] !== ';') return { ok: false, reason: `unexpected "${value[i]}" after ${name}` };
    const key = name.toLowerCase();
    // §6.1 item 2: all directives MUST appear only once in an STS header field.
    if (seen.has(key)) return { ok: false, reason: `${name} appears twice` };
    seen.set(key, directiveValue);
    directives.push(key);
  }

  if (!seen.has('max-age')) return { ok: false, reason: 'max-age is missing' };
  const maxAge = seen.get('max-age');
  // §6.1.1: max-age = delta-seconds = 1*DIGIT (quoted allowed).
  if (maxAge === undefined || !/^\d+$/.test(maxAge)) return { ok: false, reason: `max-age "${maxAge ?? ''}" is not a number of seconds` };
  if (seen.has('includesubdomains') && seen.get('includesubdomains') !== undefined) {
    return { ok: false, reason: 'includeSubDomains takes no value' };
  }
  return {
    ok: true,
    policy: { maxAge: Number(maxAge), includeSubDomains: seen.has('includesubdomains'), preload: seen.has('preload'), directives },
  };
}
