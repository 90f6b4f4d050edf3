// The JSON API on api.acme.test in both variants: auth, tasks, approvals, reports, sync,
// admin exposure, health, CORS and login rate limiting.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest, type TestRequest } from './testing.js';

const START = Date.parse('2026-03-01T12:00:00Z');
const API = 'https://api.acme.test';
const CREDENTIALS = { email: 'a@acme.test', password: 'demo-password' };

describe.each(['default', 'fixed'] as const)('api (%s)', (variant) => {
  const fixed = variant === 'fixed';
  let clock = START;
  let lab: AppUnderTest;
  let token: string;
  const call = (path: string, init: TestRequest = {}) => lab.request(`${API}${path}`, init);
  const authed = (path: string, init: TestRequest = {}) =>
    call(path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  const login = (body: unknown, headers: Record<string, string> = {}) =>
    call('/api/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    lab = await startAppUnderTest({ variant, now: () => new Date(clock) });
  });
  afterAll(() => lab?.stop());
  beforeEach(async () => {
    lab.app.reset();
    clock = START;
    token = (await login(CREDENTIALS)).json().token;
  });

  describe('auth', () => {
    it('answers a token for the demo user and 401 otherwise', async () => {
      expect(token).toMatch(/^[0-9a-f]{32}$/);
      const wrong = await login({ ...CREDENTIALS, password: 'guess' });
      expect(wrong.status).toBe(401);
      expect(wrong.json()).toEqual({ error: expect.any(String) });
    });

    it.each(['/api/tasks', '/api/tasks/1', '/api/approvals', '/api/reports/summary', '/api/sync?since=0'])('%s needs a bearer token', async (path) => {
      const res = await call(path);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect((await call(path, { headers: { authorization: 'Bearer 0000' } })).status).toBe(401);
      expect((await authed(path)).status).toBe(200);
    });

    it('forgets tokens on reset', async () => {
      lab.app.reset();
      expect((await authed('/api/tasks')).status).toBe(401);
    });
  });

  describe('tasks', () => {
    it(`lists ${fixed ? 'a bounded page with a next cursor' : 'every row unpaginated'}`, async () => {
      const res = await authed('/api/tasks');
      expect(res.status).toBe(200);
      const body = res.json();
      if (fixed) {
        expect(body.tasks).toHaveLength(50);
        expect(body.next).toBe('/api/tasks?limit=50&after=50');
        expect(res.headers.link).toBe('<https://api.acme.test/api/tasks?limit=50&after=50>; rel="next"');
        const last = (await authed('/api/tasks?limit=100&after=200')).json();
        expect(last.tasks.map((t: { id: number }) => t.id)).toEqual(Array.from({ length: 50 }, (_, i) => 201 + i));
        expect(last.next).toBeNull();
        expect((await authed('/api/tasks?limit=5000')).status).toBe(400);
        expect(res.headers['cache-control']).toBe('private, no-store');
      } else {
        expect(body.tasks).toHaveLength(250);
        expect((await authed('/api/tasks?limit=5')).json().tasks).toHaveLength(250);
        expect(res.headers['cache-control']).toMatch(/^public/);
      }
    });

    it('creates, reads and updates a task', async () => {
      const created = await authed('/api/tasks', { method: 'POST', body: JSON.stringify({ title: 'probe' }) });
      expect(created.status).toBe(201);
      const task = created.json();
      expect(task).toMatchObject({ id: 251, title: 'probe', done: false });
      expect(Object.keys(task)).toEqual(expect.arrayContaining(['id', 'title', 'done']));
      expect((await authed('/api/tasks/251')).json()).toMatchObject({ title: 'probe' });
      const patched = await authed('/api/tasks/251', { method: 'PATCH', body: JSON.stringify({ done: true }) });
      expect(patched.status).toBe(200);
      expect(patched.json()).toMatchObject({ id: 251, done: true });
      expect((await authed('/api/tasks/9999')).status).toBe(404);
    });

    it('answers 405 for an unsupported method on a known path', async () => {
      const res = await authed('/api/tasks', { method: 'DELETE' });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, POST');
    });
  });

  describe('approvals, reports, sync', () => {
    it('lists and approves', async () => {
      const list = (await authed('/api/approvals')).json();
      expect(list.approvals.length).toBeGreaterThan(0);
      const approved = await authed('/api/approvals/1/approve', { method: 'POST' });
      expect(approved.json()).toMatchObject({ id: 1, state: 'approved', approvedAt: '2026-03-01T12:00:00.000Z' });
      expect((await authed('/api/approvals/99/approve', { method: 'POST' })).status).toBe(404);
    });

    it('summarises', async () => {
      const res = (await authed('/api/reports/summary')).json();
      expect(res).toEqual({ tasks: { open: 166, done: 84 }, approvals: { pending: 3 }, generatedAt: '2026-03-01T12:00:00.000Z' });
    });

    it(`syncs changes since a version ${fixed ? 'in bounded batches' : 'all at once'}`, async () => {
      const all = (await authed('/api/sync?since=0')).json();
      expect(all.changes).toHaveLength(fixed ? 100 : 250);
      expect(all.version).toBe(fixed ? 100 : 250);
      await authed('/api/tasks/3', { method: 'PATCH', body: JSON.stringify({ title: 'changed' }) });
      const recent = (await authed('/api/sync?since=250')).json();
      expect(recent.changes.map((t: { id: number }) => t.id)).toEqual([3]);
      expect(recent.version).toBe(251);
    });
  });

  describe('admin and health', () => {
    it(`${fixed ? 'guards' : 'exposes'} /api/admin/users to anonymous requests`, async () => {
      const res = await call('/api/admin/users');
      if (fixed) {
        expect(res.status).toBe(401);
        expect(res.json()).toEqual({ error: 'authentication required' });
      } else {
        expect(res.status).toBe(200);
        expect(res.json().users.map((u: { email: string }) => u.email)).toContain('a@acme.test');
      }
      expect((await authed('/api/admin/users')).status).toBe(200);
    });

    it(`${fixed ? 'guards' : 'exposes'} /admin on the API host`, async () => {
      expect((await call('/admin')).status).toBe(fixed ? 401 : 200);
    });

    it(`answers /health with ${fixed ? '200 and dependency checks' : '404'}`, async () => {
      const res = await call('/health');
      expect(res.status).toBe(fixed ? 200 : 404);
      if (fixed) expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok', queue: 'ok' } });
    });

    it(`answers the root with ${fixed ? 'JSON' : "nginx's welcome page"}`, async () => {
      const res = await call('/');
      expect(res.headers['content-type']).toMatch(fixed ? /^application\/json/ : /^text\/html/);
    });
  });

  describe('CORS', () => {
    const origins = ['https://app.acme.test', 'https://evil.test', 'null'];
    it.each(origins)('Origin %s on a request', async (origin) => {
      const res = await authed('/api/tasks', { headers: { origin } });
      const allowed = !fixed || origin === 'https://app.acme.test';
      expect(res.headers['access-control-allow-origin']).toBe(allowed ? origin : undefined);
      expect(res.headers['access-control-allow-credentials']).toBe(allowed ? 'true' : undefined);
      expect(res.headers.vary).toBe('Origin');
    });

    it.each(origins)('Origin %s on a preflight', async (origin) => {
      const res = await call('/api/tasks', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, x-custom' },
      });
      const allowed = !fixed || origin === 'https://app.acme.test';
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(allowed ? origin : undefined);
      expect(res.headers['access-control-allow-credentials']).toBe(allowed ? 'true' : undefined);
      expect(res.headers['access-control-allow-methods'] !== undefined).toBe(allowed);
    });

    it('sends no CORS headers without an Origin', async () => {
      const res = await authed('/api/tasks');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('login rate limit', () => {
    it(fixed ? 'answers 429 with Retry-After: 60 after 10 attempts a minute' : 'never rate limits', async () => {
      lab.app.reset();
      const statuses: number[] = [];
      let limited;
      for (let i = 0; i < 15; i++) {
        const res = await login({ ...CREDENTIALS, password: `guess-${i}` });
        statuses.push(res.status);
        if (res.status === 429) limited ??= res;
      }
      if (!fixed) {
        expect(new Set(statuses)).toEqual(new Set([401]));
        return;
      }
      expect(statuses).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
      expect(limited!.headers['retry-after']).toBe('60');
      // Even the right password waits out the window…
      expect((await login(CREDENTIALS)).status).toBe(429);
      // …and a new minute opens a new window.
      clock += 60_000;
      expect((await login(CREDENTIALS)).status).toBe(200);
    });

    it('counts per account, so another account is not locked out', async () => {
      lab.app.reset();
      for (let i = 0; i < 12; i++) await login({ email: 'probe@acme.test', password: 'x' });
      expect((await login(CREDENTIALS)).status).toBe(200);
    });
  });
});
