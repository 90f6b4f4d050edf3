/** JUnit XML: counts match the run, everything is escaped, the document parses. */
import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { FIXTURE_RUN } from './__fixtures__/run.js';
import { renderJunit } from './junit.js';

const xml = renderJunit(FIXTURE_RUN);
const doc = parseDocument(xml, { xmlMode: true });
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];
const all = (name: string): Element[] => DomUtils.getElementsByTagName(name, doc);
const num = (el: Element, attr: string) => Number(el.attribs[attr]);

describe('junit reporter', () => {
  it('has one testsuite per stage and one testcase per result', () => {
    expect(all('testsuite').map((s) => s.attribs.name)).toEqual(['Acme Ops · stage 1', 'Acme Ops · stage 2', 'Acme Ops · stage 3']);
    expect(all('testcase')).toHaveLength(FIXTURE_RUN.results.length);
  });

  it.each([
    ['failure', 'failures', 'fail'],
    ['error', 'errors', 'error'],
    ['skipped', 'skipped', 'skip'],
  ] as const)('counts <%s> elements in the %s attributes', (tag, attr, status) => {
    const want = FIXTURE_RUN.results.filter((r) => r.status === status).length;
    expect(all(tag)).toHaveLength(want);
    const [root] = all('testsuites');
    expect(num(root, attr)).toBe(want);
    expect(all('testsuite').reduce((n, s) => n + num(s, attr), 0)).toBe(want);
    expect(num(root, 'tests')).toBe(FIXTURE_RUN.results.length);
  });

  it('names test cases by check and target and types failures by severity', () => {
    const byStage = [...FIXTURE_RUN.results].sort((a, b) => a.stage - b.stage);
    expect(all('testcase').map((c) => `${c.attribs.classname} ${c.attribs.name}`)).toEqual(byStage.map((r) => `${r.check} ${r.target}`));
    expect(all('failure').map((f) => f.attribs.type)).toEqual(['blocker', 'blocker', 'blocker', 'high', 'high', 'medium', 'low', 'info']);
  });

  it('escapes markup, quotes and control characters', () => {
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).not.toContain('<script');
    const skipped = all('testcase').find((c) => c.attribs.classname === 'email.dkim');
    expect(skipped?.attribs.name).toBe('Acme & "Ops" <team>');
    const mixed = all('failure').find((f) => f.attribs.type === 'high');
    expect(mixed?.attribs.message).toContain('<script>alert("pwned")</script>');
    expect(xml).toContain('server: Acme\\u0007\\u001B[31mRED');
  });

  it('keeps newlines in attribute values as character references', () => {
    const run = { ...FIXTURE_RUN, results: [{ ...FIXTURE_RUN.results[0], message: 'line one\nline two' }] };
    const out = renderJunit(run);
    expect(out).toContain('message="line one&#10;line two"');
  });
});
