import { describe, expect, it } from 'vitest';
import { edgeOfAddress, edgeOfName, edgeOfResponse } from './shared-edge.js';

describe('shared edges', () => {
  it.each([
    ['104.21.5.9', 'Cloudflare'],
    ['172.67.200.1', 'Cloudflare'],
    ['2606:4700:3030::ac43:c1', 'Cloudflare'],
    ['151.101.1.195', 'Fastly'],
    ['76.76.21.21', 'Vercel'],
    ['75.2.60.5', 'Netlify'],
    ['185.199.110.153', 'GitHub Pages'],
    ['127.0.0.1', undefined],
    ['203.0.113.7', undefined],
    ['2001:db8::1', undefined],
    ['nonsense', undefined],
  ])('edgeOfAddress(%s) = %s', (address, edge) => expect(edgeOfAddress(address)).toBe(edge));

  it.each([
    ['cname.vercel-dns.com', 'Vercel'],
    ['acme.github.io', 'GitHub Pages'],
    ['dualstack.j.sni.global.fastly.net', 'Fastly'],
    ['e1234.a.akamaiedge.net', 'Akamai'],
    ['edge.acme-cdn.test', undefined],
    ['notgithub.io', undefined],
  ])('edgeOfName(%s) = %s', (name, edge) => expect(edgeOfName(name)).toBe(edge));

  it.each([
    [{ server: 'cloudflare', 'cf-ray': '8a-LAB' }, 'Cloudflare'],
    [{ 'x-vercel-id': 'fra1::abc' }, 'Vercel'],
    [{ 'x-nf-request-id': '01H' }, 'Netlify'],
    [{ via: '1.1 abc.cloudfront.net (CloudFront)', 'x-amz-cf-id': 'x' }, 'CloudFront'],
    [{ 'x-served-by': 'cache-fra-eddf8230104-FRA' }, 'Fastly'],
    [{ server: 'AkamaiGHost' }, 'Akamai'],
    [{ server: 'Google Frontend' }, 'Google'],
    [{ via: '1.1 google' }, undefined],
    [{ server: 'nginx/1.18.0' }, undefined],
    [{}, undefined],
  ])('edgeOfResponse(%j) = %s', (headers, edge) => expect(edgeOfResponse(headers)).toBe(edge));
});
