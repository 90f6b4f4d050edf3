import { describe, expect, it } from 'vitest';
import { cachePolicyOf } from '../../engines/cache/index.js';
import { checkTester } from '../../test-support/check-tester.js';
import intentional, { credentialHeaders, judgeCaching, type CachingSubject } from './intentional.js';

const JS = 'https://app.acme.test/assets/app.3f9a1c2b.js';
const CSS = 'https://app.acme.test/assets/app.8d2e11f0.css';

checkTester(intentional, {
  pass: [{ name: 'fixed: private API answers, stated pages, immutable assets', lab: 'fixed' }],
  fail: [
    {
      name: 'default: per-user data publicly cacheable, short-lived assets, pages that state nothing',
      lab: 'default',
      expect: [
        { target: 'my profile', messageId: 'publicPerUser', severity: 'high' },
        { target: 'list tasks', messageId: 'publicPerUser', severity: 'high' },
        { target: JS, messageId: 'shortLivedAsset', severity: 'medium' },
        { target: CSS, messageId: 'shortLivedAsset', severity: 'medium' },
        { target: 'https://app.acme.test/', messageId: 'unstated', severity: 'low' },
      ],
    },
    {
      name: 'an anonymous endpoint marked sensitive that states no caching',
      lab: 'default',
      config: (raw) => {
        delete raw.api.login;
        raw.api.base = 'https://app.acme.test';
        raw.api.endpoints = [{ name: 'account page', method: 'GET', path: '/', kind: 'read', sensitive: true }];
      },
      expect: [{ target: 'account page', messageId: 'unstated', severity: 'medium' }],
    },
  ],
  error: [
    { name: 'login rejected', lab: 'default', config: (raw) => { raw.api.login.body.password = 'wrong'; }, expect: [{ target: 'my profile' }] },
    { name: 'a bot wall in front of the pages', lab: 'hostile', config: (raw) => { raw.pages = ['https://wall.hostile.test/']; delete raw.api; }, expect: [{ target: 'https://wall.hostile.test/' }] },
  ],
});

const subject = (over: Partial<CachingSubject> = {}): CachingSubject => ({ perUser: [], authorized: false, ...over });
const user = subject({ perUser: ['fetched with the session token'], authorized: true });
const cookie = subject({ perUser: ['sets cookies'] });
const asset = subject({ fingerprint: '3f9a1c2b' });
const NOW = new Date('2026-03-01T12:00:00Z');
const policy = (h: Record<string, string | string[]>) => cachePolicyOf(h, NOW);
const verdictOf = (h: Record<string, string | string[]>, s: CachingSubject) => {
  const v = judgeCaching(policy(h), s);
  return v.ok ? (v.note ? 'pass+note' : 'pass') : `${v.messageId}/${v.severity}`;
};

describe('judgeCaching', () => {
  it.each([
    // per-user, signed in
    ['public, max-age=300', user, 'publicPerUser/high'],
    ['s-maxage=600', user, 'publicPerUser/high'],
    ['max-age=60, must-revalidate', user, 'publicPerUser/high'],
    ['private, max-age=30', user, 'pass'],
    ['private, no-store', user, 'pass'],
    ['no-store', user, 'pass'],
    ['no-cache', user, 'pass'],
    ['max-age=60', user, 'notPrivate/low'],
    // Vercel's default on functions: public, but never reused without revalidation.
    ['public, max-age=0, must-revalidate', user, 'pass+note'],
    ['public, no-cache', user, 'pass+note'],
    ['', user, 'unstated/medium'],
    // per-user because of a cookie, anonymous request
    ['max-age=600', cookie, 'publicPerUser/high'],
    ['private, max-age=600', cookie, 'pass'],
    ['no-cache', cookie, 'pass+note'],
    // fingerprinted assets
    ['public, max-age=31536000, immutable', asset, 'pass'],
    ['public, max-age=2592000', asset, 'pass+note'],
    ['max-age=86400', asset, 'shortLivedAsset/medium'],
    ['no-cache', asset, 'shortLivedAsset/medium'],
    ['no-store', asset, 'shortLivedAsset/medium'],
    ['', asset, 'shortLivedAsset/medium'],
    // anything else: only that caching is stated
    ['no-cache', subject(), 'pass'],
    ['public, max-age=30', subject(), 'pass'],
    ['', subject(), 'unstated/low'],
  ])('Cache-Control %j for %j → %s', (cc, s, want) => {
    expect(verdictOf(cc === '' ? {} : { 'cache-control': cc }, s)).toBe(want);
  });

  it('reads Expires when there is no max-age', () => {
    expect(verdictOf({ expires: 'Sun, 01 Mar 2026 12:05:00 GMT', date: 'Sun, 01 Mar 2026 12:00:00 GMT' }, cookie)).toBe('publicPerUser/high');
    expect(verdictOf({ expires: '0' }, cookie)).toBe('pass');
    expect(verdictOf({ expires: 'Mon, 01 Mar 2027 12:00:00 GMT', date: 'Sun, 01 Mar 2026 12:00:00 GMT' }, asset)).toBe('pass+note');
  });

  it('shows the header and why', () => {
    const v = judgeCaching(policy({ 'cache-control': 'public, max-age=300' }), user);
    expect(v).toMatchObject({ ok: false, evidence: { caching: 'Cache-Control: public, max-age=300', perUser: ['fetched with the session token'] } });
    expect(String((v as unknown as { evidence: { actual: string } }).evidence.actual)).toMatch(/other users for 300 s/);
  });
});

describe('credentialHeaders', () => {
  it.each([
    [{ 'x-api-key': 'k' }, ['x-api-key']],
    [{ Authorization: 'Bearer x', accept: 'json' }, ['Authorization']],
    [{ cookie: 'sid=1' }, ['cookie']],
    [{ accept: 'application/json' }, []],
    [undefined, []],
  ])('%j → %j', (h, want) => expect(credentialHeaders(h)).toEqual(want));
});
