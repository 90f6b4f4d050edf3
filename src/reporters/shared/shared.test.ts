/** File targets, word wrapping, and the summary wording. */
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../core/types.js';
import { parseFileTarget } from './file-target.js';
import { docsUrl } from './links.js';
import { summaryLine } from './summary.js';
import { wrap } from './wrap.js';

describe('parseFileTarget', () => {
  it.each([
    ['path:line, kind file', 'src/app.ts:12', 'file', { path: 'src/app.ts', line: 12 }],
    ['git history target', 'config/.env:3@a1b2c3d', 'file', { path: 'config/.env', line: 3, commit: 'a1b2c3d' }],
    ['top-level file when the kind says so', 'app.ts:7', 'file', { path: 'app.ts', line: 7 }],
    ['host:port for a host check', 'api.acme.test:8443', 'host', undefined],
    ['host:port, kind unknown', 'api.acme.test:8443', undefined, undefined],
    ['folder path, kind unknown', 'src/app.ts:12', undefined, { path: 'src/app.ts', line: 12 }],
    ['URL', 'https://a.test:443', undefined, undefined],
    ['line 0', 'src/a.ts:0', 'file', undefined],
  ])('%s', (_name, target, kind, want) => {
    expect(parseFileTarget(target, kind)).toEqual(want);
  });
});

describe('wrap', () => {
  it('wraps on spaces with a hanging indent and keeps long words whole', () => {
    expect(wrap('aaa bbb ccc ddd', 10, '  ')).toBe('aaa bbb\n  ccc ddd');
    expect(wrap('x https://very-long.example/path end', 12, '  ')).toBe('x\n  https://very-long.example/path\n  end');
    expect(wrap('one\ntwo', 80, '    ')).toBe('one\n    two');
  });
});

describe('summaryLine', () => {
  const s = (over: Partial<Summary>): Summary => ({ blocker: 0, high: 0, medium: 0, low: 0, info: 0, pass: 0, skip: 0, error: 0, score: 100, ...over });
  it.each([
    [s({ blocker: 3, high: 5, medium: 2, pass: 40, skip: 2, error: 1, score: 35 }), '3 launch blockers, 5 high, 2 medium · 40 passed · 2 skipped · 1 error · score 35/100'],
    [s({ blocker: 1, info: 1, error: 2 }), '1 launch blocker, 1 info · 0 passed · 0 skipped · 2 errors · score 100/100'],
    [s({ pass: 7 }), 'no findings · 7 passed · 0 skipped · 0 errors · score 100/100'],
  ])('%j', (summary, want) => {
    expect(summaryLine(summary)).toBe(want);
  });
});

describe('docsUrl', () => {
  it('resolves relative docs links and keeps absolute ones', () => {
    expect(docsUrl('docs/checks/tls.expiry.md', 'https://example.test/repo/')).toBe('https://example.test/repo/docs/checks/tls.expiry.md');
    expect(docsUrl('https://other.test/x.md')).toBe('https://other.test/x.md');
  });
});
