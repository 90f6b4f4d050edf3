import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../checks/index.js';
import { main } from './main.js';
import { memoryIo } from './test-io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchready-cli-'));
  await writeFile(join(dir, 'typo.yml'), 'project: X\nenviroments:\n  production:\n    hosts: []\nnetwork:\n  timeout: soon\n');
});

const run = async (...args: string[]) => {
  const m = memoryIo(dir);
  const code = await main(['node', 'launchready', ...args], m.io);
  return { code, out: m.stdout(), err: m.stderr() };
};

describe('launchready CLI', () => {
  it('lists every command with one line each in --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const cmd of ['audit', 'checks', 'demo']) expect(r.out).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
  });

  it.each([
    [['audit'], /launchready\.yml/],
    [['audit', '--config', 'typo.yml'], /typo\.yml:2:1 .*enviroments.*did you mean "environments"/],
    [['audit', '--config', 'typo.yml'], /typo\.yml:6:\d+ LR_CONFIG_DURATION/],
    [['audit', '--fail-on', 'sometimes'], /--fail-on/],
    [['audit', '--format', 'pdf'], /format/],
    [['nonsense'], /unknown command/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('prints the registered checks as JSON', async () => {
    const r = await run('checks', 'list', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows.map((x: { id: string }) => x.id)).toEqual(ALL_CHECKS.map((c) => c.meta.id));
  });
});
