import { describe, expect, it } from 'vitest';
import { CDN_RANGES, createRangeMatcher } from './cdn-ranges.js';
import { cdnFromAddresses, cdnFromCnames, cdnFromHeaders, detectCdn } from './detect-cdn.js';

describe('cdnFromHeaders', () => {
  it.each([
    [{ 'cf-ray': '8f1d2c3b4a596877-AMS', server: 'cloudflare' }, 'Cloudflare'],
    [{ server: 'cloudflare' }, 'Cloudflare'],
    [{ 'x-served-by': 'cache-fra-eddf8230080-FRA', 'x-cache': 'HIT' }, 'Fastly'],
    [{ 'x-fastly-request-id': 'abc' }, 'Fastly'],
    [{ 'x-amz-cf-id': 'Zx1', via: '1.1 abc.cloudfront.net (CloudFront)' }, 'Amazon CloudFront'],
    [{ via: '1.1 d111111abcdef8.cloudfront.net (CloudFront)' }, 'Amazon CloudFront'],
    [{ 'x-akamai-transformed': '9 - 0 pmb=mRUM,1' }, 'Akamai'],
    [{ 'akamai-grn': '0.1.2' }, 'Akamai'],
    [{ server: 'AkamaiGHost' }, 'Akamai'],
    [{ 'x-vercel-id': 'fra1::abc' }, 'Vercel'],
    [{ 'x-nf-request-id': '01H' }, 'Netlify'],
    [{ 'x-azure-ref': '0abc' }, 'Azure Front Door'],
    [{ server: 'Google Frontend' }, 'Google Cloud front end'],
    [{ via: '1.1 google' }, 'Google Cloud front end'],
    [{ 'x-sucuri-id': '11005' }, 'Sucuri'],
    [{ 'x-iinfo': '5-123' }, 'Imperva'],
    [{ 'x-cdn': 'Incapsula' }, 'Imperva'],
    [{ server: 'BunnyCDN-DE1-1050' }, 'Bunny CDN'],
  ])('%j → %s', (headers, provider) => {
    expect(cdnFromHeaders(headers)[0]?.provider).toBe(provider);
  });

  it.each([
    [{ server: 'nginx/1.18.0' }],
    [{ server: 'Apache', via: '1.1 varnish' }],
    [{ 'x-served-by': 'web-3' }],
    [{ via: '1.1 googlebot-proxy.example' }],
    [{}],
  ])('%j → none', (headers) => {
    expect(cdnFromHeaders(headers)).toEqual([]);
  });
});

describe('cdnFromCnames', () => {
  it.each([
    [['www.example.com.cdn.cloudflare.net'], 'Cloudflare'],
    [['dualstack.j.sni.global.fastly.net.'], 'Fastly'],
    [['d111111abcdef8.cloudfront.net'], 'Amazon CloudFront'],
    [['www.example.com.edgekey.net', 'e1234.a.akamaiedge.net'], 'Akamai'],
    [['example.azureedge.net'], 'Azure CDN'],
    [['example-abc.z01.azurefd.net'], 'Azure Front Door'],
    [['cname.vercel-dns.com'], 'Vercel'],
    [['acme.netlify.app'], 'Netlify'],
    [['acme.b-cdn.net'], 'Bunny CDN'],
  ])('%j → %s', (cnames, provider) => {
    expect(cdnFromCnames(cnames)[0]?.provider).toBe(provider);
  });

  it.each([[['edge.acme-cdn.test']], [['notcloudfront.net']], [['fastly.net.evil.test']], [[]]])('%j → none', (cnames) => {
    expect(cdnFromCnames(cnames)).toEqual([]);
  });
});

describe('published ranges', () => {
  const match = createRangeMatcher();
  it.each([
    ['104.16.132.229', 'Cloudflare', '104.16.0.0/13'],
    ['172.67.1.1', 'Cloudflare', '172.64.0.0/13'],
    ['2606:4700::6810:84e5', 'Cloudflare', '2606:4700::/32'],
    ['2a06:98c1:3120::3', 'Cloudflare', '2a06:98c0::/29'],
    ['151.101.1.57', 'Fastly', '151.101.0.0/16'],
    ['2a04:4e42:200::323', 'Fastly', '2a04:4e42::/32'],
  ])('%s is %s (%s)', (address, provider, cidr) => {
    expect(match(address)).toEqual({ provider, cidr });
  });

  it.each(['127.0.0.1', '8.8.8.8', '104.32.0.1', '::1', '2001:db8::1', 'not-an-ip', ''])('%s is no CDN', (address) => {
    expect(match(address)).toBeUndefined();
  });

  it('every embedded CIDR parses', () => {
    for (const r of CDN_RANGES) for (const c of r.cidrs) expect(c).toMatch(/^[0-9a-f:.]+\/\d{1,3}$/);
    expect(cdnFromAddresses(['10.0.0.1', '104.16.0.1'], match)).toHaveLength(1);
  });
});

describe('detectCdn', () => {
  it('orders DNS signals before headers and names the signal', () => {
    const got = detectCdn({ cnames: ['x.cloudfront.net'], addresses: ['151.101.1.1'], headers: { 'cf-ray': '1' } });
    expect(got.map((s) => [s.kind, s.provider])).toEqual([
      ['cname', 'Amazon CloudFront'],
      ['address', 'Fastly'],
      ['header', 'Cloudflare'],
    ]);
    expect(got[1].signal).toBe('address 151.101.1.1 in Fastly range 151.101.0.0/16');
  });

  it('finds nothing for a bare origin', () => {
    expect(detectCdn({ cnames: [], addresses: ['127.0.0.1'], headers: { server: 'nginx' } })).toEqual([]);
  });
});
