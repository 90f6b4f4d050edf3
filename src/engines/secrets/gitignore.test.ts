import { describe, expect, it } from 'vitest';
import { isIgnored, parseGitignore } from './gitignore.js';

const root = (text: string) => [{ base: '', rules: parseGitignore(text) }];

describe('gitignore rules for the folder walk', () => {
  it.each([
    ['.env.*\n!.env.example', '.env.production', false, true],
    ['.env.*\n!.env.example', '.env.example', false, false],
    ['logs/', 'logs', true, true],
    ['logs/', 'logs', false, false],
    ['/dist', 'dist', true, true],
    ['/dist', 'app/dist', true, false],
    ['dist', 'app/dist', true, true],
    ['*.log', 'deep/down/x.log', false, true],
    ['# comment\n\n*.tmp   ', 'a.tmp', false, true],
    ['docs/*.md', 'docs/a.md', false, true],
    ['docs/*.md', 'docs/sub/a.md', false, false],
    ['**/secret.txt', 'a/b/secret.txt', false, true],
    ['\\#notes', '#notes', false, true],
  ])('%j on %s (dir %s) → %s', (text, path, isDir, want) => {
    expect(isIgnored(root(text), path, isDir)).toBe(want);
  });

  it('applies a nested .gitignore to its own folder only, after its parents', () => {
    const layers = [
      { base: '', rules: parseGitignore('*.key') },
      { base: 'app', rules: parseGitignore('!public.key\nlocal.txt') },
    ];
    expect(isIgnored(layers, 'app/public.key', false)).toBe(false);
    expect(isIgnored(layers, 'other/public.key', false)).toBe(true);
    expect(isIgnored(layers, 'app/local.txt', false)).toBe(true);
    expect(isIgnored(layers, 'local.txt', false)).toBe(false);
  });
});
