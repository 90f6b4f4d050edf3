import { describe, expect, it } from 'vitest';
import { extractSubresources } from './subresources.js';

const PAGE = 'https://app.test/dir/page.html';
const urls = (html: string, page = PAGE) => extractSubresources(html, page).subresources.map((s) => `${s.tag} ${s.attribute} ${s.kind} ${s.url}`);

describe('extractSubresources', () => {
  it.each([
    { name: 'script src', html: '<script src="http://cdn.test/a.js"></script>', want: ['script src script http://cdn.test/a.js'] },
    { name: 'inline script has no URL', html: '<script>var u = "<img src=http://x.test/a.png>";</script>', want: [] },
    { name: 'stylesheet link', html: '<link rel="stylesheet" href="http://cdn.test/a.css">', want: ['link href stylesheet http://cdn.test/a.css'] },
    { name: 'rel tokens are case-insensitive', html: '<LINK REL="Alternate StyleSheet" HREF="/b.css">', want: ['link href stylesheet https://app.test/b.css'] },
    { name: 'shortcut icon', html: '<link rel="shortcut icon" href="http://x.test/favicon.ico">', want: ['link href icon http://x.test/favicon.ico'] },
    { name: 'canonical link is not fetched', html: '<link rel="canonical" href="http://x.test/">', want: [] },
    { name: 'anchor is not a subresource', html: '<a href="http://x.test/">x</a>', want: [] },
    { name: 'relative img', html: '<img src="logo.png">', want: ['img src image https://app.test/dir/logo.png'] },
    { name: 'protocol-relative', html: '<img src="//img.test/a.png">', want: ['img src image https://img.test/a.png'] },
    { name: 'img srcset', html: '<img src="a.png" srcset="http://x.test/a2.png 2x, b.png 3x">', want: ['img src image https://app.test/dir/a.png', 'img srcset image http://x.test/a2.png', 'img srcset image https://app.test/dir/b.png'] },
    { name: 'picture source', html: '<picture><source srcset="http://x.test/a.webp"><img src="a.png"></picture>', want: ['source srcset image http://x.test/a.webp', 'img src image https://app.test/dir/a.png'] },
    { name: 'video source and poster', html: '<video poster="http://x.test/p.jpg"><source src="http://x.test/v.mp4"></video>', want: ['video poster image http://x.test/p.jpg', 'source src media http://x.test/v.mp4'] },
    { name: 'audio', html: '<audio src="http://x.test/a.mp3"></audio>', want: ['audio src media http://x.test/a.mp3'] },
    { name: 'iframe, object, embed', html: '<iframe src="http://x.test/f"></iframe><object data="http://x.test/o.swf"></object><embed src="http://x.test/e.swf">', want: ['iframe src frame http://x.test/f', 'object data object http://x.test/o.swf', 'embed src embed http://x.test/e.swf'] },
    { name: 'form action and formaction', html: '<form action="http://x.test/login"><button formaction="http://x.test/b">b</button></form>', want: ['form action form http://x.test/login', 'button formaction form http://x.test/b'] },
    { name: 'empty action is the page itself: dropped', html: '<form action=""></form>', want: [] },
    { name: 'style element url()', html: '<style>body{background:url(http://x.test/bg.png)}</style>', want: ['style #text css-url http://x.test/bg.png'] },
    { name: 'style attribute url()', html: '<div style="background: url(&quot;http://x.test/d.png&quot;)"></div>', want: ['div style css-url http://x.test/d.png'] },
    { name: 'entities decoded in attributes', html: '<img src="http&#58;//x.test/e.png">', want: ['img src image http://x.test/e.png'] },
    { name: 'template content is inert', html: '<template><img src="http://x.test/t.png"></template><img src="/ok.png">', want: ['img src image https://app.test/ok.png'] },
    { name: 'noscript content is not fetched by a scripting browser', html: '<noscript><img src="http://x.test/n.png"></noscript>', want: [] },
    { name: 'duplicate attribute: the first wins', html: '<script src="https://a.test/1.js" src="http://a.test/2.js"></script>', want: ['script src script https://a.test/1.js'] },
    { name: 'unresolvable reference dropped', html: '<img src="http://[bad/">', want: [] },
    { name: 'modulepreload', html: '<link rel="modulepreload" href="http://x.test/m.js">', want: ['link href preload http://x.test/m.js'] },
  ])('$name', ({ html, want }) => {
    expect(urls(html)).toEqual(want);
  });

  it('resolves against the first <base href>, wherever it is', () => {
    const html = '<img src="a.png"><base href="http://static.test/assets/"><base href="https://other.test/">';
    const got = extractSubresources(html, PAGE);
    expect(got.baseUrl).toBe('http://static.test/assets/');
    expect(got.subresources.map((s) => s.url)).toEqual(['http://static.test/assets/a.png']);
  });

  it('keeps the preload destination', () => {
    const got = extractSubresources('<link rel=preload as=IMAGE href="http://x.test/i.png">', PAGE);
    expect(got.subresources).toEqual([{ tag: 'link', attribute: 'href', kind: 'preload', as: 'image', url: 'http://x.test/i.png' }]);
  });

  it('collects meta CSP', () => {
    const got = extractSubresources('<meta http-equiv="Content-Security-Policy" content="upgrade-insecure-requests">', PAGE);
    expect(got.metaCsp).toEqual(['upgrade-insecure-requests']);
  });

  it('parses at most maxChars', () => {
    const html = `<img src="http://x.test/1.png">${' '.repeat(100)}<img src="http://x.test/2.png">`;
    const got = extractSubresources(html, PAGE, { maxChars: 60 });
    expect(got.truncated).toBe(true);
    expect(got.subresources.map((s) => s.url)).toEqual(['http://x.test/1.png']);
  });
});
