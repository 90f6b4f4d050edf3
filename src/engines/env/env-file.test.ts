import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvFileError, parseEnvText, readEnvFile } from './env-file.js';

describe('env files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-envfile-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parses dotenv syntax and remembers the winning line of each variable', () => {
    const text = ['# comment', 'A=1', 'export B="two words" # trailing', "C='single'", 'D="multi', 'line"', 'A=again', 'E='].join('\n');
    expect(parseEnvText(text)).toEqual({
      values: { A: 'again', B: 'two words', C: 'single', D: 'multi\nline', E: '' },
      lines: { A: 7, B: 3, C: 4, D: 5, E: 8 },
    });
  });

  it('reads a file, refuses a missing one, a folder and an oversized one', async () => {
    await writeFile(join(dir, '.env.ok'), 'PORT=8080\n');
    await writeFile(join(dir, '.env.big'), 'X='.padEnd(2000, 'x'));
    expect((await readEnvFile(join(dir, '.env.ok'))).values).toEqual({ PORT: '8080' });
    await expect(readEnvFile(join(dir, '.env.none'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readEnvFile(dir)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(readEnvFile(join(dir, '.env.big'), 1000)).rejects.toBeInstanceOf(EnvFileError);
  });
});
