import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSection } from '../config/types.js';
import { createHttpClient, type ClosableHttpClient } from '../context/http.js';
import { apiUrl, bearer, createApiSession, loginFor, tokenAt } from './api-session.js';
import type { Probes } from './types.js';

const PASSWORD = 'correct-horse-battery-staple';
let server: http.Server;
let client: ClosableHttpClient;
let logins = 0;

/** A loopback login endpoint per path: each path answers one way. */
function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const json = (status: number, value: unknown, headers: http.OutgoingHttpHeaders = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
    switch (req.url) {
      case '/v1/login': {
        logins++;
        const sent = JSON.parse(body || '{}') as { password?: string };
        return sent.password === PASSWORD ? json(200, { data: { session: { token: 'tok-123456' } } }) : json(401, { error: 'no' });
      }
      case '/v1/no-token': return json(200, { ok: true });
      case '/v1/not-json': return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
      case '/v1/wall':
        return res.writeHead(403, { 'cf-mitigated': 'challenge', 'content-type': 'text/html' }).end('<title>Just a moment...</title>');
      default: return json(404, { error: 'not found' });
    }
  });
}

beforeAll(async () => {
  server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  client = createHttpClient({
    lookup: async () => ['127.0.0.1'],
    ports: { http: (server.address() as AddressInfo).port },
    timeoutMs: 2_000,
  });
});
afterAll(async () => {
  await client.close();
  await new Promise<void>((r) => server.close(() => r()));
});

const api = (path: string, password = PASSWORD): ApiSection => ({
  base: 'http://api.test/v1/',
  login: { method: 'POST', path, body: { email: 'a@x.test', password }, token: 'data.session.token' },
  admin_paths: [],
  endpoints: [],
});

describe('apiUrl', () => {
  it.each([
    ['https://api.test', '/api/login', 'https://api.test/api/login'],
    ['https://api.test/', '/api/login', 'https://api.test/api/login'],
    ['https://api.test/v1', '/login', 'https://api.test/v1/login'],
    ['https://api.test/v1//', 'login', 'https://api.test/v1/login'],
  ])('%s + %s', (base, path, want) => expect(apiUrl(base, path)).toBe(want));
});

describe('tokenAt', () => {
  it.each([
    [{ token: 'abc' }, 'token', 'abc'],
    [{ data: { token: 'abc' } }, 'data.token', 'abc'],
    [{ tokens: ['x', 'y'] }, 'tokens.1', 'y'],
    [{ token: 42 }, 'token', undefined],
    [{ token: '  ' }, 'token', undefined],
    [{ data: null }, 'data.token', undefined],
    ['abc', 'token', undefined],
  ])('%j at %s', (json, path, want) => expect(tokenAt(json, path)).toBe(want));
});

describe('createApiSession', () => {
  it('logs in once and shares the token', async () => {
    const before = logins;
    const login = createApiSession(client, api('/login'), { timeoutMs: 2_000 });
    const [a, b] = await Promise.all([login(), login()]);
    expect(a).toEqual({ ok: true, value: { token: 'tok-123456' } });
    expect(b).toBe(a);
    expect(await login()).toBe(a);
    expect(logins - before).toBe(1);
    expect(bearer(a.ok ? a.value : undefined)).toEqual({ authorization: 'Bearer tok-123456' });
  });

  it.each([
    ['not configured', undefined, 'LOGIN_NOT_CONFIGURED'],
    ['wrong password', api('/login', 'wrong-password-value'), 'LOGIN_REJECTED'],
    ['no token at the path', api('/no-token'), 'LOGIN_NO_TOKEN'],
    ['not JSON', api('/not-json'), 'LOGIN_NO_TOKEN'],
    ['bot wall', api('/wall'), 'CHALLENGE'],
  ])('%s → %s', async (_name, section, code) => {
    const got = await createApiSession(client, section, { timeoutMs: 2_000 })();
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.error.code).toBe(code);
    // Neither the password nor a token ever appears in what the probe reports.
    expect(got.error.message).not.toContain('wrong-password-value');
    expect(got.error.message).not.toContain(PASSWORD);
  });

  it('reports a refused connection as a transport error', async () => {
    const section: ApiSection = { ...api('/login'), base: 'http://127.0.0.1:1' };
    const got = await createApiSession(client, section, { timeoutMs: 1_000 })();
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error.message).not.toContain(PASSWORD);
  });
});

describe('loginFor', () => {
  it('prefers the run-wide probe, else logs in itself', async () => {
    const shared = { ok: true as const, value: { token: 'shared' } };
    const probes = { login: async () => shared } as unknown as Probes;
    const config = { api: api('/login'), network: { timeoutMs: 2_000, concurrency: 1 } };
    expect(await loginFor({ probes, http: client, config })).toBe(shared);
    const own = await loginFor({ probes: {} as Probes, http: client, config });
    expect(own).toEqual({ ok: true, value: { token: 'tok-123456' } });
  });
});
