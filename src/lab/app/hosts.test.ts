// TOPOLOGY.md "HTTP behaviour": every host × scheme row, both variants, against a real listener.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Variant } from './context.js';
import { startAppUnderTest, type AppUnderTest } from './testing.js';

const NOW = new Date('2026-03-01T12:00:00Z');

interface Row {
  url: string;
  status: number;
  location?: string;
  contains?: string;
}

const rows: Record<Variant, Row[]> = {
  default: [
    { url: 'http://acme.test/x?q=1', status: 302, location: 'http://www.acme.test/' },
    { url: 'https://acme.test/', status: 200, contains: 'Acme Ops' },
    { url: 'http://www.acme.test/a/b?c=1', status: 301, location: 'https://www.acme.test/a/b?c=1' },
    { url: 'https://www.acme.test/a/b?c=1', status: 302, location: 'https://app.acme.test/' },
    { url: 'http://app.acme.test/tasks', status: 200, contains: '<h1>Tasks</h1>' },
    { url: 'https://app.acme.test/', status: 200, contains: '<h1>Dashboard</h1>' },
    { url: 'http://api.acme.test/api/tasks?x=1', status: 301, location: 'https://api.acme.test/api/tasks?x=1' },
    { url: 'https://admin.acme.test/', status: 200, contains: 'a@acme.test' },
    { url: 'http://admin.acme.test/', status: 301, location: 'https://admin.acme.test/' },
    { url: 'https://staging.acme.test/', status: 200, contains: 'staging environment' },
    { url: 'http://staging.acme.test/login', status: 301, location: 'https://staging.acme.test/login' },
    { url: 'https://status.acme.test/', status: 200, contains: 'All systems operational' },
    { url: 'http://status.acme.test/', status: 301, location: 'https://status.acme.test/' },
    { url: 'https://docs.acme.test/', status: 421 },
    { url: 'http://example.test/', status: 421 },
  ],
  fixed: [
    { url: 'http://acme.test/x?q=1', status: 301, location: 'https://app.acme.test/x?q=1' },
    { url: 'https://acme.test/', status: 301, location: 'https://app.acme.test/' },
    { url: 'https://acme.test/deep/path?k=v', status: 301, location: 'https://app.acme.test/deep/path?k=v' },
    { url: 'http://www.acme.test/a/b?c=1', status: 301, location: 'https://app.acme.test/a/b?c=1' },
    { url: 'https://www.acme.test/a/b?c=1', status: 301, location: 'https://app.acme.test/a/b?c=1' },
    { url: 'http://app.acme.test/tasks?page=2', status: 301, location: 'https://app.acme.test/tasks?page=2' },
    { url: 'https://app.acme.test/', status: 200, contains: '<h1>Dashboard</h1>' },
    { url: 'http://api.acme.test/health', status: 301, location: 'https://api.acme.test/health' },
    { url: 'https://admin.acme.test/', status: 302, location: 'https://app.acme.test/login?next=%2Fadmin' },
    { url: 'https://admin.acme.test/users', status: 302, location: 'https://app.acme.test/login?next=%2Fadmin' },
    { url: 'http://admin.acme.test/', status: 301, location: 'https://admin.acme.test/' },
    { url: 'https://staging.acme.test/', status: 200, contains: 'staging environment' },
    { url: 'https://status.acme.test/', status: 200, contains: 'All systems operational' },
    { url: 'https://docs.acme.test/', status: 421 },
  ],
};

describe.each(['default', 'fixed'] as const)('hosts (%s)', (variant) => {
  let lab: AppUnderTest;
  beforeAll(async () => {
    lab = await startAppUnderTest({ variant, now: () => NOW });
  });
  afterAll(() => lab?.stop());

  it.each(rows[variant])('$url → $status', async ({ url, status, location, contains }) => {
    const res = await lab.request(url);
    expect(res.status).toBe(status);
    expect(res.headers.location).toBe(location);
    if (contains) expect(res.body).toContain(contains);
  });

  it('ignores the port and case in Host', async () => {
    const res = await lab.request('https://app.acme.test/', { headers: { host: 'APP.acme.test:8443' } });
    expect(res.status).toBe(200);
  });

  it('answers 421 without a Host header', async () => {
    const res = await lab.request('https://app.acme.test/', { headers: { host: '' } });
    expect(res.status).toBe(421);
  });

  it('keeps a `//host` request target a path, not a new host', async () => {
    const res = await lab.request('http://api.acme.test//evil.test/x');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('https://api.acme.test//evil.test/x');
  });
});
