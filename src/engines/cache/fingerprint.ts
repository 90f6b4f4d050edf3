/**
 * Fingerprinted ("cache-busted") static assets: a content hash or build id in the file name, so a
 * new build gets a new URL and the old one can be cached for a year. Recognises the names bundlers
 * produce — webpack/Parcel/Angular/Next.js/Gatsby (hex, `main.3b1c9f0d8e7a.js`,
 * `framework-2c79e2a64abdb08b.js`), Rollup/Vite/Astro/SvelteKit (8 base64url characters,
 * `index-BFy7uH5Y.js`), esbuild/Remix (base32, `chunk-5QXZ2KQW.js`), Rails Sprockets/Propshaft and
 * Hugo (hex after `-` or `.`) — and leaves words, versions and dates-in-words alone.
 */

const HEX = /^[0-9a-f]+$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Whether one token of a file name looks like a hash rather than a word or a version. */
export function looksLikeHash(token: string): boolean {
  if (token.length < 6 || token.length > 64) return false;
  const digits = (token.match(/\d/g) ?? []).length;
  const letters = (token.match(/[A-Za-z]/g) ?? []).length;
  if (HEX.test(token)) {
    // Hex: at least one digit (`deadbeef`-like words aside); short ones need letters too (not `202401`).
    if (token.length >= 8) return digits > 0;
    return digits > 0 && letters > 0;
  }
  if (!BASE64URL.test(token) || token.length < 8 || token.length > 16) return false;
  // `bootstrap4`, `jquery35`, `es2015`, `v20240101`: a word followed (or led) by a number.
  if (/^[A-Za-z]+\d+$/.test(token) || /^\d+[A-Za-z]+$/.test(token)) return false;
  const upper = (token.match(/[A-Z]/g) ?? []).length;
  const lower = (token.match(/[a-z]/g) ?? []).length;
  // base32 (esbuild): upper case and digits.
  if (lower === 0) return upper > 0 && digits > 0;
  // Lower case and digits: digits scattered through it (`a8k2m9x1`), not one number in a word.
  if (upper === 0) return !/-/.test(token) && (token.match(/\d+/g) ?? []).length >= 2;
  // Mixed case: a digit, or three capitals (camelCase words like `mainPage` have one or two).
  return digits > 0 || upper >= 3;
}

/** The hash-looking token of a file name, or undefined: the dot parts and their `-` tails. */
export function fingerprintOf(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, 'https://x.invalid/').pathname;
  } catch {
    return undefined;
  }
  const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  const parts = name.split('.');
  if (parts.length < 2) return undefined;
  // The last part is the extension; the hash sits in one of the others (`main.min.<hash>.css`).
  for (const part of parts.slice(0, -1)) {
    // `framework-2c79e2a64abdb08b`, `index-BFy7uH5Y`, `index-Dq-8hI_a`: the shortest tail after a
    // `-` that looks like a hash, then the whole part (`a1b2c3d4e5f6a7b8`).
    const pieces = part.split('-');
    for (let k = 1; k < pieces.length; k++) {
      const tail = pieces.slice(pieces.length - k).join('-');
      if (tail.length > 16 && !HEX.test(tail)) break;
      if (looksLikeHash(tail)) return tail;
    }
    if (looksLikeHash(part)) return part;
  }
  return undefined;
}
