import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CONFIG_ERROR_CODES, ConfigError, type ConfigProblem } from './errors.js';

const p = (over: Partial<ConfigProblem>): ConfigProblem => ({
  code: 'LR_CONFIG_TYPE', file: '/w/launchready.yml', line: 1, column: 1, path: 'x', message: 'm', fix: 'f', ...over,
});

describe('ConfigError', () => {
  it('sorts problems by file and position and freezes them', () => {
    const err = new ConfigError([p({ line: 9 }), p({ line: 2, column: 7 }), p({ line: 2, column: 3 }), p({ file: '/a/env.yml', line: 30 })]);
    expect(err.problems.map((x) => `${x.file}:${x.line}:${x.column}`)).toEqual([
      '/a/env.yml:30:1', '/w/launchready.yml:2:3', '/w/launchready.yml:2:7', '/w/launchready.yml:9:1',
    ]);
    expect(Object.isFrozen(err.problems[0])).toBe(true);
    expect(err.code).toBe('LR_CONFIG_TYPE');
    expect(err.name).toBe('ConfigError');
  });

  it('refuses to exist without a problem', () => {
    expect(() => new ConfigError([])).toThrow(TypeError);
  });

  it('formats relative to the given cwd and can leave fixes out', () => {
    const err = new ConfigError([p({ code: 'LR_CONFIG_UNKNOWN_KEY', line: 12, column: 5, message: 'unknown key "a"', fix: 'remove "a"' })]);
    expect(err.format({ cwd: '/w' })).toBe('launchready.yml:12:5 LR_CONFIG_UNKNOWN_KEY unknown key "a"\n    fix: remove "a"');
    expect(err.format({ cwd: '/w/sub', fixes: false })).toBe('/w/launchready.yml:12:5 LR_CONFIG_UNKNOWN_KEY unknown key "a"');
  });
});

describe('docs/errors.md', () => {
  it('documents every config error code', async () => {
    const doc = await readFile(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    for (const code of CONFIG_ERROR_CODES) expect(doc, code).toContain(`| \`${code}\` |`);
  });
});
