// The JSON API on api.acme.test in both variants: auth, tasks, approvals, reports, sync,
// admin exposure, health, CORS and login rate limiting; then the performance and caching
// scenario (slow summary and export, profile caching, search rate limit, static assets).
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

    it.each(['/api/tasks', '/api/tasks/1', '/api/approvals', '/api/reports/summary', '/api/sync?since=0', '/api/me', '/api/tasks/search?q=task'])('%s needs a bearer token', async (path) => {
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

  describe('performance and caching', () => {
    const timed = async <T>(run: () => Promise<T>) => {
      const start = performance.now();
      const value = await run();
      return { value, ms: performance.now() - start };
    };

    it(`answers the summary ${fixed ? 'at once, with a validator' : 'after 450 ms'}`, async () => {
      const { value: res, ms } = await timed(() => authed('/api/reports/summary'));
      expect(res.status).toBe(200);
      if (!fixed) {
        expect(ms).toBeGreaterThanOrEqual(440);
        expect(res.headers.etag).toBeUndefined();
        return;
      }
      expect(ms).toBeLessThan(300);
      expect(res.headers['cache-control']).toBe('private, max-age=30');
      expect(res.headers.vary).toBe('Origin, Authorization');
      const etag = String(res.headers.etag);
      expect(etag).toMatch(/^W\/"summary-[0-9a-f]{16}"$/);
      const again = await authed('/api/reports/summary', { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      await authed('/api/tasks/2', { method: 'PATCH', body: JSON.stringify({ done: true }) });
      const changed = await authed('/api/reports/summary', { headers: { 'if-none-match': etag } });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
    });

    it(`${fixed ? 'queues' : 'renders and mails inline'} a report export`, async () => {
      const exportReport = (body: unknown) => authed('/api/reports/export', { method: 'POST', body: JSON.stringify(body) });
      const { value: res, ms } = await timed(() => exportReport({ format: 'pdf' }));
      if (!fixed) {
        expect(ms).toBeGreaterThanOrEqual(1_080);
        expect(res.status).toBe(200);
        expect(res.json()).toEqual({ status: 'sent' });
        expect((await exportReport({ format: 42 })).status).toBe(500);
        return;
      }
      expect(ms).toBeLessThan(300);
      expect(res.status).toBe(202);
      const { job, status } = res.json();
      expect(status).toBe('queued');
      expect(res.headers.location).toBe(`/api/jobs/${job}`);
      expect((await authed(res.headers.location!)).json()).toMatchObject({ job, status: 'done', format: 'pdf' });
      expect((await call(res.headers.location!)).status).toBe(401);
      expect((await exportReport({ format: 'docx' })).status).toBe(400);
      expect((await exportReport({ format: 42 })).status).toBe(400);
    });

    it('keeps serving other requests while a slow one waits', async () => {
      const slow = authed('/api/reports/export', { method: 'POST', body: JSON.stringify({ format: 'pdf' }) });
      const { value: me, ms } = await timed(() => authed('/api/me'));
      expect(me.status).toBe(200);
      expect(ms).toBeLessThan(300);
      expect((await slow).status).toBe(fixed ? 202 : 200);
    });

    it(`marks the profile ${fixed ? 'private, no-store' : 'publicly cacheable'}`, async () => {
      const res = await authed('/api/me');
      expect(res.json()).toEqual({ email: 'a@acme.test', name: 'Ada Admin', role: 'admin' });
      if (fixed) {
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.headers.vary).toBe('Origin, Authorization');
      } else expect(res.headers['cache-control']).toBe('public, max-age=300');
    });

    it(`rate limits search at ${fixed ? 50 : 5} a second per token, ${fixed ? 'with' : 'without'} Retry-After`, async () => {
      const limit = fixed ? 50 : 5;
      const statuses: number[] = [];
      let limited;
      for (let i = 0; i < limit + 2; i++) {
        const res = await authed('/api/tasks/search?q=task');
        statuses.push(res.status);
        if (res.status === 429) limited ??= res;
      }
      expect(statuses).toEqual([...Array(limit).fill(200), 429, 429]);
      expect(limited!.headers['retry-after']).toBe(fixed ? '1' : undefined);
      // Another token has its own window…
      const other = (await login(CREDENTIALS)).json().token;
      expect((await call('/api/tasks/search?q=task', { headers: { authorization: `Bearer ${other}` } })).status).toBe(200);
      // …and the next second opens a new one.
      clock += 1_000;
      expect((await authed('/api/tasks/search?q=task')).status).toBe(200);
    });

    it(`answers search with ${fixed ? 'a page and a cursor' : 'its top 20 hits'}`, async () => {
      const res = await authed('/api/tasks/search?q=TASK 1');
      const body = res.json();
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(body.tasks).toHaveLength(20);
      expect(body.tasks.every((t: { title: string }) => t.title.startsWith('Task 1'))).toBe(true);
      if (!fixed) {
        expect(body.next).toBeUndefined();
        expect((await authed('/api/tasks/search?q=task&limit=5')).json().tasks).toHaveLength(20);
        return;
      }
      expect(body.next).toBe(`/api/tasks/search?q=TASK%201&limit=20&after=${body.tasks[19].id}`);
      expect(res.headers.link).toBe(`<https://api.acme.test${body.next}>; rel="next"`);
      expect((await authed('/api/tasks/search?q=task&limit=5')).json().tasks).toHaveLength(5);
      expect((await authed('/api/tasks/search?q=')).status).toBe(400);
    });

    it('serves the fingerprinted assets on the app host', async () => {
      const asset = (path: string, headers: Record<string, string> = {}) => lab.request(`https://app.acme.test${path}`, { headers });
      for (const [path, type] of [['/assets/app.3f9a1c2b.js', /^text\/javascript/], ['/assets/app.8d2e11f0.css', /^text\/css/]] as const) {
        const first = await asset(path);
        expect(first.status).toBe(200);
        expect(first.headers['content-type']).toMatch(type);
        expect(first.body.length).toBeGreaterThan(50);
        if (!fixed) {
          expect(first.headers['cache-control']).toBe('no-cache');
          for (const h of ['etag', 'last-modified', 'cf-cache-status', 'age']) expect(first.headers[h]).toBeUndefined();
          continue;
        }
        expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(first.headers['cf-cache-status']).toBe('MISS');
        clock += 5_000;
        const second = await asset(path);
        expect(second.headers['cf-cache-status']).toBe('HIT');
        expect(second.headers.age).toBe('5');
        expect(second.headers.etag).toBe(first.headers.etag);
        const revalidated = await asset(path, { 'if-none-match': String(first.headers.etag) });
        expect(revalidated.status).toBe(304);
        expect(revalidated.body).toBe('');
      }
      expect((await asset('/assets/app.0000.js')).status).toBe(404);
    });
  });
});
