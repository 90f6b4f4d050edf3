import { describe, expect, it } from 'vitest';
import { cachePolicyOf } from '../../engines/cache/index.js';
import { checkTester } from '../../test-support/check-tester.js';
import repeatReads, { conditionalHeaders, countedRead, judgeRepeatReads, readHit } from './repeat-reads.js';

checkTester(repeatReads, {
  pass: [{ name: 'fixed: assets hit the edge cache, the summary revalidates with 304', lab: 'fixed' }],
  fail: [
    {
      name: 'default: no CDN, no validators',
      lab: 'default',
      expect: [
        { target: 'https://app.acme.test', messageId: 'neverHit', severity: 'medium' },
        { target: 'https://api.acme.test', messageId: 'neverHit', severity: 'medium' },
      ],
    },
    {
      name: 'a publicly cacheable page nothing caches',
      lab: 'fixed',
      config: (raw) => {
        raw.pages = ['https://status.acme.test/'];
        delete raw.api.login;
        raw.api.base = 'https://status.acme.test';
        raw.api.endpoints = [{ name: 'status page', method: 'GET', path: '/', kind: 'read' }];
      },
      expect: [{ target: 'https://status.acme.test', messageId: 'neverHit' }],
    },
  ],
  error: [{ name: 'login rejected', lab: 'default', config: (raw) => { raw.api.login.body.password = 'wrong'; }, expect: [{ target: 'https://api.acme.test' }] }],
  skip: [{
    name: 'only private, no-store answers',
    lab: 'fixed',
    config: (raw) => {
      raw.pages = ['https://status.acme.test/'];
      raw.api.endpoints = raw.api.endpoints.filter((e: { name: string }) => e.name === 'list tasks' || e.name === 'my profile');
    },
    expect: [{ target: 'https://api.acme.test' }],
  }],
});

const p = (h: Record<string, string>) => cachePolicyOf(h);

describe('countedRead', () => {
  it.each([
    [{ 'cache-control': 'private, no-store' }, false, false],
    [{ 'cache-control': 'no-store', etag: '"a"' }, true, false],
    [{ 'cache-control': 'private, max-age=30', etag: 'W/"x"' }, true, true],
    [{ 'cache-control': 'private, max-age=30' }, true, false],
    [{ 'cache-control': 'public, max-age=600' }, true, true],
    [{ 'cache-control': 's-maxage=60' }, true, true],
    [{ 'cache-control': 'max-age=60' }, false, true],
    // Signed in: RFC 9111 §3.5 keeps it out of shared caches, nothing to observe.
    [{ 'cache-control': 'max-age=60' }, true, false],
    [{ 'cache-control': 'no-cache' }, false, false],
    [{ 'last-modified': 'Sun, 01 Mar 2026 12:00:00 GMT' }, true, true],
    [{}, false, false],
  ])('%j (authorized %s) → %s', (h, authorized, want) => expect(countedRead(p(h), authorized).counted).toBe(want));
});

describe('conditionalHeaders', () => {
  it('prefers the ETag, falls back to Last-Modified', () => {
    expect(conditionalHeaders(p({ etag: '"v1"', 'last-modified': 'Sun, 01 Mar 2026 12:00:00 GMT' }))).toEqual({ 'if-none-match': '"v1"' });
    expect(conditionalHeaders(p({ 'last-modified': 'Sun, 01 Mar 2026 12:00:00 GMT' }))).toEqual({ 'if-modified-since': 'Sun, 01 Mar 2026 12:00:00 GMT' });
    expect(conditionalHeaders(p({}))).toEqual({});
  });
});

describe('readHit (real-world repeat reads)', () => {
  const ok = (headers: Record<string, string> = {}) => ({ status: 200, headers });
  it.each([
    ['304 revalidation', ok({ etag: '"a"' }), { status: 304, headers: {} }, true],
    ['Cloudflare MISS then HIT', ok({ 'cf-cache-status': 'MISS' }), ok({ 'cf-cache-status': 'HIT', age: '3' }), true],
    ['Cloudflare DYNAMIC twice', ok({ 'cf-cache-status': 'DYNAMIC' }), ok({ 'cf-cache-status': 'DYNAMIC' }), false],
    ['CloudFront Hit', ok({ 'x-cache': 'Miss from cloudfront' }), ok({ 'x-cache': 'Hit from cloudfront', age: '12' }), true],
    ['Fastly shield miss, edge hit', ok({ 'x-cache': 'MISS, MISS' }), ok({ 'x-cache': 'MISS, HIT', 'x-cache-hits': '0, 1' }), true],
    ['Vercel HIT', ok({ 'x-vercel-cache': 'MISS' }), ok({ 'x-vercel-cache': 'HIT' }), true],
    ['already cached on the first read', ok({ 'x-cache': 'TCP_MEM_HIT from a23-1-2-3.deploy.akamaitechnologies.com' }), ok({}), true],
    ['no cache headers', ok({ server: 'nginx' }), ok({ server: 'nginx' }), false],
  ])('%s', (_name, first, second, want) => expect(readHit(first, second).hit).toBe(want));
});

describe('judgeRepeatReads', () => {
  const hit = (target: string) => ({ target, hit: true, how: 'x' });
  const miss = (target: string) => ({ target, hit: false, how: 'y' });
  it('passes when every read hit, reporting the hit rate', () => {
    expect(judgeRepeatReads([hit('a'), hit('b')], [])).toMatchObject({ status: 'pass', evidence: { hits: 2, cacheableReads: 2, hitRate: 100 } });
  });
  it('fails medium when none hit, low when some did', () => {
    expect(judgeRepeatReads([miss('a'), miss('b')], [])).toMatchObject({ status: 'fail', messageId: 'neverHit', severity: 'medium', evidence: { hitRate: 0, missed: ['a', 'b'] } });
    expect(judgeRepeatReads([hit('a'), miss('b'), hit('c')], [])).toMatchObject({ status: 'fail', messageId: 'someMissed', severity: 'low', evidence: { hitRate: 67, missed: ['b'] } });
  });
  it('errors when nothing could be read, skips when nothing was cacheable', () => {
    expect(judgeRepeatReads([{ target: 'a', error: 'answered 429' }], [])).toMatchObject({ status: 'error' });
    expect(judgeRepeatReads([], ['me: no-store'])).toMatchObject({ status: 'skip' });
  });
});
