import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import health, { dependencyKeys, judgeHealth, looksLikeHealth, type HealthAnswer } from './health-endpoint.js';

checkTester(health, {
  pass: [
    { name: 'fixed reports its dependencies at /health', lab: 'fixed' },
    { name: 'undeclared, found at /health', lab: 'fixed', config: (raw) => { delete raw.api.health; } },
  ],
  fail: [
    { name: 'default has no /health', lab: 'default', expect: [{ target: 'https://api.acme.test/health', messageId: 'missing', severity: 'high' }] },
    { name: 'undeclared and nothing found', lab: 'default', config: (raw) => { delete raw.api.health; }, expect: [{ target: 'https://api.acme.test', messageId: 'missing' }] },
    {
      name: 'a declared path behind authentication',
      lab: 'fixed',
      config: (raw) => { raw.api.health = '/api/tasks'; },
      expect: [{ target: 'https://api.acme.test/api/tasks', messageId: 'requiresAuth' }],
    },
  ],
  error: [
    { name: 'a bot wall in front of the API', lab: 'hostile', expect: [{ target: 'https://wall.hostile.test/health' }] },
    { name: 'a bot wall while discovering', lab: 'hostile', config: (raw) => { delete raw.api.health; }, expect: [{ target: 'https://wall.hostile.test' }] },
  ],
  skip: [{ name: 'no api section', lab: 'default', config: (raw) => { delete raw.api; }, expect: [{}] }],
});

const answer = (status: number, extra: Partial<HealthAnswer> = {}): HealthAnswer =>
  ({ url: 'https://api.x.test/health', status, body: '', totalMs: 40, ...extra });

describe('judgeHealth', () => {
  it.each([
    ['200 JSON', answer(200, { contentType: 'application/json', body: '{"status":"ok"}' }), true],
    ['204', answer(204), true],
    ['200 slow', answer(200, { totalMs: 2_500 }), 'slow'],
    ['404', answer(404), 'missing'],
    ['410', answer(410), 'missing'],
    ['503', answer(503, { body: '{"status":"down"}' }), 'unhealthy'],
    ['500', answer(500), 'unhealthy'],
    ['405', answer(405), 'unhealthy'],
    ['401', answer(401), 'requiresAuth'],
    ['403', answer(403), 'requiresAuth'],
    ['302 to /login', answer(302, { location: '/login?next=/health' }), 'requiresAuth'],
    ['302 to an identity provider', answer(302, { location: 'https://sso.x.test/' }), 'requiresAuth'],
    ['302 without Location', answer(302), 'unhealthy'],
  ])('%s → %s', (_name, a, want) => {
    const v = judgeHealth(a);
    expect(v.ok === true ? true : v.ok === false ? v.messageId : v.ok).toBe(want);
  });

  it('follows a same-origin redirect', () => {
    expect(judgeHealth(answer(301, { location: '/health/' }))).toEqual({ ok: 'follow' });
  });

  it('reports the dependencies and the time', () => {
    const v = judgeHealth(answer(200, { contentType: 'application/json', body: '{"status":"ok","checks":{"database":"ok","queue":"ok"}}', totalMs: 12.4 }));
    expect(v).toEqual({ ok: true, evidence: { url: 'https://api.x.test/health', status: 200, timeMs: 12, contentType: 'application/json', dependencies: ['database', 'queue'] } });
  });
});

describe('dependencyKeys', () => {
  it.each([
    ['{"status":"ok","checks":{"db":"ok"}}', ['db']],
    ['{"status":"UP","components":{"db":{"status":"UP"},"diskSpace":{}}}', ['db', 'diskSpace']],
    ['{"status":"ok","info":{"database":{"status":"up"}},"details":{"database":{}}}', ['database']],
    ['{"checks":[{"name":"postgres","status":"pass"}]}', ['postgres']],
    ['{"status":"ok"}', undefined],
    ['ok', undefined],
    ['[1,2]', undefined],
  ])('%s', (body, want) => expect(dependencyKeys(body)).toEqual(want));
});

describe('looksLikeHealth', () => {
  it.each([
    [{ status: 200, contentType: 'application/json', body: '{}' }, true],
    [{ status: 200, contentType: 'text/plain', body: 'OK' }, true],
    [{ status: 204, body: '' }, true],
    [{ status: 200, contentType: 'text/html', body: '<!doctype html><div id="root">' }, false],
    [{ status: 200, body: '<html><body>app</body></html>' }, false],
    [{ status: 404, contentType: 'application/json', body: '{}' }, false],
  ])('%j → %s', (a, want) => expect(looksLikeHealth(a)).toBe(want));
});
