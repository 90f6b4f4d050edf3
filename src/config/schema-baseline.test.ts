import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { loadConfigText } from './load.js';

const FILE = '/work/project/launchready.yml';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

async function load(text: string) {
  return (await loadConfigText(text, FILE, { env: {} })).config;
}

async function problems(text: string) {
  const err = await loadConfigText(text, FILE, { env: {} }).then(() => undefined, (e: unknown) => e);
  expect(err, 'expected a ConfigError').toBeInstanceOf(ConfigError);
  return (err as ConfigError).problems.map((p) => ({ code: p.code, path: p.path, line: p.line, message: p.message }));
}

describe('baseline: section', () => {
  it('is optional', async () => {
    expect((await load(lines('project: p'))).baseline).toBeUndefined();
  });

  it.each([
    ['every key', 'baseline: { rate: 5, requests: 40, warmup: 2, connections: 16 }', { rate: 5, requests: 40, warmup: 2, connections: 16 }],
    ['a fractional rate', 'baseline: { rate: 0.5 }', { rate: 0.5 }],
    ['interpolated-looking text numbers', 'baseline: { rate: "12", requests: "30" }', { rate: 12, requests: 30 }],
    ['no warm-up', 'baseline: { warmup: 0 }', { warmup: 0 }],
    ['empty', 'baseline: {}', {}],
  ])('accepts %s', async (_name, line, want) => {
    expect((await load(lines('project: p', line))).baseline).toEqual(want);
  });

  it('names an unknown key and suggests the closest one', async () => {
    expect(await problems(lines('project: p', 'baseline:', '  reqests: 30'))).toEqual([
      expect.objectContaining({ code: 'LR_CONFIG_UNKNOWN_KEY', path: 'baseline.reqests', line: 3, message: expect.stringMatching(/did you mean "requests"\?/) }),
    ]);
  });

  it.each([
    ['a zero rate', 'baseline: { rate: 0 }', 'baseline.rate'],
    ['a rate above 1000/s', 'baseline: { rate: 5000 }', 'baseline.rate'],
    ['a fractional request count', 'baseline: { requests: 2.5 }', 'baseline.requests'],
    ['no measured requests', 'baseline: { requests: 0 }', 'baseline.requests'],
    ['negative warm-up', 'baseline: { warmup: -1 }', 'baseline.warmup'],
    ['zero connections', 'baseline: { connections: 0 }', 'baseline.connections'],
    ['text', 'baseline: { rate: fast }', 'baseline.rate'],
  ])('rejects %s', async (_name, line, path) => {
    const found = await problems(lines('project: p', line));
    expect(found).toHaveLength(1);
    expect(found[0].path).toBe(path);
  });
});
