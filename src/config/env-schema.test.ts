import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvSchemaText } from './env-schema.js';
import { ConfigError } from './errors.js';
import { loadConfig } from './load.js';

describe('env.schema file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-env-schema-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(files: Record<string, string>): Promise<string> {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return join(dir, 'launchready.yml');
  }

  const problemsOf = async (configPath: string) => {
    const err = await loadConfig(configPath, { env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  };

  it('loads variables from the file (resolved against the config folder) and lets inline ones refine them', async () => {
    const path = await write({
      'launchready.yml': ['project: p', 'env:', '  schema: ./env/../vars.yml', '  LOG_LEVEL: { enum: [debug, info], default: debug }'].join('\n'),
      'vars.yml': [
        'DATABASE_URL: { format: url, secret: true }',
        'LOG_LEVEL: { enum: [debug, info, warn], default: info }',
        'PORT: { format: port, required: false, default: 8080 }',
        'FEATURE_X:',
        'API_SECRET:',
        '  secret: true',
        '  min_length: 32',
        '  rotation: "regenerate in the vendor console, then redeploy"',
      ].join('\n'),
    });
    const { config } = await loadConfig(path, { env: {} });
    expect(config.env).toEqual({
      schema: join(dir, 'vars.yml'),
      vars: {
        DATABASE_URL: { format: 'url', secret: true },
        LOG_LEVEL: { enum: ['debug', 'info'], default: 'debug' },
        PORT: { format: 'port', required: false, default: '8080' },
        FEATURE_X: {},
        API_SECRET: { secret: true, min_length: 32, rotation: 'regenerate in the vendor console, then redeploy' },
      },
    });
  });

  it('reports the schema file\'s problems with that file\'s line and column, together with the config\'s', async () => {
    const path = await write({
      'launchready.yml': ['project: p', 'netwrok: {}', 'env: { schema: vars.yml }'].join('\n'),
      'vars.yml': [
        'DATABASE_URL: { format: uri }',
        'SESSION_SECRET:',
        '  secret: yes-please',
        '  min_lenght: 32',
        '1BAD: {}',
      ].join('\n'),
    });
    const problems = await problemsOf(path);
    const schemaFile = join(dir, 'vars.yml');
    expect(problems.map((p) => [p.file, p.line, p.column, p.code, p.path])).toEqual([
      [path, 2, 1, 'LR_CONFIG_UNKNOWN_KEY', 'netwrok'],
      [schemaFile, 1, 25, 'LR_CONFIG_VALUE', 'DATABASE_URL.format'],
      [schemaFile, 3, 11, 'LR_CONFIG_TYPE', 'SESSION_SECRET.secret'],
      [schemaFile, 4, 3, 'LR_CONFIG_UNKNOWN_KEY', 'SESSION_SECRET.min_lenght'],
      [schemaFile, 5, 1, 'LR_CONFIG_VALUE', '["1BAD"]'],
    ]);
    expect(problems.find((p) => p.path === 'SESSION_SECRET.min_lenght')!.message).toMatch(/did you mean "min_length"\?/);
  });

  it('a YAML error in the schema file points into that file', async () => {
    const path = await write({
      'launchready.yml': 'project: p\nenv:\n  schema: vars.yml\n',
      'vars.yml': 'A: { format: url\nB: {}\n',
    });
    const [p, ...rest] = await problemsOf(path);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'LR_CONFIG_YAML', file: join(dir, 'vars.yml') });
    expect(p.line).toBeGreaterThanOrEqual(1);
  });

  it('a missing schema file is reported at the `schema:` value in the config', async () => {
    const path = await write({ 'launchready.yml': 'project: p\nenv:\n  schema: nowhere.yml\n' });
    const problems = await problemsOf(path);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'LR_CONFIG_FILE', file: path, line: 3, column: 11, path: 'env.schema' }),
    ]);
    expect(problems[0].message).toContain(join(dir, 'nowhere.yml'));
  });

  it('parseEnvSchemaText validates text alone', () => {
    expect(parseEnvSchemaText('X: { format: integer }\n', '/x/vars.yml')).toEqual({ vars: { X: { format: 'integer' } }, problems: [] });
    expect(parseEnvSchemaText('X: { pattern: "([" }\n', '/x/vars.yml').problems).toEqual([
      expect.objectContaining({ code: 'LR_CONFIG_VALUE', line: 1, column: 15, path: 'X.pattern' }),
    ]);
    expect(parseEnvSchemaText('', '/x/vars.yml')).toEqual({ vars: {}, problems: [] });
  });
});
