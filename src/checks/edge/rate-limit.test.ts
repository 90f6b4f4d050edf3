import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import { firstLimited, judgeBurst, probeBody, PROBE_EMAIL, statusCounts, type Attempt } from '../../engines/edge/burst.js';
import rateLimit from './rate-limit.js';

checkTester(rateLimit, {
  pass: [{ name: 'fixed answers 429 + Retry-After: 60 after 10 attempts', lab: 'fixed', targets: ['POST /api/login'] }],
  fail: [
    {
      name: 'default never limits',
      lab: 'default',
      config: (raw) => { raw.audit.rate_limit_burst = 20; },
      expect: [{ target: 'POST /api/login', messageId: 'noLimit', severity: 'high' }],
    },
  ],
  error: [{ name: 'a bot wall in front of the API', lab: 'hostile', expect: [{ target: 'POST /api/login' }] }],
  skip: [
    { name: 'probe switched off', lab: 'default', config: (raw) => { raw.audit.rate_limit_probe = false; }, expect: [{ target: 'POST /api/login' }] },
    { name: 'no login declared', lab: 'default', config: (raw) => { delete raw.api.login; }, expect: [{}] },
  ],
});

describe('probeBody', () => {
  it.each([
    [{ email: 'a@acme.test', password: 'real' }, { email: PROBE_EMAIL, password: 'WRONG' }],
    [{ user: { username: 'alice', pass: 'real' }, remember: true }, { user: { username: PROBE_EMAIL, pass: 'WRONG' }, remember: true }],
    [{ identifier: 'a@x', secret: 'real', tenant: 'acme' }, { identifier: PROBE_EMAIL, secret: 'WRONG', tenant: 'acme' }],
    [{ grant_type: 'password' }, { email: PROBE_EMAIL, password: 'WRONG' }],
    ['email=a&password=b', { email: PROBE_EMAIL, password: 'WRONG' }],
    [undefined, { email: PROBE_EMAIL, password: 'WRONG' }],
  ])('%j', (body, want) => {
    expect(probeBody(body, 'WRONG')).toEqual(want);
  });

  it('never keeps the configured secret', () => {
    expect(JSON.stringify(probeBody({ login: { email: 'a@acme.test', password: 'demo-password' } }, 'x'))).not.toMatch(/demo-password|a@acme\.test/);
  });
});

const seq = (...statuses: (number | [number, string])[]): Attempt[] =>
  statuses.map((s) => (Array.isArray(s) ? { status: s[0], retryAfter: s[1] } : { status: s }));

describe('judgeBurst', () => {
  it.each([
    ['429 with Retry-After after 10', seq(...Array(10).fill(401), [429, '60']), 30, true],
    ['503 with Retry-After', seq(401, 401, [503, '120']), 30, true],
    ['already limited', seq([429, '30']), 30, true],
    ['429 without Retry-After', seq(401, 401, 429), 30, 'noRetryAfter'],
    ['WAF block (403 after 401s)', seq(401, 401, 401, 403), 30, 'noRetryAfter'],
    ['never limited', seq(...Array(30).fill(401)), 30, 'noLimit'],
    ['all 403 is a refusal, not a limit', seq(...Array(5).fill(403)), 5, 'noLimit'],
    ['route missing', seq(404, 404), 5, 'unjudgeable'],
    ['service down from the start', seq(503), 5, 'unjudgeable'],
    ['nothing answered', seq(), 5, 'unjudgeable'],
  ])('%s', (_name, attempts, planned, want) => {
    const v = judgeBurst(attempts, planned);
    expect(v.ok === false ? v.messageId : v.ok).toBe(want);
  });

  it('an incomplete burst without a limit is no verdict', () => {
    expect(judgeBurst(seq(401, 401), 30, false).ok).toBe('unjudgeable');
  });

  it('names the attempt count and the Retry-After value', () => {
    expect(judgeBurst(seq(401, 401, [429, '60']), 30)).toMatchObject({
      ok: true,
      evidence: { attempts: 3, limitedAfter: 3, limitStatus: 429, retryAfter: '60', statuses: { 401: 2, 429: 1 } },
    });
  });

  it('counts statuses and finds the first limit', () => {
    expect(statusCounts(seq(401, 401, 500))).toEqual({ 401: 2, 500: 1 });
    expect(firstLimited(seq(403, 403))).toBe(-1);
    expect(firstLimited(seq(401, 403))).toBe(1);
  });
});
