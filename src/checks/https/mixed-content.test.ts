import { describe, expect, it } from 'vitest';
import type { HostTarget } from '../../core/targets.js';
import type { Subresource } from '../../engines/html/index.js';
import { checkTester } from '../../test-support/check-tester.js';
import mixedContent, { hasUpgradeInsecureRequests, isBlockable, isHtmlResponse, isInsecureUrl, judgeMixedContent, keyPages } from './mixed-content.js';

checkTester(mixedContent, {
  pass: [
    { name: 'fixed pages load only https subresources', lab: 'fixed' },
    {
      name: 'pages derived from canonical origins and app hosts when `pages:` is empty',
      lab: 'fixed',
      config: (raw) => { raw.pages = []; },
      targets: ['https://app.acme.test/', 'https://staging.acme.test/'],
    },
  ],
  fail: [
    { name: 'app pages load an http script, stylesheet, image and iframe', lab: 'default', expect: [{ target: 'https://app.acme.test/', messageId: 'mixedContent', severity: 'high' }, { target: 'https://app.acme.test/tasks', messageId: 'mixedContent', severity: 'high' }] },
    {
      name: 'the login page posts its form over http',
      lab: 'default',
      config: (raw) => { raw.pages = ['https://app.acme.test/login']; },
      expect: [{ target: 'https://app.acme.test/login', messageId: 'mixedContent', severity: 'high' }],
    },
  ],
  error: [
    {
      name: '50 MB page, gzip bomb, trickling body, bot wall, redirect loop',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '800ms';
        raw.pages = ['big', 'bomb', 'slow', 'wall', 'loop'].map((h) => `https://${h}.hostile.test/`);
      },
      expect: ['big', 'bomb', 'slow', 'wall', 'loop'].map((h) => ({ target: `https://${h}.hostile.test/` })),
    },
  ],
  skip: [
    { name: 'a JSON API is not a page', lab: 'fixed', config: (raw) => { raw.pages = ['https://api.acme.test/api/tasks']; }, expect: [{ target: 'https://api.acme.test/api/tasks' }] },
    { name: 'a page left on plain HTTP', lab: 'default', config: (raw) => { raw.pages = ['http://app.acme.test/']; }, expect: [{ target: 'http://app.acme.test/' }] },
  ],
});

const sub = (kind: Subresource['kind'], url: string, extra: Partial<Subresource> = {}): Subresource => ({ tag: extra.tag ?? kind, attribute: 'src', kind, url, ...extra });
const NO_CSP = { header: [], meta: [] };

describe('judgeMixedContent', () => {
  it.each([
    { name: 'only https', subs: [sub('script', 'https://cdn.test/a.js'), sub('image', 'https://img.test/a.png')], want: { ok: true } },
    { name: 'nothing at all', subs: [], want: { ok: true } },
    { name: 'data: and blob: are not http', subs: [sub('image', 'data:image/png;base64,AA=='), sub('script', 'blob:https://a.test/x')], want: { ok: true } },
    { name: 'loopback is potentially trustworthy', subs: [sub('script', 'http://localhost:3000/dev.js'), sub('image', 'http://127.0.0.1/a.png')], want: { ok: true } },
    { name: 'http script', subs: [sub('script', 'http://cdn.test/a.js')], want: { ok: false, severity: 'high', evidence: { active: 1, passive: 0, resources: [{ tag: 'script', url: 'http://cdn.test/a.js' }] } } },
    { name: 'http stylesheet', subs: [sub('stylesheet', 'http://cdn.test/a.css', { tag: 'link' })], want: { ok: false, severity: 'high' } },
    { name: 'http iframe', subs: [sub('frame', 'http://x.test/f', { tag: 'iframe' })], want: { ok: false, severity: 'high' } },
    { name: 'http form action', subs: [sub('form', 'http://x.test/login', { tag: 'form' })], want: { ok: false, severity: 'high' } },
    { name: 'http object and embed', subs: [sub('object', 'http://x.test/o'), sub('embed', 'http://x.test/e')], want: { ok: false, severity: 'high', evidence: { active: 2 } } },
    { name: 'http font in inline CSS', subs: [sub('font', 'http://f.test/x.woff2', { tag: 'style' })], want: { ok: false, severity: 'high' } },
    { name: 'http image only: passive', subs: [sub('image', 'http://img.test/a.png', { tag: 'img' })], want: { ok: false, severity: 'medium', evidence: { active: 0, passive: 1 } } },
    { name: 'http video, poster and CSS background: passive', subs: [sub('media', 'http://v.test/a.mp4'), sub('image', 'http://v.test/p.jpg', { tag: 'video' }), sub('css-url', 'http://x.test/bg.png')], want: { ok: false, severity: 'medium', evidence: { count: 3 } } },
    { name: 'image plus script: active wins', subs: [sub('image', 'http://img.test/a.png'), sub('script', 'http://cdn.test/a.js')], want: { ok: false, severity: 'high', evidence: { count: 2, active: 1, passive: 1 } } },
    { name: 'the same URL twice is listed once', subs: [sub('image', 'http://img.test/a.png'), sub('image', 'http://img.test/a.png')], want: { ok: false, evidence: { count: 1 } } },
  ])('$name', ({ subs, want }) => {
    expect(judgeMixedContent({ subresources: subs, csp: NO_CSP })).toMatchObject(want);
  });

  it('passes when the CSP header upgrades insecure requests, and says so', () => {
    const v = judgeMixedContent({ subresources: [sub('script', 'http://cdn.test/a.js')], csp: { header: ["default-src 'self'; Upgrade-Insecure-Requests"], meta: [] } });
    expect(v).toMatchObject({ ok: true, evidence: { upgradeInsecureRequests: 'Content-Security-Policy header', resources: [{ url: 'http://cdn.test/a.js' }] } });
  });

  it('passes when a meta CSP upgrades insecure requests', () => {
    const v = judgeMixedContent({ subresources: [sub('image', 'http://img.test/a.png')], csp: { header: [], meta: ['upgrade-insecure-requests'] } });
    expect(v).toMatchObject({ ok: true, evidence: { upgradeInsecureRequests: expect.stringContaining('meta') } });
  });

  it('caps the evidence list', () => {
    const subs = Array.from({ length: 60 }, (_, i) => sub('image', `http://img.test/${i}.png`));
    const v = judgeMixedContent({ subresources: subs, csp: NO_CSP });
    expect(v).toMatchObject({ ok: false, evidence: { count: 60, more: 10 } });
    expect((v.evidence.resources as unknown[]).length).toBe(50);
  });
});

describe('hasUpgradeInsecureRequests', () => {
  it.each([
    { policies: ['upgrade-insecure-requests'], want: true },
    { policies: ["default-src https:; upgrade-insecure-requests;"], want: true },
    { policies: ["script-src 'self', upgrade-insecure-requests"], want: true },
    { policies: ["default-src 'self'"], want: false },
    { policies: ['block-all-mixed-content'], want: false },
    { policies: ["report-uri /upgrade-insecure-requests"], want: false },
    { policies: [], want: false },
  ])('$policies', ({ policies, want }) => {
    expect(hasUpgradeInsecureRequests(policies)).toBe(want);
  });
});

describe('isBlockable', () => {
  it.each([
    { kind: 'script', want: true }, { kind: 'stylesheet', want: true }, { kind: 'frame', want: true }, { kind: 'form', want: true },
    { kind: 'object', want: true }, { kind: 'embed', want: true }, { kind: 'css-import', want: true }, { kind: 'font', want: true },
    { kind: 'preload', as: 'script', want: true }, { kind: 'preload', as: 'font', want: true }, { kind: 'preload', as: 'image', want: false },
    { kind: 'image', want: false }, { kind: 'media', want: false }, { kind: 'icon', want: false }, { kind: 'css-url', want: false },
  ] as { kind: Subresource['kind']; as?: string; want: boolean }[])('$kind $as', ({ kind, as, want }) => {
    expect(isBlockable({ kind, as })).toBe(want);
  });
});

describe('isInsecureUrl', () => {
  it.each([
    { url: 'http://cdn.test/a.js', want: true },
    { url: 'HTTP://CDN.TEST/a.js', want: true },
    { url: 'https://cdn.test/a.js', want: false },
    { url: 'http://localhost/a.js', want: false },
    { url: 'http://app.localhost/a.js', want: false },
    { url: 'http://127.0.0.1:8080/a.js', want: false },
    { url: 'http://[::1]/a.js', want: false },
    { url: 'ws://x.test/', want: false },
    { url: 'not a url', want: false },
  ])('$url', ({ url, want }) => {
    expect(isInsecureUrl(url)).toBe(want);
  });
});

describe('isHtmlResponse', () => {
  it.each([
    { type: 'text/html; charset=utf-8', body: '', want: true },
    { type: 'TEXT/HTML', body: '', want: true },
    { type: 'application/xhtml+xml', body: '', want: true },
    { type: 'application/json', body: '<html>', want: false },
    { type: undefined, body: '\uFEFF  <!DOCTYPE html><html>', want: true },
    { type: undefined, body: '<HTML><body>', want: true },
    { type: undefined, body: '{"a":1}', want: false },
  ])('$type $body', ({ type, body, want }) => {
    expect(isHtmlResponse({ headers: type ? { 'content-type': type } : {}, body: Buffer.from(body) })).toBe(want);
  });
});

describe('keyPages', () => {
  const host = (name: string, environment: string, role?: HostTarget['role']): HostTarget => ({ name, role, environment });
  const hosts = [host('acme.test', 'production'), host('app.acme.test', 'production', 'app'), host('www.acme.test', 'production', 'marketing'), host('api.acme.test', 'production', 'api'), host('staging.acme.test', 'staging', 'app')];
  const targets = { environments: () => ['production', 'staging'], hostsOf: (env: string) => hosts.filter((h) => h.environment === env) };
  const environments = { production: { canonical: 'https://app.acme.test', hosts: [] }, staging: { hosts: [] } };

  it('uses `pages:` when declared', () => {
    expect(keyPages({ pages: ['https://a.test/x', 'https://a.test/x'], environments }, targets)).toEqual(['https://a.test/x']);
  });

  it('derives canonical URLs and app/marketing hosts otherwise', () => {
    expect(keyPages({ pages: [], environments }, targets)).toEqual(['https://app.acme.test/', 'https://www.acme.test/', 'https://staging.acme.test/']);
  });
});
