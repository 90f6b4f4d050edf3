import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import danglingCname, { COMMON_SUBDOMAIN_LABELS, danglesInside, judgeDangling } from './dangling-cname.js';

checkTester(danglingCname, {
  pass: [
    { name: 'fixed: no dangling CNAME, declared hosts pass', lab: 'fixed' },
    { name: 'api CNAME chain resolves', lab: 'default', targets: ['api.acme.test', 'app.acme.test'] },
  ],
  fail: [
    {
      name: 'undeclared docs CNAME points at a missing name',
      lab: 'default',
      expect: [{ target: 'docs.acme.test', messageId: 'dangling', severity: 'high' }],
    },
    {
      name: 'declared host with a dangling CNAME',
      lab: 'default',
      config: (raw) => { raw.environments.production.hosts.push({ name: 'docs.acme.test', role: 'other' }); },
      expect: [{ target: 'docs.acme.test', messageId: 'dangling' }],
    },
  ],
  error: [
    {
      name: 'declared hosts whose DNS times out or SERVFAILs',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '600ms';
        raw.environments.production.hosts = [{ name: 'timeout.hostile.test' }, { name: 'servfail.hostile.test' }];
      },
      expect: [{ target: 'timeout.hostile.test' }, { target: 'servfail.hostile.test' }],
    },
  ],
});

describe('judgeDangling', () => {
  it.each([
    { name: 'no CNAME, resolves', got: { status: 'ok' as const, cnames: [] } },
    { name: 'no CNAME, NXDOMAIN (not a dangling CNAME)', got: { status: 'nxdomain' as const, cnames: [] } },
    { name: 'chain resolves', got: { status: 'ok' as const, cnames: ['edge.cdn.test'] } },
    { name: 'chain ends at a name without addresses (it exists)', got: { status: 'nodata' as const, cnames: ['edge.cdn.test'] } },
  ])('not dangling: $name', ({ got }) => {
    expect(judgeDangling('x.acme.test', got).dangling).toBe(false);
  });

  it.each([
    { name: 'one link', cnames: ['acme-docs.ghost-pages.test'], missing: 'acme-docs.ghost-pages.test' },
    { name: 'dead at the end of two links', cnames: ['a.cdn.test', 'gone.bucket.test'], missing: 'gone.bucket.test' },
  ])('dangling: $name', ({ cnames, missing }) => {
    const v = judgeDangling('docs.acme.test', { status: 'nxdomain', cnames });
    expect(v).toMatchObject({ dangling: true, missingName: missing, evidence: { chain: ['docs.acme.test', ...cnames], missingName: missing } });
  });

  it.each([
    ['old.acme.test', ['acme.test'], true],
    ['acme-docs.ghost-pages.test', ['acme.test'], false],
  ])('danglesInside(%s, %j) = %s', (name, domains, out) => {
    expect(danglesInside(name, domains)).toBe(out);
  });

  it('guesses the common labels, each once', () => {
    expect(new Set(COMMON_SUBDOMAIN_LABELS).size).toBe(COMMON_SUBDOMAIN_LABELS.length);
    expect(COMMON_SUBDOMAIN_LABELS).toContain('docs');
  });
});
