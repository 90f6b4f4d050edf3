import { describe, expect, it } from 'vitest';
import { firstPartySites, isThirdParty, siteOf } from './party.js';

describe('siteOf', () => {
  it.each([
    ['app.acme.test', 'acme.test'],
    ['CDN.Widgets.Test.', 'widgets.test'],
    ['www.example.co.uk', 'example.co.uk'],
    ['foo.github.io', 'foo.github.io'],
    ['d111111abcdef8.cloudfront.net', 'd111111abcdef8.cloudfront.net'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, want) => {
    expect(siteOf(host)).toBe(want);
  });
});

describe('isThirdParty', () => {
  const page = 'https://www.example.co.uk/shop';
  it.each([
    { url: 'https://static.example.co.uk/a.js', want: false, why: 'a subdomain of the page\'s registrable domain' },
    { url: 'https://example.co.uk/a.js', want: false, why: 'the apex' },
    { url: 'https://other.co.uk/a.js', want: true, why: 'another site under the same public suffix' },
    { url: 'https://www.googletagmanager.com/gtag/js', want: true, why: 'a vendor' },
    { url: 'https://assets.example-cdn.net/a.js', want: false, why: 'a declared host\'s site' },
    { url: 'data:text/javascript,1', want: false, why: 'no host' },
  ])('$url: $why', ({ url, want }) => {
    expect(isThirdParty(url, firstPartySites(page, ['assets.example-cdn.net']))).toBe(want);
  });

  it('tenants of a shared platform are different sites', () => {
    expect(isThirdParty('https://evil.github.io/x.js', firstPartySites('https://me.github.io/'))).toBe(true);
    expect(isThirdParty('https://me.github.io/x.js', firstPartySites('https://me.github.io/'))).toBe(false);
  });
});
