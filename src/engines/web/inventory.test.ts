import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type ClosableHttpClient } from '../../context/http.js';
import { SHOPIFY, WORDPRESS } from './__fixtures__/real-pages.js';
import { blockingThirdPartyScripts } from './hints.js';
import { blockedAsMixedContent, classifyResources, createSizeMeter } from './inventory.js';
import { findPageResources } from './page-scripts.js';
import { firstPartySites } from './party.js';

describe('classifyResources', () => {
  it('WordPress: first-party jQuery blocks, the vendors do not', () => {
    const page = 'https://www.examplebakery.com/blog/';
    const { scripts, stylesheets } = classifyResources(findPageResources(WORDPRESS, page), page, firstPartySites(page));
    expect(scripts.map((s) => `${s.host} ${s.party} ${s.blocking}`)).toEqual([
      'www.examplebakery.com first true',
      'www.examplebakery.com first true',
      'www.googletagmanager.com third false',
      'cdn.jsdelivr.net third false',
    ]);
    expect(stylesheets.map((s) => `${s.host} ${s.party} ${s.blocking}`)).toEqual(['www.examplebakery.com first true', 'fonts.googleapis.com third true']);
  });

  it('an http:// script on an https page is refused by the browser, so it blocks nothing', () => {
    const page = 'https://app.acme.test/';
    const html = '<head><script src="http://cdn.widgets.test/w.js"></script><script src="https://cdn.widgets.test/widget.js"></script></head>';
    const { scripts } = classifyResources(findPageResources(html, page), page, firstPartySites(page));
    expect(scripts).toEqual([
      { url: 'http://cdn.widgets.test/w.js', host: 'cdn.widgets.test', party: 'third', loading: 'blocking', blocking: false, mixedContentBlocked: true },
      { url: 'https://cdn.widgets.test/widget.js', host: 'cdn.widgets.test', party: 'third', loading: 'blocking', blocking: true },
    ]);
  });

  it.each([
    ['http://cdn.test/a.js', 'https://a.test/', true],
    ['http://cdn.test/a.js', 'http://a.test/', false],
    ['https://cdn.test/a.js', 'https://a.test/', false],
    ['http://localhost:3000/a.js', 'https://a.test/', false],
    ['http://127.0.0.1/a.js', 'https://a.test/', false],
  ])('mixed content: %s on %s → %s', (url, page, want) => {
    expect(blockedAsMixedContent(url, page)).toBe(want);
  });
});

describe('blockingThirdPartyScripts', () => {
  it('Shopify: the platform CDN jQuery on a custom domain', () => {
    expect(blockingThirdPartyScripts(SHOPIFY, 'https://shop.examplegoods.com/')).toEqual(['https://cdn.shopify.com/s/files/1/0000/0001/t/2/assets/jquery.min.js?v=1234']);
  });

  it('declared hosts count as first party', () => {
    const html = '<head><script src="https://cdn.example-assets.net/app.js"></script></head>';
    expect(blockingThirdPartyScripts(html, 'https://app.example.com/')).toEqual(['https://cdn.example-assets.net/app.js']);
    expect(blockingThirdPartyScripts(html, 'https://app.example.com/', ['cdn.example-assets.net'])).toEqual([]);
  });
});

describe('createSizeMeter (loopback HTTP)', () => {
  const BODY = 'window.x = "0123456789abcdef";\n'.repeat(2000);
  const hits: string[] = [];
  let server: http.Server;
  let client: ClosableHttpClient;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      switch (req.url) {
        case '/plain.js': return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(BODY);
        case '/gzip.js': {
          const gz = zlib.gzipSync(BODY);
          return void res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': gz.length }).end(gz);
        }
        case '/moved.js': return void res.writeHead(301, { location: '/plain.js' }).end();
        case '/huge.js': return void res.writeHead(200).end(Buffer.alloc(300_000, 0x61));
        case '/stall.js': return; // never answers
        default: return void res.writeHead(404).end('nope');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    client = createHttpClient({ lookup: async () => ['127.0.0.1'], ports: { http: port } });
  });
  afterAll(async () => {
    await client?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  const meter = () => createSizeMeter(client, { timeoutMs: 1_000, maxBytes: 200_000 });

  it('measures decoded and transfer bytes', async () => {
    const m = meter();
    expect(await m('http://cdn.test/plain.js')).toMatchObject({ bytes: BODY.length, transferBytes: BODY.length, status: 200 });
    const gz = await m('http://cdn.test/gzip.js');
    expect(gz.bytes).toBe(BODY.length);
    expect(gz.transferBytes).toBe(zlib.gzipSync(BODY).length);
  });

  it('follows redirects, fetches each URL once, reports failures as data', async () => {
    const m = meter();
    const before = hits.length;
    const [a, b] = await Promise.all([m('http://cdn.test/moved.js'), m('http://cdn.test/moved.js')]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ bytes: BODY.length, status: 200 });
    expect(hits.slice(before)).toEqual(['/moved.js', '/plain.js']);
    expect(await m('http://cdn.test/missing.js')).toMatchObject({ status: 404, error: 'HTTP_404' });
    expect(await m('http://cdn.test/huge.js')).toEqual({ error: 'BODY_TOO_LARGE' });
    expect(await m('http://cdn.test/stall.js')).toEqual({ error: 'TIMEOUT' });
  });
});
