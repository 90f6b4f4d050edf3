import { describe, expect, it } from 'vitest';
import { NEXTJS, ONETRUST, SHOPIFY, VITE, WORDPRESS } from './__fixtures__/real-pages.js';
import { findPageResources, mediaBlocksScreen, scriptLoading, scriptType } from './page-scripts.js';

const PAGE = 'https://app.example.com/dir/page';
const scripts = (html: string, page = PAGE) => findPageResources(html, page).scripts.map((s) => `${s.url} ${s.loading}${s.renderBlocking ? ' BLOCKS' : ''}`);

describe('findPageResources', () => {
  it.each([
    { name: 'classic script in head blocks', html: '<head><script src="https://cdn.test/a.js"></script></head><body><p>x</p></body>', want: ['https://cdn.test/a.js blocking BLOCKS'] },
    { name: 'async', html: '<head><script async src="/a.js"></script></head>', want: ['https://app.example.com/a.js async'] },
    { name: 'defer', html: '<head><script defer src="a.js"></script></head>', want: ['https://app.example.com/dir/a.js defer'] },
    { name: 'async and defer: async wins', html: '<script async defer src="/a.js"></script>', want: ['https://app.example.com/a.js async'] },
    { name: 'module is deferred', html: '<script type="module" src="/m.js"></script>', want: ['https://app.example.com/m.js module'] },
    { name: 'async module', html: '<script type="module" async src="/m.js"></script>', want: ['https://app.example.com/m.js module-async'] },
    { name: 'defer on a module changes nothing', html: '<script type="module" defer src="/m.js"></script>', want: ['https://app.example.com/m.js module'] },
    { name: 'nomodule is skipped by modern browsers', html: '<script nomodule src="/legacy.js"></script>', want: [] },
    { name: 'JSON data block never runs', html: '<script type="application/json" src="/d.json"></script>', want: [] },
    { name: 'text/javascript with charset is classic', html: '<script type="text/javascript; charset=utf-8" src="/c.js"></script>', want: ['https://app.example.com/c.js blocking BLOCKS'] },
    { name: 'upper-case attributes', html: '<SCRIPT SRC="/u.js" ASYNC></SCRIPT>', want: ['https://app.example.com/u.js async'] },
    { name: 'blocking="render" blocks even async', html: '<script async blocking="render" src="/r.js"></script>', want: ['https://app.example.com/r.js async BLOCKS'] },
    { name: 'after body content: parser-blocking, not paint-blocking', html: '<body><h1>Hi</h1><script src="https://cdn.test/late.js"></script></body>', want: ['https://cdn.test/late.js blocking'] },
    { name: 'in body before any content still blocks', html: '<body>\n  <script src="https://cdn.test/early.js"></script><main>x</main></body>', want: ['https://cdn.test/early.js blocking BLOCKS'] },
    { name: 'no head or body tags: before text', html: '<script src="/a.js"></script>Hello<script src="/b.js"></script>', want: ['https://app.example.com/a.js blocking BLOCKS', 'https://app.example.com/b.js blocking'] },
    { name: 'title text is not content', html: '<title>Hi</title><script src="/a.js"></script>', want: ['https://app.example.com/a.js blocking BLOCKS'] },
    { name: 'an element in head closes it', html: '<head><div>x</div><script src="/a.js"></script></head>', want: ['https://app.example.com/a.js blocking'] },
    { name: 'inert template and noscript', html: '<template><script src="/t.js"></script></template><noscript><script src="/n.js"></script></noscript>', want: [] },
    { name: 'the same URL twice is listed once', html: '<script src="/a.js"></script><script src="/a.js" async></script>', want: ['https://app.example.com/a.js blocking BLOCKS'] },
    { name: 'protocol-relative', html: '<script src="//cdn.test/p.js"></script>', want: ['https://cdn.test/p.js blocking BLOCKS'] },
    { name: 'empty src is an inline script', html: '<script src=""></script>', want: [] },
  ])('$name', ({ html, want }) => {
    expect(scripts(html)).toEqual(want);
  });

  it('resolves against the first <base href>', () => {
    const got = findPageResources('<base href="https://static.example.com/v2/"><script src="app.js"></script><base href="https://x.test/">', PAGE);
    expect(got.baseUrl).toBe('https://static.example.com/v2/');
    expect(got.scripts[0].url).toBe('https://static.example.com/v2/app.js');
  });

  it('counts inline scripts, not data blocks', () => {
    expect(findPageResources('<script>a()</script><script type="application/ld+json">{}</script><script type="module">b()</script>', PAGE).inlineScripts).toBe(2);
  });

  it('stylesheets: early ones block unless print, alternate or disabled', () => {
    const html = `<head><link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/p.css" media="print">
      <link rel="alternate stylesheet" href="/alt.css"><link rel="stylesheet" href="/d.css" disabled>
      <link rel="stylesheet" href="/m.css" media="screen and (min-width: 900px)"></head><body><p>x</p><link rel="stylesheet" href="/late.css"></body>`;
    expect(findPageResources(html, PAGE).stylesheets.map((s) => `${s.url} ${s.renderBlocking}`)).toEqual([
      'https://app.example.com/a.css true',
      'https://app.example.com/p.css false',
      'https://app.example.com/m.css true',
      'https://app.example.com/late.css false',
    ]);
  });

  it('bounds the characters parsed', () => {
    const html = `<script src="/a.js"></script>${'<p>x</p>'.repeat(100)}<script src="/b.js"></script>`;
    const got = findPageResources(html, PAGE, { maxChars: 50 });
    expect(got.truncated).toBe(true);
    expect(got.scripts.map((s) => s.url)).toEqual(['https://app.example.com/a.js']);
  });
});

describe('real-world pages', () => {
  it('WordPress: jQuery blocks in head, gtag async, the footer bundle does not hold the paint', () => {
    const got = findPageResources(WORDPRESS, 'https://www.examplebakery.com/blog/');
    expect(got.scripts.map((s) => [new URL(s.url).host, s.loading, s.renderBlocking])).toEqual([
      ['www.examplebakery.com', 'blocking', true],
      ['www.examplebakery.com', 'blocking', true],
      ['www.googletagmanager.com', 'async', false],
      ['cdn.jsdelivr.net', 'blocking', false],
    ]);
    expect(got.stylesheets.map((s) => [new URL(s.url).host, s.renderBlocking])).toEqual([
      ['www.examplebakery.com', true],
      ['fonts.googleapis.com', true],
    ]);
    expect(got.stylesheets[1].url).toBe('https://fonts.googleapis.com/css2?family=Lora:wght@400;700&display=swap');
    expect(got.inlineScripts).toBe(1);
  });

  it('OneTrust: the synchronous loader in head blocks', () => {
    expect(scripts(ONETRUST)).toEqual(['https://cdn.cookielaw.org/scripttemplates/otSDKStub.js blocking BLOCKS']);
  });

  it('Next.js: nothing blocks; polyfills and data blocks are not scripts to load', () => {
    const got = findPageResources(NEXTJS, 'https://app.example.com/');
    expect(got.scripts.map((s) => `${new URL(s.url).pathname.split('/').pop()} ${s.loading}`)).toEqual([
      'webpack-59c5c889f52620d6.js defer', 'framework-ca706bf673a13738.js defer', 'main-8c8a8c8a8c8a8c8a.js defer', 'abc123 async',
    ]);
    expect(got.scripts.some((s) => s.renderBlocking)).toBe(false);
  });

  it('Vite: module entry, print stylesheet not blocking', () => {
    const got = findPageResources(VITE, 'https://ops.example.com/');
    expect(got.scripts.map((s) => s.loading)).toEqual(['module']);
    expect(got.stylesheets.map((s) => s.renderBlocking)).toEqual([true, false]);
  });

  it('Shopify: protocol-relative CDN jQuery blocks; async+defer HubSpot does not', () => {
    expect(scripts(SHOPIFY, 'https://shop.examplegoods.com/')).toEqual([
      'https://cdn.shopify.com/s/files/1/0000/0001/t/2/assets/jquery.min.js?v=1234 blocking BLOCKS',
      'https://shop.examplegoods.com/cdn/shop/t/2/assets/theme.js?v=99 defer',
      'https://js.hs-scripts.com/1234567.js async',
    ]);
  });
});

describe('scriptType / scriptLoading / mediaBlocksScreen', () => {
  it.each([
    [undefined, 'classic'], ['', 'classic'], [' TEXT/JavaScript ', 'classic'], ['application/x-javascript', 'classic'],
    ['module', 'module'], ['Module', 'module'], ['application/ld+json', 'none'], ['text/template', 'none'], ['importmap', 'none'],
    ['speculationrules', 'none'], ['text/partytown', 'none'],
  ])('type %s → %s', (type, want) => {
    expect(scriptType(type)).toBe(want);
  });

  it.each([
    [{}, 'blocking'], [{ async: '' }, 'async'], [{ defer: '' }, 'defer'], [{ type: 'module' }, 'module'], [{ nomodule: '' }, undefined],
    [{ type: 'text/x-handlebars-template' }, undefined],
  ])('%o → %s', (attrs, want) => {
    expect(scriptLoading(attrs as Record<string, string>)).toBe(want);
  });

  it.each([
    [undefined, true], ['', true], ['all', true], ['screen', true], ['print', false], ['only print', false], ['PRINT', false],
    ['print, screen', true], ['speech', false], ['not all', false], ['(min-width: 600px)', true],
  ])('media %s blocks: %s', (media, want) => {
    expect(mediaBlocksScreen(media)).toBe(want);
  });
});
