// The scanner's behaviour beyond single formats: inline allow, long lines, positions,
// line-independent fingerprints, overlaps, and the redaction of every printable form.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Rand } from './__fixtures__/random.js';
import { compileRules } from './compile.js';
import { BUILTIN_RULES } from './rules/index.js';
import { scanFileText } from './scan-file.js';
import { LONG_LINE } from './scan-text.js';

const compiled = compileRules(BUILTIN_RULES);
const r = new Rand(99);
const gh = () => `${'ghp_'}${r.alnum(36)}`;

describe('scanFileText', () => {
  it('reports 1-based line and column of the secret', () => {
    const t = gh();
    const [f] = scanFileText('a.ts', `first\r\nsecond\r\nconst t = '${t}';\r\n`, compiled);
    expect([f.line, f.column]).toEqual([3, 12]);
  });

  it('keeps columns right in text whose lower case changes length (İ), and finds upper-case keywords', () => {
    const t = gh();
    const [f] = scanFileText('a.ts', `İİİ const T = '${t}'; // İ`, compiled);
    expect(f.column).toBe(16);
    expect(f.secret.reveal()).toBe(t);
    expect(scanFileText('a.env', `AWS_SECRET_ACCESS_KEY=${r.chars(40, 'base64')}`, compiled).map((x) => x.ruleId)).toEqual(['aws-secret-access-key']);
  });

  it.each([
    ['// launchready:allow', (t: string) => `const t = '${t}'; // launchready:allow`],
    ['# launchready:allow with a reason', (t: string) => `TOKEN=${t}  # launchready:allow revoked 2024-01`],
  ])('accepts a finding with an inline %s', (_name, line) => {
    expect(scanFileText('a.ts', line(gh()), compiled)).toEqual([]);
  });

  it('keeps the fingerprint when lines are added above (rule + path + hash, no line number)', () => {
    const t = gh();
    const a = scanFileText('src/a.ts', `x = '${t}'`, compiled)[0];
    const b = scanFileText('src/a.ts', `// header\n\n\nx = '${t}'`, compiled)[0];
    const c = scanFileText('src/b.ts', `x = '${t}'`, compiled)[0];
    expect(a.line).not.toBe(b.line);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });

  it('finds secrets in a minified line of megabytes, in windows around keyword hits', () => {
    const t1 = gh();
    const t2 = `${'npm_'}${r.alnum(36)}`;
    const filler = 'var a=function(b){return b.map(function(c){return c*2})};'.repeat(20_000);
    const line = `${filler}var k="${t1}";${filler}var n="${t2}";${filler}`;
    expect(line.length).toBeGreaterThan(LONG_LINE * 100);
    const started = performance.now();
    const found = scanFileText('bundle.min.js', line, compiled);
    expect(found.map((f) => f.ruleId)).toEqual(['github-pat', 'npm-access-token']);
    expect(found[1].column).toBe(line.indexOf(t2) + 1);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('lets a specific rule win over the generic rule on the same value', () => {
    const found = scanFileText('a.env', `GITHUB_TOKEN=${gh()}\nAPI_SECRET=${r.alnum(32)}`, compiled);
    expect(found.map((f) => f.ruleId)).toEqual(['github-pat', 'generic-secret']);
  });

  it('never prints the raw value: String, JSON, inspect and spread all show the redacted form', () => {
    const t = gh();
    const [f] = scanFileText('a.ts', `x='${t}'`, compiled);
    const forms = [String(f.secret), JSON.stringify(f), inspect(f, { depth: 5 }), JSON.stringify({ ...f }), `${f.secret}`];
    for (const s of forms) expect(s).not.toContain(t);
    expect(f.secret.redacted.startsWith(t.slice(0, 4))).toBe(true);
    expect(f.secret.reveal()).toBe(t);
  });
});
