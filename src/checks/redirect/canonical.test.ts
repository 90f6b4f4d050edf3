import { describe, expect, it } from 'vitest';
import type { HostTarget } from '../../core/targets.js';
import type { RedirectHop } from '../../probes/types.js';
import { checkTester } from '../../test-support/check-tester.js';
import canonical, { canonicalVariants, judgeCanonicalChain, keepsPathAndQuery } from './canonical.js';

checkTester(canonical, {
  pass: [
    { name: 'every fixed variant reaches https://app.acme.test in one permanent hop', lab: 'fixed' },
    { name: 'the canonical origin answers; staging upgrades on its own host', lab: 'default', targets: ['https://app.acme.test', 'http://staging.acme.test', 'https://staging.acme.test'] },
  ],
  fail: [
    {
      name: 'http apex: 302 to http://www dropping the path, three hops',
      lab: 'default',
      expect: [
        { target: 'http://acme.test', messageId: 'tooManyHops', severity: 'high' },
        { target: 'http://acme.test', messageId: 'temporary' },
        { target: 'http://acme.test', messageId: 'pathDropped' },
      ],
    },
    {
      name: 'www: 302 to the canonical origin without the path',
      lab: 'default',
      expect: [
        { target: 'https://www.acme.test', messageId: 'temporary' },
        { target: 'https://www.acme.test', messageId: 'pathDropped' },
        { target: 'http://www.acme.test', messageId: 'pathDropped' },
      ],
    },
    {
      name: 'https apex serves its own page; http app never upgrades',
      lab: 'default',
      expect: [{ target: 'https://acme.test', messageId: 'wrongDestination' }, { target: 'http://app.acme.test', messageId: 'wrongDestination' }],
    },
    {
      name: 'a redirect loop',
      lab: 'hostile',
      config: (raw) => { raw.environments = { production: { canonical: 'https://loop.hostile.test', hosts: [{ name: 'loop.hostile.test' }] } }; },
      expect: [{ target: 'http://loop.hostile.test', messageId: 'loop' }, { target: 'https://loop.hostile.test', messageId: 'loop' }],
    },
  ],
  error: [
    {
      name: 'trickling body, stalled handshake, refused, DNS down, bot wall',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '600ms';
        raw.environments = {
          production: {
            canonical: 'https://slow.hostile.test',
            hosts: ['slow', 'stall', 'refused', 'servfail', 'wall'].map((h) => ({ name: `${h}.hostile.test` })),
          },
        };
      },
      expect: [
        { target: 'http://slow.hostile.test' }, { target: 'https://slow.hostile.test' }, { target: 'https://stall.hostile.test' },
        { target: 'http://refused.hostile.test' }, { target: 'https://servfail.hostile.test' }, { target: 'https://wall.hostile.test' },
      ],
    },
  ],
  skip: [
    { name: 'an environment without a canonical origin', lab: 'fixed', config: (raw) => { delete raw.environments.staging.canonical; }, expect: [{ target: 'staging' }] },
  ],
});

const host = (name: string, role?: HostTarget['role']): HostTarget => ({ name, role, environment: 'production' });

describe('canonicalVariants', () => {
  it('covers http/https × the canonical host and every front host, skipping api/admin/status', () => {
    const v = canonicalVariants('https://app.acme.test', [host('acme.test'), host('www.acme.test', 'marketing'), host('app.acme.test', 'app'), host('api.acme.test', 'api'), host('admin.acme.test', 'admin'), host('status.acme.test', 'status')]);
    expect(v.map((x) => [x.target, x.maxHops])).toEqual([
      ['http://app.acme.test', 1], ['https://app.acme.test', 0],
      ['http://acme.test', 2], ['https://acme.test', 1],
      ['http://www.acme.test', 2], ['https://www.acme.test', 1],
    ]);
    expect(v[2].start).toBe('http://acme.test/launchready-probe?lr=1');
  });

  it('includes an undeclared canonical host and keeps its port', () => {
    expect(canonicalVariants('https://App.Acme.test:8443/', []).map((x) => x.start)).toEqual([
      'http://app.acme.test/launchready-probe?lr=1', 'https://app.acme.test:8443/launchready-probe?lr=1',
    ]);
  });
});

describe('keepsPathAndQuery', () => {
  it.each([
    { from: 'http://a/x?q=1', to: 'https://b/x?q=1', want: true },
    { from: 'http://a/x?q=1', to: 'https://b/x/?q=1', want: true },
    { from: 'http://a/x?q=1', to: 'https://b/x?q=1&utm=2', want: true },
    { from: 'http://a/x?q=1', to: 'https://b/', want: false },
    { from: 'http://a/x?q=1', to: 'https://b/x', want: false },
    { from: 'http://a/x?q=1', to: 'https://b/x?q=2', want: false },
    { from: 'http://a/x?q=1', to: 'https://b/y?q=1', want: false },
  ])('$from → $to', ({ from, to, want }) => {
    expect(keepsPathAndQuery(from, to)).toBe(want);
  });
});

const P = '/launchready-probe?lr=1';
const redirect = (status: number, url: string, location: string): RedirectHop => ({ status, url, location });
const answer = (status: number, url: string): RedirectHop => ({ status, url });
const CANON = 'https://app.test';
const DECLARED = ['http://app.test', 'https://app.test', 'http://www.app.test', 'https://www.app.test', 'http://app2.test', 'https://app2.test'];

describe('judgeCanonicalChain', () => {
  it.each([
    { name: 'canonical answers 200', start: `${CANON}${P}`, max: 0, hops: [answer(200, `${CANON}${P}`)], want: { ok: true, evidence: { hops: 0 } } },
    { name: 'canonical answers 404 (the probe path does not exist)', start: `${CANON}${P}`, max: 0, hops: [answer(404, `${CANON}${P}`)], want: { ok: true } },
    {
      name: 'canonical redirects inside its origin (app-level, not judged)',
      start: `${CANON}${P}`, max: 0, hops: [redirect(302, `${CANON}${P}`, `${CANON}/login`), answer(200, `${CANON}/login`)], want: { ok: true },
    },
    {
      name: 'canonical sends a temporary redirect to an undeclared SSO origin: noted',
      start: `${CANON}${P}`, max: 0, hops: [redirect(302, `${CANON}${P}`, 'https://sso.idp.test/authorize?return=x'), answer(200, 'https://sso.idp.test/authorize?return=x')],
      want: { ok: true, evidence: { note: expect.stringContaining('sign-in') } },
    },
    {
      name: 'canonical redirects permanently elsewhere: it is not the canonical origin',
      start: `${CANON}${P}`, max: 0, hops: [redirect(301, `${CANON}${P}`, `https://www.app.test${P}`), answer(200, `https://www.app.test${P}`)],
      want: { ok: false, findings: [{ messageId: 'wrongDestination' }] },
    },
    {
      name: 'canonical redirects temporarily to another declared host',
      start: `${CANON}${P}`, max: 0, hops: [redirect(302, `${CANON}${P}`, `https://app2.test${P}`), answer(200, `https://app2.test${P}`)],
      want: { ok: false, findings: [{ messageId: 'wrongDestination' }] },
    },
    { name: 'http canonical host: one permanent hop', start: `http://app.test${P}`, max: 1, hops: [redirect(301, `http://app.test${P}`, `${CANON}${P}`), answer(200, `${CANON}${P}`)], want: { ok: true, evidence: { hops: 1 } } },
    { name: 'https www: one 308 hop', start: `https://www.app.test${P}`, max: 1, hops: [redirect(308, `https://www.app.test${P}`, `${CANON}${P}`), answer(200, `${CANON}${P}`)], want: { ok: true } },
    {
      name: 'http www: http→https same host, then canonical (HSTS preload shape, 2 allowed)',
      start: `http://www.app.test${P}`, max: 2,
      hops: [redirect(301, `http://www.app.test${P}`, `https://www.app.test${P}`), redirect(301, `https://www.app.test${P}`, `${CANON}${P}`), answer(200, `${CANON}${P}`)],
      want: { ok: true, evidence: { hops: 2 } },
    },
    {
      name: 'same chain from https www: 2 hops is one too many',
      start: `https://www.app.test${P}`, max: 1,
      hops: [redirect(301, `https://www.app.test${P}`, `https://www.app.test/launchready-probe/?lr=1`), redirect(301, 'https://www.app.test/launchready-probe/?lr=1', `${CANON}${P}`), answer(200, `${CANON}${P}`)],
      want: { ok: false, findings: [{ messageId: 'tooManyHops', evidence: { hops: 2, maxHops: 1 } }] },
    },
    {
      name: 'apex: 302 to http://www dropping the path, then two more hops',
      start: `http://app2.test${P}`, max: 2,
      hops: [
        redirect(302, `http://app2.test${P}`, 'http://www.app.test/'),
        redirect(301, 'http://www.app.test/', 'https://www.app.test/'),
        redirect(302, 'https://www.app.test/', `${CANON}/`),
        answer(200, `${CANON}/`),
      ],
      want: {
        ok: false,
        findings: [
          { messageId: 'tooManyHops', evidence: { hops: 3, actual: `3 hops: http://app2.test${P} → http://www.app.test/ → https://www.app.test/ → https://app.test/` } },
          { messageId: 'temporary', evidence: { status: 302, actual: [`302 http://app2.test${P} → http://www.app.test/`, '302 https://www.app.test/ → https://app.test/'] } },
          // Only the hop that lost them: the later hops keep the "/" they were given.
          { messageId: 'pathDropped', evidence: { actual: [`302 http://app2.test${P} → http://www.app.test/`] } },
        ],
      },
    },
    {
      name: 'same-origin trailing-slash hop before arrival is counted but not judged for status',
      start: `https://www.app.test${P}`, max: 1,
      hops: [redirect(302, `https://www.app.test${P}`, `https://www.app.test/launchready-probe/?lr=1`), redirect(301, 'https://www.app.test/launchready-probe/?lr=1', `${CANON}/launchready-probe/?lr=1`), answer(200, `${CANON}/launchready-probe/?lr=1`)],
      want: { ok: false, findings: [{ messageId: 'tooManyHops' }] },
    },
    { name: 'https apex serves its own page', start: `https://app2.test${P}`, max: 1, hops: [answer(200, `https://app2.test${P}`)], want: { ok: false, findings: [{ messageId: 'wrongDestination', evidence: { actual: `ends at 200 https://app2.test${P}` } }] } },
    {
      name: 'ends on another origin after redirects',
      start: `https://app2.test${P}`, max: 1, hops: [redirect(301, `https://app2.test${P}`, `https://www.app.test${P}`), answer(200, `https://www.app.test${P}`)],
      want: { ok: false, findings: [{ messageId: 'wrongDestination' }] },
    },
    {
      name: 'loop before arrival',
      start: `http://app2.test${P}`, max: 2,
      hops: [redirect(302, `http://app2.test${P}`, 'http://app2.test/a'), redirect(302, 'http://app2.test/a', 'http://app2.test/b'), redirect(302, 'http://app2.test/b', 'http://app2.test/a')],
      error: { code: 'LOOP', message: 'redirect loop' },
      want: { ok: false, findings: [{ messageId: 'loop' }] },
    },
    {
      name: 'loop after arrival still fails loop',
      start: `http://app.test${P}`, max: 1,
      hops: [redirect(301, `http://app.test${P}`, `${CANON}${P}`), redirect(302, `${CANON}${P}`, `${CANON}/a`), redirect(302, `${CANON}/a`, `${CANON}${P}`)],
      error: { code: 'LOOP', message: 'redirect loop' },
      want: { ok: false, findings: [{ messageId: 'loop' }] },
    },
    { name: 'timeout before arrival', start: `https://app2.test${P}`, max: 1, hops: [], error: { code: 'TIMEOUT', message: 't' }, want: { ok: 'error', error: { code: 'TIMEOUT' } } },
    {
      name: 'timeout on the canonical origin after a correct hop: the way there is judged',
      start: `https://app2.test${P}`, max: 1, hops: [redirect(301, `https://app2.test${P}`, `${CANON}${P}`)], error: { code: 'TIMEOUT', message: 't' },
      want: { ok: true, evidence: { hops: 1, note: expect.stringContaining('TIMEOUT') } },
    },
    {
      name: 'temporary hop to a canonical origin that times out',
      start: `https://app2.test${P}`, max: 1, hops: [redirect(302, `https://app2.test${P}`, `${CANON}/`)], error: { code: 'TIMEOUT', message: 't' },
      want: { ok: false, findings: [{ messageId: 'temporary' }, { messageId: 'pathDropped' }] },
    },
    {
      name: 'the canonical origin itself times out',
      start: `${CANON}${P}`, max: 0, hops: [], error: { code: 'TIMEOUT', message: 't' },
      want: { ok: 'error', error: { code: 'TIMEOUT' } },
    },
  ])('$name', ({ start, max, hops, error, want }) => {
    expect(judgeCanonicalChain({ start, hops, error }, { canonical: CANON, maxHops: max, declaredOrigins: DECLARED })).toMatchObject(want);
  });
});
