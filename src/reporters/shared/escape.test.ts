import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdownCell, escapeXml, escapeXmlAttr, visible } from './escape.js';

describe('visible', () => {
  it.each([
    ['plain text stays', 'app.acme.test → ok', 'app.acme.test → ok'],
    ['BEL and ESC become \\u escapes', 'a\u0007b\u001b[31m', 'a\\u0007b\\u001B[31m'],
    ['DEL and C1 controls', '\u007f\u0085\u009b', '\\u007F\\u0085\\u009B'],
    ['bidi overrides (Trojan Source)', 'x\u202Ey\u2066', 'x\\u202Ey\\u2066'],
    ['tab and newline stay, CRLF becomes LF, lone CR shows', 'a\tb\r\nc\rd', 'a\tb\nc\\u000Dd'],
    ['lone surrogates and U+FFFE', 'a\uD800b\uFFFE', 'a\uFFFDb\uFFFD'],
    ['paired surrogates (emoji) stay', '🚀', '🚀'],
  ])('%s', (_name, input, want) => {
    expect(visible(input)).toBe(want);
  });
});

describe('markup escaping', () => {
  const planted = `<script>alert("x" & 'y')</script>`;
  it.each([
    ['html', escapeHtml, '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;'],
    ['xml', escapeXml, '&lt;script&gt;alert(&quot;x&quot; &amp; &apos;y&apos;)&lt;/script&gt;'],
    ['markdown cell', escapeMarkdownCell, '&lt;script&gt;alert("x" &amp; \'y\')&lt;/script&gt;'],
  ])('%s', (_name, fn, want) => {
    expect(fn(planted)).toBe(want);
  });

  it('keeps newlines in XML attributes', () => {
    expect(escapeXmlAttr('a\nb\tc')).toBe('a&#10;b&#9;c');
  });

  it('neutralises Markdown syntax and table breaks', () => {
    expect(escapeMarkdownCell('a|b\n*c* [d](e) `f` _g_ \\')).toBe('a\\|b<br>\\*c\\* \\[d\\](e) \\`f\\` \\_g\\_ \\\\');
  });
});
