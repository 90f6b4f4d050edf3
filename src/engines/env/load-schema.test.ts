import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/errors.js';
import * as entry from '../../index.js';
import { loadEnvSchema } from './load-schema.js';

describe('the package entry (an app validating its environment at startup)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-entry-'));
    await writeFile(join(dir, 'env.schema.yml'), 'DATABASE_URL: { format: url, secret: true }\nPORT: { format: port, default: "8080" }\n');
    await writeFile(join(dir, 'bad.yml'), 'A: { format: uri }\nB: { min_lenght: 3 }\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exports validateEnv and loadEnvSchema', async () => {
    const schema = await entry.loadEnvSchema(join(dir, 'env.schema.yml'));
    expect(entry.validateEnv(schema, { DATABASE_URL: 'postgres://u:p@db/app' })).toEqual({
      ok: true, problems: [], values: { DATABASE_URL: 'postgres://u:p@db/app', PORT: '8080' },
    });
    expect(entry.validateEnv(schema, {}).problems.map((p) => p.code)).toEqual(['LR_ENV_MISSING']);
    expect(() => entry.assertValidEnv(schema, {})).toThrow(entry.EnvValidationError);
  });

  it('a broken schema file is a ConfigError with every problem', async () => {
    const err = await loadEnvSchema(join(dir, 'bad.yml')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => [p.line, p.code])).toEqual([[1, 'LR_CONFIG_VALUE'], [2, 'LR_CONFIG_UNKNOWN_KEY']]);
    await expect(loadEnvSchema(join(dir, 'none.yml'))).rejects.toMatchObject({ code: 'LR_CONFIG_FILE' });
  });
});
