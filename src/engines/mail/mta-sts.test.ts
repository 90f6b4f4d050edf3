import { describe, expect, it } from 'vitest';
import { mxPatternMatches, parseStsPolicy, readStsTxt, stsPolicyUrl, uncoveredMxHosts } from './mta-sts.js';
import { readTlsRpt } from './tls-rpt.js';

describe('readStsTxt', () => {
  it.each([
    [[], 'missing', undefined],
    [['google-site-verification=x'], 'missing', undefined],
    [['v=STSv1; id=20260101T000000'], 'ok', '20260101T000000'],
    [['v=STSv1; id=abc;'], 'ok', 'abc'],
    [['v=STSv1;'], 'invalid', undefined],
    [['v=STSv1; id=2026-01-01'], 'invalid', '2026-01-01'],
    [['v=STSv1; id=' + 'a'.repeat(33)], 'invalid', 'a'.repeat(33)],
    [['v=STSv1; id=1', 'v=STSv1; id=2'], 'invalid', undefined],
  ])('%j → %s', (texts, status, id) => {
    const r = readStsTxt(texts);
    expect(r.status).toBe(status);
    expect(r.id).toBe(id);
  });
});

describe('parseStsPolicy', () => {
  const good = 'version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n';
  it('reads a valid policy (CRLF or LF)', () => {
    for (const text of [good, good.replace(/\r\n/g, '\n')]) {
      expect(parseStsPolicy(text)).toEqual({
        version: 'STSv1', mode: 'enforce', mx: ['mx1.example.com', '*.example.net'], maxAge: 604800, problems: [], notes: [],
      });
    }
  });

  it.each([
    ['no version', 'mode: enforce\nmx: a.test\nmax_age: 86400', /version/],
    ['bad version', 'version: STSv2\nmode: enforce\nmx: a.test\nmax_age: 86400', /STSv2/],
    ['bad mode', 'version: STSv1\nmode: on\nmx: a.test\nmax_age: 86400', /mode "on"/],
    ['no mode', 'version: STSv1\nmx: a.test\nmax_age: 86400', /"mode"/],
    ['max_age too large', 'version: STSv1\nmode: enforce\nmx: a.test\nmax_age: 31557601', /max_age/],
    ['max_age not a number', 'version: STSv1\nmode: enforce\nmx: a.test\nmax_age: 1w', /max_age/],
    ['no mx', 'version: STSv1\nmode: enforce\nmax_age: 86400', /no "mx"/],
    ['bad mx pattern', 'version: STSv1\nmode: enforce\nmx: mx*.a.test\nmax_age: 86400', /mx "mx\*\.a\.test"/],
    ['duplicate mode', 'version: STSv1\nmode: enforce\nmode: testing\nmx: a.test\nmax_age: 86400', /more than once/],
    ['HTML instead of a policy', '<html><body>Not found</body></html>', /key: value/],
  ])('%s', (_name, text, problem) => {
    const p = parseStsPolicy(text);
    expect(p.problems.join('\n')).toMatch(problem);
  });

  it('accepts mode none without mx and ignores unknown keys', () => {
    const p = parseStsPolicy('version: STSv1\nmode: none\nmax_age: 86400\nextension: 1\n');
    expect(p.problems).toEqual([]);
    expect(p.notes).toEqual(['unknown key "extension" is ignored']);
  });
});

describe('mx patterns (RFC 8461 §4.1)', () => {
  it.each([
    ['mx1.example.com', 'mx1.example.com', true],
    ['MX1.Example.com', 'mx1.example.com.', true],
    ['*.example.com', 'mx1.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'a.mx1.example.com', false],
    ['mx1.example.com', 'mx2.example.com', false],
  ])('%s matches %s: %s', (pattern, host, expected) => {
    expect(mxPatternMatches(pattern, host)).toBe(expected);
  });

  it('lists the hosts no pattern covers', () => {
    expect(uncoveredMxHosts(['*.example.com'], ['mx1.example.com', 'mx.other.net'])).toEqual(['mx.other.net']);
    expect(stsPolicyUrl('example.com')).toBe('https://mta-sts.example.com/.well-known/mta-sts.txt');
  });
});

describe('readTlsRpt', () => {
  it.each([
    [[], 'missing'],
    [['v=TLSRPTv1; rua=mailto:tls@example.com'], 'ok'],
    [['v=TLSRPTv1; rua=mailto:tls@example.com,https://reports.example.com/tls'], 'ok'],
    [['v=TLSRPTv1;'], 'invalid'],
    [['v=TLSRPTv1; rua=tls@example.com'], 'invalid'],
    [['v=TLSRPTv1; rua=http://reports.example.com/'], 'invalid'],
    [['v=TLSRPTv1; rua=mailto:a@example.com', 'v=TLSRPTv1; rua=mailto:b@example.com'], 'invalid'],
  ])('%j → %s', (texts, status) => {
    expect(readTlsRpt(texts).status).toBe(status);
  });
});
