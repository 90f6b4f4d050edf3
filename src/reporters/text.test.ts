/** The text report: colour only on request, 100 columns, passes only when verbose. */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AuditRun } from '../core/types.js';
import { FIXTURE_RUN } from './__fixtures__/run.js';
import { renderText } from './text.js';

const plain = renderText(FIXTURE_RUN);
const empty: AuditRun = {
  ...FIXTURE_RUN,
  results: [],
  facts: undefined,
  summary: { blocker: 0, high: 0, medium: 0, low: 0, info: 0, pass: 0, skip: 0, error: 0, score: 100 },
};

describe('text reporter', () => {
  it('has no escape sequences or other controls unless colour is asked for', () => {
    expect(plain).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(renderText(FIXTURE_RUN, { color: true })).toContain('\u001b[31m');
  });

  it('reads the same with colours stripped', () => {
    expect(stripVTControlCharacters(renderText(FIXTURE_RUN, { color: true }))).toBe(plain);
    expect(stripVTControlCharacters(renderText(FIXTURE_RUN, { color: true, verbose: true }))).toBe(renderText(FIXTURE_RUN, { verbose: true }));
  });

  it('fits in 100 columns (a URL too long to break is the one exception)', () => {
    for (const line of renderText(FIXTURE_RUN, { verbose: true }).split('\n')) {
      if ([...line].length > 100) expect(line).toMatch(/^ {4}docs {6}\S+$/);
    }
  });

  it('groups by severity, worst first, then errors and the summary', () => {
    const headings = plain.split('\n').filter((l) => /^[A-Z][A-Z ]+ \(\d+\)$/.test(l));
    expect(headings).toEqual(['LAUNCH BLOCKER (3)', 'HIGH (2)', 'MEDIUM (1)', 'LOW (1)', 'INFO (1)', 'COULD NOT CHECK (1)']);
    expect(plain.trimEnd().split('\n').at(-1)).toBe('3 launch blockers, 2 high, 1 medium, 1 low, 1 info · 3 passed · 1 skipped · 1 error · score 0/100');
  });

  it('lists passes and skips only when verbose', () => {
    expect(plain).not.toContain('PASSED');
    const verbose = renderText(FIXTURE_RUN, { verbose: true });
    expect(verbose).toContain('PASSED (3)');
    expect(verbose).toContain('SKIPPED (1)');
    expect(verbose).toContain('  ✓ admin.auth-required  admin.acme.test');
  });

  it('shows expected beside actual and chains as arrows', () => {
    expect(plain).toContain('evidence  expected: max-age ≥ 15552000 · actual: max-age=300');
    expect(plain).toMatch(/chain: http:\/\/acme\.test\/x\?q=1 → http:\/\/www\.acme\.test\/ →/);
  });

  it('says so when nothing was found', () => {
    expect(renderText(empty)).toContain('No launch risks found.');
    expect(renderText(empty).trimEnd().split('\n').at(-1)).toBe('no findings · 0 passed · 0 skipped · 0 errors · score 100/100');
  });
});
