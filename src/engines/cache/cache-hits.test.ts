import { describe, expect, it } from 'vitest';
import { cacheSignals, describeSignals, isCacheHit } from './cache-hits.js';

// Header sets as the providers send them (from their documentation and captured responses).
describe('isCacheHit', () => {
  it.each([
    // Cloudflare
    ['Cloudflare HIT', { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6a7b-FRA', 'cf-cache-status': 'HIT', age: '5321' }, true],
    ['Cloudflare REVALIDATED', { 'cf-cache-status': 'REVALIDATED' }, true],
    ['Cloudflare STALE', { 'cf-cache-status': 'STALE' }, true],
    ['Cloudflare MISS', { 'cf-cache-status': 'MISS' }, false],
    ['Cloudflare DYNAMIC', { server: 'cloudflare', 'cf-cache-status': 'DYNAMIC' }, false],
    ['Cloudflare BYPASS', { 'cf-cache-status': 'BYPASS' }, false],
    ['Cloudflare EXPIRED', { 'cf-cache-status': 'EXPIRED' }, false],
    // Fastly
    ['Fastly HIT', { 'x-served-by': 'cache-fra-eddf8230088-FRA', 'x-cache': 'HIT', 'x-cache-hits': '3', age: '120' }, true],
    ['Fastly shield MISS, edge HIT', { 'x-served-by': 'cache-iad-kiad7000025-IAD, cache-fra-etou8220114-FRA', 'x-cache': 'MISS, HIT', 'x-cache-hits': '0, 1' }, true],
    ['Fastly MISS', { 'x-cache': 'MISS, MISS', 'x-cache-hits': '0, 0', age: '0' }, false],
    // CloudFront
    ['CloudFront Hit', { 'x-cache': 'Hit from cloudfront', via: '1.1 1f2e3d.cloudfront.net (CloudFront)', 'x-amz-cf-pop': 'FRA56-P5', age: '42' }, true],
    ['CloudFront RefreshHit', { 'x-cache': 'RefreshHit from cloudfront' }, true],
    ['CloudFront Miss', { 'x-cache': 'Miss from cloudfront', 'x-amz-cf-id': 'abc==' }, false],
    ['CloudFront Error', { 'x-cache': 'Error from cloudfront' }, false],
    // Vercel
    ['Vercel HIT', { 'x-vercel-cache': 'HIT', 'x-vercel-id': 'fra1::abc', age: '9' }, true],
    ['Vercel PRERENDER', { 'x-vercel-cache': 'PRERENDER' }, true],
    ['Vercel REVALIDATED (served by the origin)', { 'x-vercel-cache': 'REVALIDATED' }, false],
    ['Vercel MISS', { 'x-vercel-cache': 'MISS', age: '0' }, false],
    // Netlify (RFC 9211 Cache-Status)
    ['Netlify edge hit', { 'cache-status': '"Netlify Edge"; hit', 'x-nf-request-id': '01H' }, true],
    ['Netlify durable hit, edge miss', { 'cache-status': '"Netlify Durable"; hit; ttl=3600, "Netlify Edge"; fwd=miss' }, true],
    ['Netlify miss', { 'cache-status': '"Netlify Edge"; fwd=miss' }, false],
    // Akamai
    ['Akamai TCP_MEM_HIT', { 'x-cache': 'TCP_MEM_HIT from a23-45-67-89.deploy.akamaitechnologies.com (AkamaiGHost/11.4.3) (-)' }, true],
    ['Akamai TCP_MISS', { 'x-cache': 'TCP_MISS from a23-45-67-89.deploy.akamaitechnologies.com' }, false],
    ['Akamai cache status', { 'akamai-cache-status': 'Miss from child, Hit from parent' }, true],
    // others
    ['nginx proxy_cache', { 'x-cache-status': 'HIT' }, true],
    ['nginx proxy_cache MISS', { 'x-cache-status': 'MISS' }, false],
    ['Bunny CDN', { 'cdn-cache': 'HIT', 'cdn-pullzone': '12345' }, true],
    ['Varnish hit (two transaction ids)', { 'x-varnish': '32770 32768', via: '1.1 varnish (Varnish/7.4)' }, true],
    ['Varnish miss', { 'x-varnish': '32770' }, false],
    ['Squid', { 'x-cache': 'HIT from proxy.example.net' }, true],
    ['Age only (Google Cloud CDN)', { via: '1.1 google', age: '300' }, true],
    ['Age 0', { age: '0' }, false],
    ['plain origin', { server: 'nginx/1.18.0' }, false],
  ])('%s', (_name, headers, want) => expect(isCacheHit(headers)).toBe(want));
});

describe('cacheSignals', () => {
  it('names the provider and shows every header read', () => {
    const s = cacheSignals({ 'x-cache': 'Hit from cloudfront', age: '42' });
    expect(s).toEqual([
      { header: 'x-cache', value: 'Hit from cloudfront', hit: true, provider: 'Amazon CloudFront' },
      { header: 'age', value: '42', hit: true },
    ]);
    expect(describeSignals(s)).toBe('x-cache: Hit from cloudfront, age: 42');
    expect(describeSignals([])).toBe('no cache headers');
  });
});
