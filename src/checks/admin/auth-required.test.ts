import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import { isLoginForm, isSpaShell, summarizeHtml } from '../../engines/admin/html-page.js';
import { judgeAdminAnswer, judgeRedirect, type AdminAnswer } from '../../engines/admin/verdict.js';
import authRequired from './auth-required.js';

checkTester(authRequired, {
  pass: [
    {
      name: 'fixed: admin host and app /admin redirect to sign-in, the API answers 401',
      lab: 'fixed',
      targets: ['https://admin.acme.test/', 'https://api.acme.test/api/admin/users', 'https://app.acme.test/admin'],
    },
  ],
  fail: [
    {
      name: 'default serves the admin page and the user list to anyone',
      lab: 'default',
      expect: [
        { target: 'https://admin.acme.test/', messageId: 'servedAnonymously', severity: 'blocker' },
        { target: 'https://api.acme.test/api/admin/users', messageId: 'servedAnonymously' },
      ],
    },
  ],
  error: [
    { name: 'a bot wall in front of the API', lab: 'hostile', expect: [{ target: 'https://wall.hostile.test/admin' }] },
    { name: 'a redirect loop on the canonical origin', lab: 'hostile', expect: [{ target: 'https://loop.hostile.test/admin' }] },
  ],
  skip: [
    {
      name: 'no admin host and no admin paths',
      lab: 'default',
      config: (raw) => {
        raw.environments.production.hosts = raw.environments.production.hosts.filter((h: { role?: string }) => h.role !== 'admin');
        raw.api.admin_paths = [];
      },
      expect: [{}],
    },
  ],
});

const html = (body: string, head = '') => `<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`;
const answer = (status: number, headers: Record<string, string>, body = '', url = 'https://admin.x.test/admin'): AdminAnswer =>
  ({ url, status, headers, body: Buffer.from(body) });

describe('judgeAdminAnswer', () => {
  const shell = html('<div id="root"></div>', '<script type="module" src="/assets/index-3f9a.js"></script>');
  it.each([
    ['401', answer(401, { 'content-type': 'application/json' }, '{"error":"x"}'), true],
    ['403', answer(403, {}), true],
    ['302 to /login', answer(302, { location: '/login?next=%2Fadmin' }), true],
    ['302 to /users/sign_in', answer(302, { location: '/users/sign_in' }), true],
    ['302 to an identity provider', answer(302, { location: 'https://login.microsoftonline.com/x/oauth2/authorize' }), true],
    ['302 to another origin', answer(302, { location: 'https://app.x.test/' }), true],
    ['404', answer(404, { 'content-type': 'text/html' }, html('<h1>Not found</h1>')), true],
    ['410', answer(410, {}), true],
    ['405', answer(405, {}), true],
    ['200 sign-in form', answer(200, { 'content-type': 'text/html' }, html('<form><input type="email" name="e"><input type="password" name="p"><button>Sign in</button></form>')), true],
    ['200 SPA shell', answer(200, { 'content-type': 'text/html' }, shell), true],
    ['200 empty', answer(200, { 'content-type': 'text/html' }, ''), true],
    ['200 JSON auth error', answer(200, { 'content-type': 'application/json' }, '{"error":"Unauthorized"}'), true],
    ['200 JSON user list', answer(200, { 'content-type': 'application/json' }, '{"users":[{"email":"a@x.test"}]}'), false],
    ['200 JSON array', answer(200, { 'content-type': 'application/json' }, '[{"id":1}]'), false],
    ['200 JSON without content type', answer(200, {}, '{"users":[]}'), false],
    ['200 admin HTML', answer(200, { 'content-type': 'text/html' }, html('<h1>Users</h1><table><tr><td>a@x.test</td></tr></table>')), false],
    ['200 user editor with password fields', answer(200, { 'content-type': 'text/html' }, html(`<h1>Edit user</h1>${'<input type="text">'.repeat(5)}<input type="password"><table><tr><td>x</td></tr></table>`)), false],
    ['200 text', answer(200, { 'content-type': 'text/plain' }, 'users: 12'), false],
  ])('%s → ok %s', (_name, a, ok) => {
    expect(judgeAdminAnswer(a).ok).toBe(ok);
  });

  it('follows a same-origin redirect that is not a sign-in page', () => {
    expect(judgeAdminAnswer(answer(301, { location: '/admin/' }))).toEqual({ ok: 'follow', location: 'https://admin.x.test/admin/' });
  });

  it.each([
    ['500', answer(500, {})],
    ['302 without Location', answer(302, {})],
  ])('%s is unjudgeable', (_name, a) => {
    expect(judgeAdminAnswer(a).ok).toBe('unjudgeable');
  });

  it('passes an HTML page identical to the host root (an SPA shell) and notes it', () => {
    const page = html('<h1>Dashboard</h1><ul><li>one</li><li>two</li></ul>', '<script src="/app.js"></script>');
    const a = answer(200, { 'content-type': 'text/html; charset=utf-8' }, page);
    expect(judgeAdminAnswer(a).ok).toBe(false);
    const v = judgeAdminAnswer(a, Buffer.from(page));
    expect(v.ok).toBe(true);
    if (v.ok === true) expect(v.evidence.note).toMatch(/SPA shell/);
  });

  it('gives a short, non-sensitive excerpt for a failure', () => {
    const v = judgeAdminAnswer(answer(200, { 'content-type': 'application/json' }, '{"users":[{"email":"a@x.test","password_hash":"$2b$"}]}'));
    expect(v).toMatchObject({ ok: false, messageId: 'servedAnonymously', evidence: { status: 200, contentType: 'application/json', excerpt: 'keys: users' } });
    expect(JSON.stringify(v)).not.toContain('a@x.test');
    const page = judgeAdminAnswer(answer(200, { 'content-type': 'text/html' }, html('<table><tr><td>a@x.test</td></tr></table>')));
    expect(page).toMatchObject({ ok: false, evidence: { title: 'T', excerpt: '<title>T</title>' } });
  });
});

describe('judgeRedirect', () => {
  it.each([
    ['https://a.test/admin', '/login', true],
    ['https://a.test/admin', 'https://a.test/auth/realms/x', true],
    ['https://a.test/admin', 'https://b.test/', true],
    ['https://a.test/admin', '/admin/', false],
    ['https://a.test/admin', '/administrator', false],
    ['https://a.test/admin', '/blogin', false],
  ])('%s → %s: sign-in %s', (from, location, signIn) => {
    expect(judgeRedirect(from, location).signIn).toBe(signIn);
  });
});

describe('summarizeHtml', () => {
  it('counts what matters', () => {
    const s = summarizeHtml('<html><head><title> Admin — Users </title><script>var x = "hidden text"</script></head><body><h1>Users</h1><table><tr><td>a</td></tr><tr><td>b</td></tr></table><input type=password><input></body></html>');
    expect(s).toEqual({ title: 'Admin — Users', passwordInputs: 1, otherInputs: 1, scripts: 1, visibleTextLength: 'Users a b'.length, dataRows: 2 });
    expect(isLoginForm(s)).toBe(true);
    expect(isSpaShell(s)).toBe(false);
    expect(isSpaShell(summarizeHtml('<div id="app"></div><script src="/a.js"></script>'))).toBe(true);
    expect(isSpaShell(summarizeHtml('<div id="app"></div>'))).toBe(false);
  });
});
