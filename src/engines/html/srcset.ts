/**
 * The URLs of a `srcset` attribute, following the HTML "parse a srcset attribute" algorithm
 * (WHATWG HTML §4.8.4.3.10) closely enough for auditing: candidates are separated by commas, a
 * URL runs until whitespace, and descriptors may hold commas inside parentheses.
 */

const WHITESPACE = /[\t\n\f\r ]/;

/** Every candidate URL of `value`, as written (unresolved), in order. */
export function parseSrcset(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const n = value.length;
  // Bounded by the input length: every branch advances `i`.
  while (i < n) {
    while (i < n && (WHITESPACE.test(value[i]) || value[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !WHITESPACE.test(value[i])) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) {
      // "a.png,b.png": a URL ending in commas has no descriptors (the spec strips the commas).
      url = url.replace(/,+$/, '');
      if (url) urls.push(url);
      continue;
    }
    urls.push(url);
    // Skip descriptors up to the next comma outside parentheses.
    let depth = 0;
    while (i < n) {
      const c = value[i];
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) break;
      i++;
    }
  }
  return urls;
}
