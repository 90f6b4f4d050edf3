import { describe, expect, it } from 'vitest';
import { pathMatcher } from './glob.js';

describe('pathMatcher', () => {
  it.each([
    ['test/fixtures/**', 'test/fixtures/a/b.txt', true],
    ['test/fixtures/**', 'src/test/fixtures/a.txt', false],
    ['test/fixtures', 'test/fixtures/a.txt', true],
    ['test/fixtures/', 'test/fixtures/a.txt', true],
    ['**/__fixtures__/**', 'src/engines/secrets/__fixtures__/x.ts', true],
    ['*.pem', 'deploy/keys/server.pem', true],
    ['*.pem', 'deploy/keys/server.pem.txt', false],
    ['fixtures', 'a/fixtures/b.json', true],
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/sub/a.ts', false],
    ['docs/**/*.{md,txt}', 'docs/a/b/c.txt', true],
    ['docs/**/*.{md,txt}', 'docs/c.md', true],
    ['file?.txt', 'file1.txt', true],
    ['file[0-9].txt', 'filex.txt', false],
    ['./vendor/**', 'vendor/x.js', true],
  ])('%s matches %s: %s', (glob, path, want) => {
    expect(pathMatcher([glob])(path)).toBe(want);
  });

  it('matches nothing without globs', () => {
    expect(pathMatcher([])('anything')).toBe(false);
  });
});
