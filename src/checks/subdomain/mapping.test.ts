import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HostRole } from '../../config/types.js';
import type { HttpResponse } from '../../context/types.js';
import { checkTester } from '../../test-support/check-tester.js';
import { contentKind, describeChain, judgeMapping, roleOf } from '../../engines/subdomain/content.js';
import mapping from './mapping.js';

// A loopback port that was free a moment ago and is closed now: HTTPS connections to it are refused.
let closedPort = 0;
beforeAll(async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

checkTester(mapping, {
  pass: [
    { name: 'fixed: api answers JSON, app HTML, admin redirects to login', lab: 'fixed' },
    { name: 'default: app, admin and status serve their roles', lab: 'default', targets: ['app.acme.test', 'admin.acme.test', 'status.acme.test', 'staging.acme.test'] },
  ],
  fail: [
    {
      name: 'api answers the "Welcome to nginx!" page',
      lab: 'default',
      expect: [{ target: 'api.acme.test', messageId: 'wrongContent', severity: 'high' }],
    },
    {
      name: 'a declared surface that does not resolve',
      lab: 'fixed',
      config: (raw) => { raw.environments.production.hosts.push({ name: 'reports.acme.test', role: 'app' }); },
      expect: [{ target: 'reports.acme.test', messageId: 'doesNotResolve' }],
    },
    {
      name: 'the API host declared as an app answers JSON',
      lab: 'fixed',
      config: (raw) => { raw.environments.production.hosts[3].role = 'app'; },
      expect: [{ target: 'api.acme.test', messageId: 'wrongContent' }],
    },
    {
      name: 'HTTPS refused while plain HTTP answers',
      lab: 'default',
      config: (raw) => {
        raw.network.ports.https = closedPort;
        raw.environments.production.hosts = [{ name: 'app.acme.test', role: 'app' }];
      },
      expect: [{ target: 'app.acme.test', messageId: 'noHttps' }],
    },
  ],
  error: [
    {
      name: 'DNS timeout, stalled TLS, refused connections, bot wall, redirect loop',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '600ms';
        raw.environments.production.hosts = ['timeout', 'servfail', 'stall', 'refused', 'wall', 'loop'].map((h) => ({ name: `${h}.hostile.test`, role: 'app' }));
      },
      expect: ['timeout', 'servfail', 'stall', 'refused', 'wall', 'loop'].map((h) => ({ target: `${h}.hostile.test` })),
    },
  ],
});

describe('roleOf', () => {
  it.each([
    [{ name: 'api.acme.test' }, 'api'],
    [{ name: 'App.acme.test' }, 'app'],
    [{ name: 'admin.acme.test' }, 'admin'],
    [{ name: 'api.acme.test', role: 'marketing' as HostRole }, 'marketing'],
    [{ name: 'www.acme.test' }, undefined],
    [{ name: 'apis.acme.test' }, undefined],
  ])('%j → %s', (host, role) => expect(roleOf(host)).toBe(role));
});

const answer = (status: number, type: string | undefined, body: string, url = 'https://h.test/'): Pick<HttpResponse, 'url' | 'status' | 'headers' | 'body'> => ({
  url, status, headers: type ? { 'content-type': type } : {}, body: Buffer.from(body),
});

describe('contentKind', () => {
  it.each([
    [answer(200, 'application/json; charset=utf-8', '{"a":1}'), 'json'],
    [answer(200, 'application/problem+json', '{}'), 'json'],
    [answer(200, 'application/vnd.api+json', 'garbage'), 'json'],
    [answer(200, 'text/plain', '[1,2]'), 'json'],
    [answer(200, 'text/html', '<!doctype html><h1>hi</h1>'), 'html'],
    [answer(200, undefined, '  <!DOCTYPE html><html></html>'), 'html'],
    [answer(200, undefined, '<html><body>x</body></html>'), 'html'],
    [answer(200, 'text/plain', ''), 'empty'],
    [answer(200, 'text/html; charset=utf-8', ''), 'empty'],
    [answer(200, 'application/json', ''), 'empty'],
    [answer(204, undefined, '  \n'), 'empty'],
    [answer(200, 'text/plain', 'OK'), 'other'],
    [answer(200, 'text/plain', '"just a string"'), 'other'],
  ])('%#: %j → %s', (res, kind) => expect(contentKind(res)).toBe(kind));
});

describe('judgeMapping', () => {
  const nginx = '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body></body></html>';
  it.each([
    { role: 'api', res: answer(200, 'application/json', '{"name":"acme-api"}'), redirected: false },
    { role: 'api', res: answer(401, 'application/json', '{"error":"auth"}'), redirected: false },
    { role: 'api', res: answer(404, 'text/html', '<pre>Cannot GET /</pre>'), redirected: false },
    { role: 'api', res: answer(404, 'text/plain', '404 page not found'), redirected: false },
    { role: 'app', res: answer(200, 'text/html', '<!doctype html><h1>Tasks</h1>'), redirected: false },
    { role: 'app', res: answer(401, 'text/plain', 'Unauthorized'), redirected: false },
    { role: 'marketing', res: answer(200, 'text/html', '<html></html>'), redirected: true },
    { role: 'admin', res: answer(200, 'text/html', '<html>Sign in</html>', 'https://app.acme.test/login?next=%2Fadmin'), redirected: true },
    { role: 'admin', res: answer(403, 'application/json', '{"error":"forbidden"}'), redirected: false },
    { role: 'admin', res: answer(200, 'application/json', '{}', 'https://sso.acme.test/oauth2/authorize'), redirected: true },
    { role: 'status', res: answer(404, 'text/plain', 'nope'), redirected: false },
    { role: 'other', res: answer(200, undefined, ''), redirected: false },
  ])('$role passes on $res.status $res.headers', ({ role, res, redirected }) => {
    expect(judgeMapping(role as HostRole, 'h.test', res, redirected).ok).toBe(true);
  });

  it.each([
    { role: 'api', res: answer(200, 'text/html', nginx), redirected: false, id: 'wrongContent' },
    { role: 'app', res: answer(200, 'application/json', '{"name":"acme-api"}'), redirected: false, id: 'wrongContent' },
    { role: 'app', res: answer(200, 'text/html', ''), redirected: false, id: 'wrongContent' },
    { role: 'app', res: answer(200, undefined, ''), redirected: false, id: 'wrongContent' },
    { role: 'marketing', res: answer(200, 'text/plain', 'coming soon'), redirected: false, id: 'wrongContent' },
    { role: 'admin', res: answer(200, 'application/json', '{"users":[]}'), redirected: false, id: 'wrongContent' },
    { role: 'api', res: answer(502, 'text/html', '<html>Bad Gateway</html>'), redirected: false, id: 'serverError' },
    { role: 'status', res: answer(503, 'text/plain', 'down'), redirected: false, id: 'serverError' },
  ])('$role fails $id on $res.status', ({ role, res, redirected, id }) => {
    const v = judgeMapping(role as HostRole, 'h.test', res, redirected);
    expect(v).toMatchObject({ ok: false, messageId: id });
  });

  it('shows expected beside actual', () => {
    expect(judgeMapping('api', 'api.acme.test', answer(200, 'text/html', nginx), false)).toEqual({
      ok: false, messageId: 'wrongContent', expected: 'a JSON answer', actual: '200 html',
    });
  });

  it('describes a chain hop by hop', () => {
    expect(describeChain({ hops: [{ url: 'https://a/', status: 302, location: 'https://b/login' }, { url: 'https://b/login', status: 200 }] }))
      .toEqual(['302 https://a/ → https://b/login', '200 https://b/login']);
  });
});
