import { describe, expect, it } from 'vitest';
import { cssUrls } from './css-urls.js';

describe('cssUrls', () => {
  it.each([
    { name: 'unquoted url()', css: 'body{background:url(http://x.test/a.png)}', want: [{ kind: 'url', url: 'http://x.test/a.png' }] },
    { name: 'quoted, spaced', css: "div { background-image: URL( 'http://x.test/b.png' ) }", want: [{ kind: 'url', url: 'http://x.test/b.png' }] },
    { name: 'double-quoted with a paren', css: 'a{b:url("x(1).png")}', want: [{ kind: 'url', url: 'x(1).png' }] },
    { name: '@import string', css: '@import "http://x.test/a.css";', want: [{ kind: 'import', url: 'http://x.test/a.css' }] },
    { name: '@import url()', css: "@import url('http://x.test/a.css') screen;", want: [{ kind: 'import', url: 'http://x.test/a.css' }] },
    {
      name: '@font-face src',
      css: "@font-face{font-family:X;src:url(http://f.test/x.woff2) format('woff2'),url(/x.woff)} p{background:url(/p.png)}",
      want: [{ kind: 'font', url: 'http://f.test/x.woff2' }, { kind: 'font', url: '/x.woff' }, { kind: 'url', url: '/p.png' }],
    },
    { name: 'commented out', css: '/* background:url(http://x.test/old.png) */ a{color:red}', want: [] },
    { name: 'empty url()', css: 'a{b:url()}', want: [] },
    { name: 'escaped paren', css: 'a{b:url(x\\).png)}', want: [{ kind: 'url', url: 'x).png' }] },
    { name: 'several', css: 'a{b:url(1.png)}c{d:url(2.png)}', want: [{ kind: 'url', url: '1.png' }, { kind: 'url', url: '2.png' }] },
  ])('$name', ({ css, want }) => {
    expect(cssUrls(css)).toEqual(want);
  });
});
