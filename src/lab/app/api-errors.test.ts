// Bad input on the API: leaks (stack, file paths, SQL, driver errors) in `default`, short 4xx JSON in `fixed`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from './testing.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const TWO_MB = 'x'.repeat(2 * 1024 * 1024);

interface Row {
  name: string;
  method: string;
  path: string;
  body?: string;
  auth?: boolean;
  fixedStatus: number;
  /** What the `default` answer must reveal, beyond a stack with `/srv/acme/` paths. */
  leaks: (string | RegExp)[];
}

const rows: Row[] = [
  { name: 'malformed JSON', method: 'POST', path: '/api/tasks', body: '{"title": "a",', fixedStatus: 400, leaks: ['SyntaxError', 'at JSON.parse'] },
  {
    name: 'a non-integer id', method: 'GET', path: '/api/tasks/abc', fixedStatus: 400,
    leaks: ["SELECT * FROM tasks WHERE id = 'abc'", 'PG::InvalidTextRepresentation', 'error: invalid input syntax for type integer', '/srv/acme/src/routes/tasks.js:42:13'],
  },
  {
    name: 'a number as title', method: 'POST', path: '/api/tasks', body: '{"title": 42}', fixedStatus: 400,
    leaks: ['INSERT INTO tasks (title, done) VALUES (42, false)', 'PG::DatatypeMismatch', 'column "title" is of type text'],
  },
  { name: 'a string as done', method: 'PATCH', path: '/api/tasks/1', body: '{"done": "yes"}', fixedStatus: 400, leaks: ["UPDATE tasks SET done = 'yes'", 'PG::'] },
  { name: 'a JSON array body', method: 'POST', path: '/api/tasks', body: '[1, 2]', fixedStatus: 400, leaks: ['TypeError'] },
  { name: 'a 2 MB body', method: 'POST', path: '/api/tasks', body: `{"title": "${TWO_MB}"}`, fixedStatus: 413, leaks: ['PayloadTooLargeError', '/srv/acme/node_modules/raw-body/index.js'] },
  { name: 'an id on approve', method: 'POST', path: '/api/approvals/x1/approve', fixedStatus: 400, leaks: ["WHERE id = 'x1'", 'invalid input syntax for type integer'] },
  { name: 'malformed JSON to login, anonymous', method: 'POST', path: '/api/login', body: '{"email":', auth: false, fixedStatus: 400, leaks: ['SyntaxError'] },
  { name: 'a number as e-mail', method: 'POST', path: '/api/login', body: '{"email": 7, "password": "x"}', auth: false, fixedStatus: 400, leaks: ['PG::DatatypeMismatch'] },
  { name: 'a bad since', method: 'GET', path: '/api/sync?since=abc', fixedStatus: 400, leaks: ["version > 'abc'"] },
];

/** Anything that gives the server's internals away. */
const INTERNALS = /\/srv\/|node_modules|\bat [\w.<]+ \(|SELECT|INSERT|UPDATE|PG::|stack|syntax for type/;

describe.each(['default', 'fixed'] as const)('api errors (%s)', (variant) => {
  let lab: AppUnderTest;
  let token: string;
  beforeAll(async () => {
    lab = await startAppUnderTest({ variant, now: () => NOW });
    const res = await lab.request('https://api.acme.test/api/login', {
      method: 'POST', body: JSON.stringify({ email: 'a@acme.test', password: 'demo-password' }),
    });
    token = res.json().token;
  });
  afterAll(() => lab?.stop());

  it.each(rows)('$name', async ({ method, path, body, auth, fixedStatus, leaks }) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth !== false) headers.authorization = `Bearer ${token}`;
    const res = await lab.request(`https://api.acme.test${path}`, { method, headers, body });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    if (variant === 'default') {
      expect(res.status).toBe(500);
      expect(res.body).toMatch(/\/srv\/acme\/src\/[\w/]+\.js:\d+:\d+/);
      expect(res.json().stack).toMatch(/\n {4}at /);
      const text = Object.values(res.json()).join('\n');
      for (const leak of leaks) expect(text).toMatch(typeof leak === 'string' ? new RegExp(leak.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : leak);
    } else {
      expect(res.status).toBe(fixedStatus);
      expect(Object.keys(res.json())).toEqual(['error']);
      expect(res.body).not.toMatch(INTERNALS);
      expect(res.body.length).toBeLessThan(200);
    }
  });

  it('still answers after an oversized body (the connection was drained, not reset)', async () => {
    const res = await lab.request('https://api.acme.test/health');
    expect(res.status).toBe(variant === 'fixed' ? 200 : 404);
  });
});
