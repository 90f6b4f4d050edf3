/**
 * The URLs a piece of CSS (a `<style>` element or a `style=""` attribute) makes the browser fetch:
 * `@import`, `url()` inside `@font-face` (fonts) and every other `url()` (images, cursors, masks).
 * A regex scan, not a CSS parser: enough to find absolute `http://` references, which is what
 * audits need; comments are removed first so commented-out rules do not count.
 */

export type CssReferenceKind = 'import' | 'font' | 'url';

export interface CssReference {
  kind: CssReferenceKind;
  /** As written (unresolved), quotes and simple escapes removed. */
  url: string;
}

// CSS Syntax §4.3.6 "consume a url token": quoted or unquoted, whitespace allowed inside the parens.
const URL_FN = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|((?:[^)\s"'\\]|\\.)*))\s*\)/gi;
const IMPORT_RULE = /@import\s+(?:url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|((?:[^)\s"'\\]|\\.)*))\s*\)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/gi;
const FONT_FACE = /@font-face\s*\{[^}]*\}/gi;
const COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/g;

/** Removes backslash escapes of non-hex characters (`\(` → `(`); hex escapes are left alone. */
function unescape(s: string): string {
  return s.replace(/\\([^0-9a-fA-F\n])/g, '$1');
}

function firstGroup(m: RegExpExecArray): string {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return m[i];
  return '';
}

/** Blanks `[start, end)` with spaces so later scans do not see it again (offsets stay valid). */
function blank(s: string, start: number, end: number): string {
  return s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);
}

/** Every fetchable reference in `css`, in the order: imports, fonts, other urls. */
export function cssUrls(css: string): CssReference[] {
  let text = css.replace(COMMENT, (c) => ' '.repeat(c.length));
  const out: CssReference[] = [];
  for (const m of text.matchAll(IMPORT_RULE)) {
    out.push({ kind: 'import', url: unescape(firstGroup(m as RegExpExecArray)).trim() });
    text = blank(text, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(FONT_FACE)) {
    for (const u of m[0].matchAll(URL_FN)) out.push({ kind: 'font', url: unescape(firstGroup(u as RegExpExecArray)).trim() });
    text = blank(text, m.index, m.index + m[0].length);
  }
  for (const u of text.matchAll(URL_FN)) out.push({ kind: 'url', url: unescape(firstGroup(u as RegExpExecArray)).trim() });
  return out.filter((r) => r.url !== '');
}
