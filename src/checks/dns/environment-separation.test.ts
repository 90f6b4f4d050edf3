import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../context/types.js';
import { checkTester } from '../../test-support/check-tester.js';
import { productionEnvironment } from '../../core/production-environment.js';
import { findOverlap, MIN_COMPARED_BYTES, overlapEdge, servesSamePage } from '../../engines/dns/separation-judge.js';
import environmentSeparation from './environment-separation.js';

checkTester(environmentSeparation, {
  pass: [
    { name: 'fixed: staging runs on its own address', lab: 'fixed' },
    {
      name: 'sharing declared with shared_origin',
      lab: 'default',
      config: (raw) => { raw.environments.staging.hosts[0].shared_origin = true; },
    },
    {
      // `fixed` answers through a CDN (cf-ray, server: cloudflare): shared addresses are its edge, not an origin.
      name: 'a staging host sharing production\'s addresses behind a CDN edge',
      lab: 'fixed',
      config: (raw) => {
        raw.environments.production.hosts = raw.environments.production.hosts.filter((h: { name: string }) => h.name !== 'www.acme.test');
        raw.environments.staging.hosts.push({ name: 'www.acme.test' });
      },
      targets: ['www.acme.test'],
    },
  ],
  fail: [
    {
      name: 'staging resolves to production\'s 127.0.0.1',
      lab: 'default',
      expect: [{ target: 'staging.acme.test', messageId: 'sharedOrigin', severity: 'high' }],
    },
    {
      // In `default`, plain-HTTP app.acme.test serves the app itself: the same bytes as production's canonical page.
      name: 'staging canonical answers with production\'s page',
      lab: 'default',
      config: (raw) => { raw.environments.staging.canonical = 'http://app.acme.test'; },
      expect: [{ target: 'app.acme.test', messageId: 'servesProduction' }],
    },
  ],
  skip: [
    {
      name: 'only one environment',
      lab: 'fixed',
      config: (raw) => { delete raw.environments.staging; },
      expect: [{}],
    },
  ],
  error: [
    {
      name: 'a staging host whose DNS times out',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '600ms';
        raw.environments.staging = { hosts: [{ name: 'timeout.hostile.test' }, { name: 'servfail.hostile.test' }] };
      },
      expect: [{ target: 'timeout.hostile.test' }, { target: 'servfail.hostile.test' }],
    },
  ],
});

describe('productionEnvironment', () => {
  it.each([
    [['staging', 'production'], 'production'],
    [['dev', 'Prod'], 'Prod'],
    [['staging', 'live'], 'live'],
    [['live', 'prod'], 'prod'],
    [['main', 'staging'], 'main'],
    [[], undefined],
  ])('%j → %s', (names, out) => expect(productionEnvironment(names)).toBe(out));
});

const r = (name: string, addresses: string[], cnames: string[] = []) => ({ name, addresses, cnames });

describe('findOverlap', () => {
  const production = [r('app.acme.test', ['192.0.2.1', '2001:db8::1']), r('api.acme.test', ['192.0.2.4'], ['edge.cdn.test'])];
  it.each([
    { name: 'own address', host: r('staging.acme.test', ['192.0.2.2']), shared: undefined },
    { name: 'same IPv4', host: r('staging.acme.test', ['192.0.2.9', '192.0.2.1']), shared: { productionHosts: ['app.acme.test'], sharedAddresses: ['192.0.2.1'] } },
    { name: 'same IPv6, other spelling', host: r('staging.acme.test', ['2001:DB8::0:1']), shared: { productionHosts: ['app.acme.test'], sharedAddresses: ['2001:db8::1'] } },
    { name: 'same final CNAME target', host: r('staging-api.acme.test', ['192.0.2.5'], ['s.acme.test', 'edge.cdn.test']), shared: { productionHosts: ['api.acme.test'], sharedAddresses: [], sharedTarget: 'edge.cdn.test' } },
    { name: 'same intermediate CNAME only', host: r('s.acme.test', ['192.0.2.6'], ['edge.cdn.test', 'other.cdn.test']), shared: undefined },
  ])('$name', ({ host, shared }) => {
    expect(findOverlap(host, production)).toEqual(shared);
  });
});

describe('overlapEdge', () => {
  it.each([
    { overlap: { productionHosts: ['a'], sharedAddresses: ['104.21.5.9', '172.67.1.1'] }, edge: 'Cloudflare' },
    { overlap: { productionHosts: ['a'], sharedAddresses: ['76.76.21.21'], sharedTarget: 'cname.vercel-dns.com' }, edge: 'Vercel' },
    { overlap: { productionHosts: ['a'], sharedAddresses: ['104.21.5.9', '203.0.113.5'] }, edge: undefined },
    { overlap: { productionHosts: ['a'], sharedAddresses: ['127.0.0.1'] }, edge: undefined },
    { overlap: { productionHosts: ['a'], sharedAddresses: [], sharedTarget: 'lb.acme.test' }, edge: undefined },
  ])('$overlap.sharedAddresses → $edge', ({ overlap, edge }) => {
    expect(overlapEdge(overlap)).toBe(edge);
  });
});

const page = (body: string, status = 200, type = 'text/html; charset=utf-8'): HttpResponse => ({
  url: 'https://x/', status, headers: { 'content-type': type }, body: Buffer.from(body), timings: { totalMs: 1, ttfbMs: 1 },
});

describe('servesSamePage', () => {
  const html = `<!doctype html><title>Acme Ops</title><h1>Tasks</h1>${'x'.repeat(MIN_COMPARED_BYTES)}`;
  it.each([
    { name: 'identical HTML', a: page(html), b: page(html), same: true },
    { name: 'staging marker in the title', a: page(html.replace('Acme Ops', 'Acme Ops (staging)')), b: page(html), same: false },
    { name: 'tiny identical bodies', a: page('OK', 200, 'text/plain'), b: page('OK', 200, 'text/plain'), same: false },
    { name: 'identical error pages', a: page(html, 404), b: page(html, 404), same: false },
    { name: 'other content type', a: page(html, 200, 'text/plain'), b: page(html), same: false },
  ])('$name → $same', ({ a, b, same }) => {
    expect(servesSamePage(a, b)).toBe(same);
  });
});
