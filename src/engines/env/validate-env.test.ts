import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { EnvVarSchema } from '../../config/types.js';
import { assertValidEnv, ENV_PROBLEM_CODES, EnvValidationError, isPlaceholder, validateEnv } from './validate-env.js';

const SCHEMA: Record<string, EnvVarSchema> = {
  DATABASE_URL: { format: 'url', secret: true },
  SESSION_SECRET: { secret: true, min_length: 32 },
  LOG_LEVEL: { enum: ['debug', 'info', 'warn'], default: 'info' },
  PORT: { format: 'port', required: false },
  WORKERS: { format: 'integer', default: '2' },
  API_TOKEN: { min_length: 20 },
  FEATURE_FLAGS: { format: 'json', required: false },
};
const DB = 'postgres://app:Sup3r-Secret-Pw@db.internal:5432/app';
const SESSION = 'k'.repeat(40);

describe('validateEnv', () => {
  it('accepts a complete environment and fills defaults', () => {
    const r = validateEnv(SCHEMA, { DATABASE_URL: DB, SESSION_SECRET: SESSION, API_TOKEN: 't'.repeat(24), OTHER: 'x' });
    expect(r).toEqual({ ok: true, problems: [], values: { DATABASE_URL: DB, SESSION_SECRET: SESSION, LOG_LEVEL: 'info', WORKERS: '2', API_TOKEN: 't'.repeat(24) } });
  });

  it('accepts the config section shape ({ vars })', () => {
    expect(validateEnv({ vars: { PORT: { format: 'port' } } }, { PORT: '8080' }).ok).toBe(true);
    expect(validateEnv({ vars: { PORT: { format: 'port' } } }, {}).problems.map((p) => p.code)).toEqual(['LR_ENV_MISSING']);
  });

  it('reports every problem of every variable at once, never quoting a secret', () => {
    const env = { DATABASE_URL: 'Sup3r-Secret-Pw', SESSION_SECRET: 'changeme', LOG_LEVEL: 'verbose', PORT: '80a', WORKERS: '', API_TOKEN: 'tok_short_Secret99' };
    const r = validateEnv(SCHEMA, env);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.variable, p.code, p.actual])).toEqual([
      ['DATABASE_URL', 'LR_ENV_FORMAT', '<redacted, 15 chars>'],
      ['SESSION_SECRET', 'LR_ENV_TOO_SHORT', '<redacted, 8 chars>'],
      ['SESSION_SECRET', 'LR_ENV_PLACEHOLDER', '<redacted, 8 chars>'],
      ['LOG_LEVEL', 'LR_ENV_ENUM', '"verbose"'],
      ['PORT', 'LR_ENV_FORMAT', '"80a"'],
      ['API_TOKEN', 'LR_ENV_TOO_SHORT', '<redacted, 18 chars>'],
    ]);
    const text = JSON.stringify(r.problems);
    for (const secret of ['Sup3r-Secret-Pw', 'changeme', 'tok_short_Secret99']) expect(text).not.toContain(secret);
    expect(r.problems[0].message).toBe('DATABASE_URL is not an absolute URL (scheme://host…): got <redacted, 15 chars>');
    expect(r.problems[3].message).toBe('LOG_LEVEL is not one of debug, info, warn: got "verbose"');
    // WORKERS is empty but has a default: the default applies.
    expect(r.values.WORKERS).toBe('2');
  });

  it.each([
    [{ X: {} }, {}, ['LR_ENV_MISSING']],
    [{ X: {} }, { X: '' }, ['LR_ENV_EMPTY']],
    [{ X: { required: false } }, { X: '' }, []],
    [{ X: { required: false, format: 'port' } }, {}, []],
    [{ X: { default: '' } }, {}, []],
    [{ X: { format: 'port', default: 'eighty' } }, {}, ['LR_ENV_FORMAT']],
    [{ X: { pattern: '([' } }, { X: 'a' }, ['LR_ENV_SCHEMA']],
    [{ X: { format: 'enum' } }, { X: 'a' }, ['LR_ENV_SCHEMA']],
    [{ X: { secret: true } }, { X: '<your-token>' }, ['LR_ENV_PLACEHOLDER']],
    [{ X: { min_length: 3 } }, { X: 'ééé' }, []],
  ] as [Record<string, EnvVarSchema>, Record<string, string>, string[]][])('%j with %j → %j', (schema, env, codes) => {
    expect(validateEnv(schema, env).problems.map((p) => p.code)).toEqual(codes);
  });

  it('marks a bad default as coming from the schema', () => {
    const [p] = validateEnv({ PORT: { format: 'port', default: 'eighty' } }, {}).problems;
    expect(p).toMatchObject({ fromDefault: true, message: 'PORT (the schema default) is not a port number (1–65535): got \"eighty\"' });
  });

  it('treats variables named like secrets as secrets even without `secret: true`', () => {
    const [p] = validateEnv({ STRIPE_API_KEY: { pattern: '^sk_' } }, { STRIPE_API_KEY: 'pk_live_1234567890' }).problems;
    expect(p).toMatchObject({ code: 'LR_ENV_PATTERN', secret: true, actual: '<redacted, 18 chars>' });
  });

  it('assertValidEnv returns the values or throws one error listing every problem', () => {
    expect(assertValidEnv({ A: {} }, { A: 'x' })).toEqual({ A: 'x' });
    const err = (() => {
      try {
        assertValidEnv({ A: {}, B: { secret: true, min_length: 10 } }, { B: 'hunter2' });
      } catch (e) {
        return e;
      }
    })() as EnvValidationError;
    expect(err).toBeInstanceOf(EnvValidationError);
    expect(err.problems).toHaveLength(2);
    expect(err.message).toContain('LR_ENV_MISSING A is required but not set');
    expect(err.message).not.toContain('hunter2');
  });
});

describe('isPlaceholder', () => {
  it.each([
    ['changeme', true], ['CHANGE_ME', true], ['xxxx', true], ['<token>', true], ['${SECRET}', true], ['your-api-key', true],
    ['sk_live_xxxxxxxx', true], ['****', true],
    ['s3cr3t-but-real-8f2a', false], ['testing-key-9f8e7d', false], ['sk_live_51Habc', false],
  ])('%s → %s', (value, expected) => {
    expect(isPlaceholder(value)).toBe(expected);
  });
});

describe('docs/errors.md', () => {
  it('documents every env problem code', async () => {
    const doc = await readFile(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    for (const code of [...ENV_PROBLEM_CODES, 'LR_ENV_INVALID']) expect(doc, code).toContain(`| \`${code}\` |`);
  });
});
