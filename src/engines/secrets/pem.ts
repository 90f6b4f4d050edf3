/**
 * Reads the body of a PEM private-key block that starts on one line and continues on the next
 * ones (or on the same line with `\n` escapes, as in a service-account JSON). A block is only a
 * finding when at least 64 base-64 characters follow: code that merely names the header
 * (`startsWith('-----BEGIN RSA PRIVATE KEY-----')`) has none.
 */

/** A body line once quotes, `\n` escapes and string concatenation are stripped. */
const BASE64_LINE = /^[A-Za-z0-9+/=]{1,128}$/;
/** RFC 1421 headers of encrypted legacy keys, PGP armor headers. */
const HEADER_LINE = /^[A-Za-z-]+: /;
const MAX_LINES = 200;
const MIN_BODY = 64;

/** Strips what wraps a body line in source code: quotes, `\n`, `+`/`,` of concatenation. */
function unwrap(line: string): string {
  return line
    .replace(/\\[nr]/g, '')
    .trim()
    .replace(/^(?:\+\s+)?["'\x60]/, '')
    .replace(/["'\x60]\s*(?:\+|,|;|\))*\s*$/, '')
    .trim();
}

/**
 * The base-64 body after a BEGIN marker, or undefined when there is none.
 * @param text    the scanned text
 * @param from    offset just after the BEGIN marker
 * @param lineEnd offset of the end of the marker's line
 * @param prefix  characters to drop at the start of each following line (1 in a patch: `+`);
 *                in a patch a line without that `+` ends the block
 */
export function readPemBody(text: string, from: number, lineEnd: number, prefix: number): string | undefined {
  const rest = text.slice(from, lineEnd);
  const endHere = rest.indexOf('-----END');
  if (endHere >= 0 || /\\n/.test(rest)) {
    const body = (endHere >= 0 ? rest.slice(0, endHere) : rest).replace(/\\[nr]/g, '').replace(/[^A-Za-z0-9+/=]/g, '');
    return body.length >= MIN_BODY ? body : undefined;
  }
  // Anything but quotes after the marker means the block is not written out here.
  if (unwrap(rest) !== '') return undefined;
  const parts: string[] = [];
  let p = lineEnd + 1;
  for (let i = 0; i < MAX_LINES && p < text.length; i++) {
    let e = text.indexOf('\n', p);
    if (e < 0) e = text.length;
    if (prefix > 0 && text.charCodeAt(p) !== 0x2b /* + */) break;
    const raw = text.slice(p + prefix, e);
    p = e + 1;
    const endAt = raw.indexOf('-----END');
    const line = unwrap(endAt >= 0 ? raw.slice(0, endAt) : raw);
    if (line !== '') {
      if (HEADER_LINE.test(line) && parts.length === 0) continue;
      if (!BASE64_LINE.test(line)) break;
      parts.push(line);
    } else if (parts.length > 0 && endAt < 0) {
      break;
    }
    if (endAt >= 0) break;
  }
  const body = parts.join('');
  return body.length >= MIN_BODY ? body : undefined;
}
