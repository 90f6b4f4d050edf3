/**
 * Escaping for every output format. Results carry text from hostile servers (headers, page
 * titles, DNS TXT records), so nothing reaches a terminal, a page or an XML parser unescaped.
 */

/*
 * C0 and C1 controls (except tab and newline), plus the bidirectional overrides behind
 * "Trojan Source" (CVE-2021-42574): in a terminal they can rewrite what the user sees, and
 * XML 1.0 cannot carry most of them at all, not even as character references.
 */
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/* Lone surrogates and the noncharacters U+FFFE/U+FFFF are not XML 1.0 `Char`s (§2.2). */
const NOT_XML_CHAR = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Makes control and bidi characters visible as `\u001B` so they cannot act on the reader. */
export function visible(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(INVISIBLE, hex4).replace(NOT_XML_CHAR, '\uFFFD');
}

/** Text for HTML element content and (double- or single-quoted) attribute values. */
export function escapeHtml(s: string): string {
  return visible(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text for XML element content. */
export function escapeXml(s: string): string {
  return escapeHtml(s).replace(/&#39;/g, '&apos;');
}

/**
 * Text for an XML attribute value: newlines and tabs become character references, because
 * attribute-value normalisation (XML 1.0 §3.3.3) would otherwise turn them into spaces.
 */
export function escapeXmlAttr(s: string): string {
  return escapeXml(s).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * Text for one Markdown table cell: inline syntax is backslash-escaped, HTML is entity-escaped
 * (renderers pass raw HTML through), pipes cannot end the cell, newlines become `<br>`.
 */
export function escapeMarkdownCell(s: string): string {
  return escapeMarkdownInline(s).replace(/\n/g, '<br>');
}

/** Inline Markdown text (a paragraph or list item) with every syntax character neutralised. */
export function escapeMarkdownInline(s: string): string {
  return visible(s)
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
