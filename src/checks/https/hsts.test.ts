import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import hsts, { judgeHsts, parseHsts, splitHeaderFields } from './hsts.js';

checkTester(hsts, {
  pass: [{ name: 'every fixed host sends two years with includeSubDomains', lab: 'fixed' }],
  fail: [
    { name: 'app sends none', lab: 'default', expect: [{ target: 'app.acme.test', messageId: 'missing', severity: 'medium' }] },
    { name: 'api sends max-age=300', lab: 'default', expect: [{ target: 'api.acme.test', messageId: 'shortMaxAge', severity: 'medium' }] },
    { name: 'the www redirect answer carries none either', lab: 'default', expect: [{ target: 'www.acme.test', messageId: 'missing' }] },
  ],
  error: [
    {
      name: 'handshake stalls, nothing listens, bot wall',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '600ms';
        raw.environments = { production: { hosts: ['stall', 'refused', 'wall'].map((h) => ({ name: `${h}.hostile.test` })) } };
      },
      expect: [{ target: 'stall.hostile.test' }, { target: 'refused.hostile.test' }, { target: 'wall.hostile.test' }],
    },
  ],
  skip: [{ name: 'no environments declared', lab: 'fixed', config: (raw) => { raw.environments = {}; } }],
});

describe('judgeHsts', () => {
  it.each([
    { header: undefined, want: { ok: false, messageId: 'missing' } },
    { header: 'max-age=63072000; includeSubDomains; preload', want: { ok: true, evidence: { maxAge: 63072000, includeSubDomains: true, preload: true } } },
    { header: 'max-age=15552000', want: { ok: true, evidence: { maxAge: 15552000, includeSubDomains: false, preload: false } } },
    { header: 'max-age=15551999', want: { ok: false, messageId: 'shortMaxAge', evidence: { maxAge: 15551999, minimum: 15552000 } } },
    { header: 'max-age=300', want: { ok: false, messageId: 'shortMaxAge', evidence: { expected: 'Strict-Transport-Security with max-age ≥ 15552000 (180 days)', actual: 'max-age=300 (0 days)' } } },
    { header: 'max-age=0', want: { ok: false, messageId: 'shortMaxAge' } },
    { header: 'MAX-AGE=31536000; INCLUDESUBDOMAINS', want: { ok: true, evidence: { includeSubDomains: true } } },
    { header: 'max-age="31536000"', want: { ok: true, evidence: { maxAge: 31536000 } } },
    { header: '  max-age = 31536000 ;  includeSubDomains  ', want: { ok: true } },
    { header: ';;max-age=31536000;;', want: { ok: true } },
    { header: 'max-age=31536000; report-uri="https://r.test/hsts"', want: { ok: true } },
    { header: 'max-age=31536000; max-age=300', want: { ok: false, messageId: 'invalid', evidence: { reason: 'max-age appears twice' } } },
    { header: 'max-age=31536000; includeSubDomains; includesubdomains', want: { ok: false, messageId: 'invalid' } },
    { header: 'includeSubDomains', want: { ok: false, messageId: 'invalid', evidence: { reason: 'max-age is missing' } } },
    { header: '', want: { ok: false, messageId: 'invalid' } },
    { header: 'max-age=abc', want: { ok: false, messageId: 'invalid' } },
    { header: 'max-age=-1', want: { ok: false, messageId: 'invalid' } },
    { header: 'max-age=', want: { ok: false, messageId: 'invalid' } },
    { header: 'max-age=1e9', want: { ok: false, messageId: 'invalid' } },
    { header: 'max-age="31536000', want: { ok: false, messageId: 'invalid' } },
    { header: 'max-age=31536000 includeSubDomains', want: { ok: false, messageId: 'invalid' } },
    { header: 'max-age=31536000; includeSubDomains=true', want: { ok: false, messageId: 'invalid' } },
    { header: 'max-age:31536000', want: { ok: false, messageId: 'invalid' } },
    // Repeated fields arrive joined with ", ": the first one counts (RFC 6797 §8.1).
    { header: 'max-age=300, max-age=63072000', want: { ok: false, messageId: 'shortMaxAge', evidence: { note: expect.stringContaining('only the first') } } },
    { header: 'max-age=63072000, max-age=300', want: { ok: true, evidence: { maxAge: 63072000 } } },
    { header: ['max-age=63072000', 'max-age=300'], want: { ok: true, evidence: { maxAge: 63072000 } } },
  ])('$header', ({ header, want }) => {
    expect(judgeHsts(header)).toMatchObject(want);
  });
});

describe('parseHsts', () => {
  it('lists directives in order, lower-cased', () => {
    expect(parseHsts('max-age=1; includeSubDomains; Preload')).toEqual({
      ok: true,
      policy: { maxAge: 1, includeSubDomains: true, preload: true, directives: ['max-age', 'includesubdomains', 'preload'] },
    });
  });

  it('unescapes quoted-pairs', () => {
    expect(parseHsts('max-age="3\\1"')).toMatchObject({ ok: true, policy: { maxAge: 31 } });
  });
});

describe('splitHeaderFields', () => {
  it.each([
    { value: 'max-age=1', want: ['max-age=1'] },
    { value: 'max-age=1, max-age=2', want: ['max-age=1', 'max-age=2'] },
    { value: 'max-age=1; x="a,b", max-age=2', want: ['max-age=1; x="a,b"', 'max-age=2'] },
  ])('$value', ({ value, want }) => {
    expect(splitHeaderFields(value)).toEqual(want);
  });
});
