import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import { corsProbes, judgeCors, lookalikes, UNAPPROVED_ORIGIN, type CorsObservation, type CorsProbe } from '../../engines/cors/judge.js';
import policy, { corsProbePath } from './policy.js';

checkTester(policy, {
  pass: [{ name: 'fixed allows only https://app.acme.test', lab: 'fixed' }],
  fail: [
    {
      name: 'default reflects every origin, null included, with credentials',
      lab: 'default',
      expect: [
        { target: 'https://api.acme.test', messageId: 'reflectsOrigin', severity: 'blocker' },
        { target: 'https://api.acme.test', messageId: 'allowsNull', severity: 'blocker' },
      ],
    },
    {
      name: 'fixed refuses an origin the config declares',
      lab: 'fixed',
      config: (raw) => { raw.api.cors.allowed_origins = ['https://app.acme.test', 'https://partner.acme.test']; },
      expect: [{ target: 'https://api.acme.test', messageId: 'declaredOriginRefused', severity: 'medium' }],
    },
  ],
  error: [{ name: 'a bot wall in front of the API', lab: 'hostile', expect: [{ target: 'https://wall.hostile.test' }] }],
  skip: [{ name: 'no api section', lab: 'default', config: (raw) => { delete raw.api; }, expect: [{}] }],
});

describe('lookalikes', () => {
  it.each([
    ['https://app.acme.test', [['https://app.acme.test.evil.invalid', false], ['https://evilapp.acme.test', true]]],
    ['https://acme.com', [['https://acme.com.evil.invalid', false], ['https://evilacme.com', false]]],
    ['http://localhost:3000', [['http://localhost.evil.invalid:3000', false], ['http://evillocalhost:3000', false]]],
    ['not a url', []],
  ])('%s', (origin, want) => {
    expect(lookalikes(origin).map((l) => [l.origin, l.sameSite])).toEqual(want);
  });
});

describe('corsProbes', () => {
  it('probes unapproved, null, look-alikes, declared, then a preflight', () => {
    const probes = corsProbes(['https://app.acme.test', '*']);
    expect(probes.map((p) => `${p.method} ${p.kind} ${p.origin}`)).toEqual([
      `GET unapproved ${UNAPPROVED_ORIGIN}`,
      'GET null null',
      'GET lookalike https://app.acme.test.evil.invalid',
      'GET lookalike https://evilapp.acme.test',
      'GET declared https://app.acme.test',
      `OPTIONS unapproved ${UNAPPROVED_ORIGIN}`,
    ]);
  });
});

describe('corsProbePath', () => {
  const api = { base: 'https://api.x', admin_paths: [], endpoints: [] };
  it.each([
    [{ ...api, endpoints: [{ name: 'w', method: 'POST', path: '/w', kind: 'write' as const }, { name: 'r', method: 'GET', path: '/r', kind: 'read' as const }] }, '/r'],
    [{ ...api, health: '/healthz' }, '/healthz'],
    [api, '/'],
  ])('%#', (section, path) => expect(corsProbePath(section)).toBe(path));
});

/** Observations of a server whose answer to each probe is `answer(probe)`. */
function observe(allowed: string[], answer: (p: CorsProbe) => { acao?: string; creds?: boolean }): CorsObservation[] {
  return corsProbes(allowed).map((p) => {
    const a = answer(p);
    return { ...p, status: 200, allowOrigin: a.acao, allowCredentials: a.creds ?? false };
  });
}

const APP = 'https://app.acme.test';
const verdict = (allowed: string[], answer: Parameters<typeof observe>[1]) =>
  judgeCors(observe(allowed, answer), allowed).map((f) => `${f.messageId}:${f.severity}`).sort();

describe('judgeCors', () => {
  it.each([
    ['exact allowlist', [APP], (p: CorsProbe) => ({ acao: p.origin === APP ? APP : undefined, creds: p.origin === APP }), []],
    ['exact allowlist with a trailing slash', [APP], (p: CorsProbe) => ({ acao: p.origin === APP ? `${APP}/` : undefined }), []],
    ['a fixed ACAO whatever the origin', [APP], () => ({ acao: APP, creds: true }), []],
    ['reflects everything with credentials', [APP], (p: CorsProbe) => ({ acao: p.origin, creds: true }), ['allowsNull:blocker', 'reflectsOrigin:blocker']],
    ['reflects everything without credentials', [APP], (p: CorsProbe) => ({ acao: p.origin }), ['allowsNull:high', 'reflectsOrigin:high']],
    ['endsWith bug (sibling look-alike only)', [APP], (p: CorsProbe) => ({ acao: p.origin.endsWith('app.acme.test') ? p.origin : undefined, creds: true }), ['reflectsOrigin:high']],
    ['startsWith bug', [APP], (p: CorsProbe) => ({ acao: p.origin.startsWith(APP) ? p.origin : undefined, creds: true }), ['reflectsOrigin:blocker']],
    ['preflight only reflects', [APP], (p: CorsProbe) => ({ acao: p.method === 'OPTIONS' || p.origin === APP ? p.origin : undefined }), ['reflectsOrigin:high']],
    ['wildcard with declared origins', [APP], () => ({ acao: '*' }), ['wildcard:medium']],
    ['wildcard with credentials', [APP], () => ({ acao: '*', creds: true }), ['wildcardWithCredentials:high']],
    ['wildcard, nothing declared', [], () => ({ acao: '*' }), []],
    ['public API declared with *', ['*'], (p: CorsProbe) => ({ acao: p.origin === 'null' ? undefined : p.origin }), []],
    ['public API that reflects with credentials', ['*'], (p: CorsProbe) => ({ acao: p.origin, creds: true }), ['allowsNull:blocker', 'reflectsOrigin:blocker']],
    ['declared origin refused', [APP, 'https://partner.test'], (p: CorsProbe) => ({ acao: p.origin === APP ? APP : undefined }), ['declaredOriginRefused:medium']],
    ['no CORS at all', [APP], () => ({}), ['declaredOriginRefused:medium']],
  ])('%s', (_name, allowed, answer, want) => {
    expect(verdict(allowed, answer)).toEqual(want);
  });

  it('shows the origin sent and the headers received', () => {
    const [f] = judgeCors(observe([APP], (p) => ({ acao: p.kind === 'unapproved' ? p.origin : undefined, creds: true })), [APP]);
    expect(f.messageId).toBe('reflectsOrigin');
    expect(f.evidence.origins).toEqual([UNAPPROVED_ORIGIN]);
    expect(f.evidence.actual).toEqual([
      `Origin: ${UNAPPROVED_ORIGIN} → 200, Access-Control-Allow-Origin: ${UNAPPROVED_ORIGIN}, Access-Control-Allow-Credentials: true`,
      `preflight Origin: ${UNAPPROVED_ORIGIN} → 200, Access-Control-Allow-Origin: ${UNAPPROVED_ORIGIN}, Access-Control-Allow-Credentials: true`,
    ]);
  });
});
