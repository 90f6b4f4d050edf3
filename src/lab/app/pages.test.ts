// The HTML side: mixed content, third-party widget, HSTS, edge (CDN) headers, caching hints and the sign-in form.
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Variant } from './context.js';
import { startAppUnderTest, type AppUnderTest } from './testing.js';

const NOW = new Date('2026-03-01T12:00:00Z');

/** Every subresource and form target of a page, by kind, the way a mixed-content check reads it. */
function subresources(html: string): Record<string, string[]> {
  const found: Record<string, string[]> = { script: [], stylesheet: [], img: [], iframe: [], form: [] };
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'script' && attrs.src) found.script.push(attrs.src);
      if (name === 'link' && attrs.rel === 'stylesheet') found.stylesheet.push(attrs.href);
      if (name === 'img') found.img.push(attrs.src);
      if (name === 'iframe') found.iframe.push(attrs.src);
      if (name === 'form') found.form.push(attrs.action);
    },
  });
  parser.end(html);
  return found;
}

const pages = ['/', '/login', '/tasks'];

describe.each(['default', 'fixed'] as const)('pages (%s)', (variant: Variant) => {
  let lab: AppUnderTest;
  const fixed = variant === 'fixed';
  beforeAll(async () => {
    lab = await startAppUnderTest({ variant, now: () => NOW });
  });
  afterAll(() => lab?.stop());

  it.each(pages)(`https://app.acme.test%s ${fixed ? 'loads only https' : 'loads http:// script, style, image, iframe and form'}`, async (path) => {
    const res = await lab.request(`https://app.acme.test${path}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const found = subresources(res.body);
    for (const kind of ['script', 'stylesheet', 'img', 'iframe', 'form']) {
      const insecure = found[kind].filter((u) => u.startsWith('http://'));
      if (fixed) expect(insecure, kind).toEqual([]);
      else expect(insecure.length, kind).toBeGreaterThan(0);
    }
  });

  it('serves the sign-in form with a password field', async () => {
    const res = await lab.request('https://app.acme.test/login?next=%2Fadmin');
    expect(res.body).toContain('type="password"');
    expect(res.body).toContain('name="next" value="/admin"');
    expect(subresources(res.body).form).toEqual([fixed ? '/login' : 'http://app.acme.test/login']);
  });

  it.each([
    ['https://app.acme.test/', fixed ? 'max-age=63072000; includeSubDomains' : undefined],
    ['https://api.acme.test/api/tasks', fixed ? 'max-age=63072000; includeSubDomains' : 'max-age=300'],
    ['https://status.acme.test/', fixed ? 'max-age=63072000; includeSubDomains' : undefined],
    // Never over plain HTTP (RFC 6797 §7.2).
    ['http://api.acme.test/', undefined],
  ])('HSTS on %s is %s', async (url, hsts) => {
    const res = await lab.request(url);
    expect(res.headers['strict-transport-security']).toBe(hsts);
  });

  it.each(['https://app.acme.test/', 'https://api.acme.test/api/tasks', 'http://acme.test/'])('edge headers on %s', async (url) => {
    const res = await lab.request(url);
    if (fixed) {
      expect(res.headers.server).toBe('cloudflare');
      expect(res.headers['cf-ray']).toMatch(/^[0-9a-f]{16}-LAB$/);
      expect(res.headers['cf-cache-status']).toBe('DYNAMIC');
    } else {
      expect(res.headers.server).not.toBe('cloudflare');
      expect(res.headers['cf-ray']).toBeUndefined();
      expect(res.headers['cf-cache-status']).toBeUndefined();
    }
  });

  it('gives each response its own cf-ray', async () => {
    const [a, b] = [await lab.request('https://app.acme.test/'), await lab.request('https://app.acme.test/')];
    if (fixed) expect(a.headers['cf-ray']).not.toBe(b.headers['cf-ray']);
  });

  it.each(['/', '/tasks'])('%s references the fingerprinted assets, which are served', async (path) => {
    const found = subresources((await lab.request(`https://app.acme.test${path}`)).body);
    expect(found.stylesheet).toContain('/assets/app.8d2e11f0.css');
    expect(found.script).toContain('/assets/app.3f9a1c2b.js');
    for (const [url, type] of [['/assets/app.8d2e11f0.css', /^text\/css/], ['/assets/app.3f9a1c2b.js', /^text\/javascript/]] as const) {
      const res = await lab.request(`https://app.acme.test${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers['content-type']).toMatch(type);
    }
  });

  it.each(['/', '/tasks'])(`%s ${fixed ? 'loads the third-party widget async' : 'blocks rendering on the third-party widget in <head>'}`, async (path) => {
    const html = (await lab.request(`https://app.acme.test${path}`)).body;
    const head = html.slice(0, html.indexOf('</head>'));
    const widget = /<script src="https:\/\/cdn\.widgets\.test\/widget\.js"([^>]*)><\/script>/.exec(head);
    expect(widget, 'widget script in <head>').not.toBeNull();
    expect(widget![1].trim()).toBe(fixed ? 'async' : '');
    // The app's own bundle is deferred in both variants: only the vendor differs.
    expect(head).toContain('<script src="/assets/app.3f9a1c2b.js" defer></script>');
  });

  it('serves the logo from /static', async () => {
    const res = await lab.request('https://app.acme.test/static/logo.svg');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
  });

  it('marks the staging copy of the app', async () => {
    const res = await lab.request('https://staging.acme.test/tasks');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<title>Tasks · Acme Ops \(staging\)<\/title>/);
    expect(res.body).toContain('data-environment="staging"');
    const prod = await lab.request('https://app.acme.test/tasks');
    expect(prod.body).not.toContain('staging');
  });

  it(`${fixed ? 'guards' : 'exposes'} /admin on the app host`, async () => {
    const res = await lab.request('https://app.acme.test/admin');
    if (fixed) {
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('https://app.acme.test/login?next=%2Fadmin');
    } else {
      expect(res.status).toBe(200);
      expect(res.body).toContain('b@acme.test');
    }
  });

  it('signs in through the form and sets a session cookie', async () => {
    const ok = await lab.request('https://app.acme.test/login', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40acme.test&password=demo-password&next=%2Fadmin',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/admin');
    const cookie = ok.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^session=[0-9a-f]{32}; Path=\//);
    expect(cookie.includes('Secure; HttpOnly; SameSite=Lax')).toBe(fixed);
    const admin = await lab.request('https://app.acme.test/admin', { headers: { cookie: cookie.split(';')[0] } });
    expect(admin.status).toBe(200);

    const bad = await lab.request('https://app.acme.test/login', { method: 'POST', body: 'email=a%40acme.test&password=nope&next=%2F%2Fevil.test' });
    expect(bad.status).toBe(401);
    expect(bad.body).toContain('Wrong e-mail or password');
    expect(bad.body).toContain('name="next" value="/"');
  });

  const apiToken = async () => (await lab.request('https://api.acme.test/api/login', {
    method: 'POST', body: JSON.stringify({ email: 'a@acme.test', password: 'demo-password' }),
  })).json().token as string;

  it('adds a task through the quick-add form only with a session', async () => {
    const anonymous = await lab.request('https://app.acme.test/tasks', { method: 'POST', body: 'title=Hello' });
    expect(anonymous.headers.location).toBe('/login?next=%2Ftasks');
    const login = await lab.request('https://app.acme.test/login', { method: 'POST', body: 'email=a%40acme.test&password=demo-password' });
    const cookie = (login.headers['set-cookie']?.[0] ?? '').split(';')[0];
    const added = await lab.request('https://app.acme.test/tasks', { method: 'POST', headers: { cookie }, body: 'title=Quick+one' });
    expect(added.status).toBe(303);
    const token = await apiToken();
    const task = await lab.request('https://api.acme.test/api/tasks/251', { headers: { authorization: `Bearer ${token}` } });
    expect(task.json()).toMatchObject({ id: 251, title: 'Quick one', done: false });
    lab.app.reset();
  });

  it('escapes task titles in HTML', async () => {
    const token = await apiToken();
    await lab.request('https://api.acme.test/api/tasks/2', {
      method: 'PATCH', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ title: '<b>Ship</b>' }),
    });
    const res = await lab.request('https://app.acme.test/tasks');
    expect(res.body).toContain('&#60;b&#62;Ship&#60;/b&#62;');
    expect(res.body).not.toContain('<b>Ship</b>');
    lab.app.reset();
  });

  it('serves the marketing apex (default) and 404s unknown paths on a site', async () => {
    const res = await lab.request('https://app.acme.test/nope');
    expect(res.status).toBe(404);
    if (!fixed) {
      const apex = await lab.request('https://acme.test/');
      expect(apex.body).toContain('operations, handled');
      expect((await lab.request('https://acme.test/x')).status).toBe(404);
    }
  });
});
