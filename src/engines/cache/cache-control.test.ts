import { describe, expect, it } from 'vitest';
import { browserLifetime, cachePolicyOf, deltaSeconds, parseCacheControl, sharedCacheability } from './cache-control.js';

describe('parseCacheControl', () => {
  it.each([
    ['public, max-age=31536000, immutable', { public: true, 'max-age': '31536000', immutable: true }],
    ['Private, Max-Age=30', { private: true, 'max-age': '30' }],
    ['no-cache="Set-Cookie, Set-Cookie2", max-age=60', { 'no-cache': 'Set-Cookie, Set-Cookie2', 'max-age': '60' }],
    ['max-age="120"', { 'max-age': '120' }],
    ['max-age=10, max-age=600', { 'max-age': '10' }],
    [' , no-store,,', { 'no-store': true }],
    ['', {}],
  ])('%j', (value, want) => expect(Object.fromEntries(parseCacheControl(value))).toEqual(want));

  it('joins repeated headers', () => {
    expect(Object.fromEntries(parseCacheControl(['private', 'max-age=5']))).toEqual({ private: true, 'max-age': '5' });
  });
});

describe('deltaSeconds', () => {
  it.each([['30', 30], [' 0 ', 0], ['-1', undefined], ['1.5', undefined], ['abc', undefined], [true, undefined], ['99999999999', 2 ** 31]] as const)(
    '%j → %s', (arg, want) => expect(deltaSeconds(arg)).toBe(want),
  );
});

describe('cachePolicyOf', () => {
  const NOW = new Date('2026-03-01T12:00:00Z');
  it('reads directives, validators and cookies', () => {
    const p = cachePolicyOf({ 'cache-control': 'private, max-age=30', etag: 'W/"v1"', 'set-cookie': ['sid=1; HttpOnly'], vary: 'Authorization' }, NOW);
    expect(p).toMatchObject({ stated: true, private: true, maxAge: 30, lifetime: 30, etag: 'W/"v1"', setsCookie: true, vary: 'Authorization' });
  });
  it('computes Expires against Date, and treats an invalid Expires as stale', () => {
    expect(cachePolicyOf({ expires: 'Sun, 01 Mar 2026 13:00:00 GMT', date: 'Sun, 01 Mar 2026 12:00:00 GMT' }).lifetime).toBe(3600);
    expect(cachePolicyOf({ expires: 'Sun, 01 Mar 2026 12:10:00 GMT' }, NOW).lifetime).toBe(600);
    expect(cachePolicyOf({ expires: '0' }, NOW)).toMatchObject({ stated: true, lifetime: 0 });
    expect(cachePolicyOf({ 'cache-control': 'max-age=5', expires: 'Sun, 01 Mar 2026 13:00:00 GMT' }, NOW).lifetime).toBe(5);
  });
  it('qualified private keeps only those fields out of shared caches', () => {
    expect(cachePolicyOf({ 'cache-control': 'private="Set-Cookie", max-age=60' }).private).toBe(false);
  });
  it('is unstated without Cache-Control or Expires', () => {
    expect(cachePolicyOf({ pragma: 'no-cache' }).stated).toBe(false);
  });
  it('browser lifetime is 0 for no-cache and no-store', () => {
    expect(browserLifetime(cachePolicyOf({ 'cache-control': 'no-cache, max-age=600' }))).toBe(0);
    expect(browserLifetime(cachePolicyOf({ 'cache-control': 'max-age=600' }))).toBe(600);
  });
});

describe('sharedCacheability (RFC 9111 §3, §3.5)', () => {
  it.each([
    ['no-store', false, false],
    ['private, max-age=600', false, false],
    ['public, max-age=600', true, true],
    ['s-maxage=600', true, true],
    ['max-age=600', false, true],
    ['max-age=600', true, false],
    ['max-age=600, must-revalidate', true, true],
    ['no-cache', false, true],
    ['max-age=0', false, false],
    ['', false, true],
  ])('%j, authorized %s → %s', (cc, authorized, want) => {
    expect(sharedCacheability(cachePolicyOf(cc ? { 'cache-control': cc } : {}), { authorized }).cacheable).toBe(want);
  });
  it('marks the nothing-stated case heuristic', () => {
    expect(sharedCacheability(cachePolicyOf({}), { authorized: false })).toMatchObject({ cacheable: true, heuristic: true });
  });
});
