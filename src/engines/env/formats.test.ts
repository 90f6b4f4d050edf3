import { describe, expect, it } from 'vitest';
import type { EnvVarSchema } from '../../config/types.js';
import { checkFormat } from './formats.js';

const ok = (rule: EnvVarSchema, values: string[]) => values.map((v) => [rule, v, undefined] as const);
const bad = (rule: EnvVarSchema, values: string[], kind = 'format') => values.map((v) => [rule, v, kind] as const);

describe('checkFormat', () => {
  it.each([
    ...ok({ format: 'url' }, ['https://app.acme.test', 'postgres://u:p@db:5432/app', 'redis://localhost', 'mailto:a@b.c', 'postgres:///app']),
    ...bad({ format: 'url' }, ['app.acme.test', 'https://', 'http:///x', '//cdn.test/x', 'not a url', '']),
    ...ok({ format: 'email' }, ['ops@acme.test', 'a.b+c@sub.example.com']),
    ...bad({ format: 'email' }, ['ops', 'ops@', '@acme.test', 'a b@acme.test', 'ops@localhost', 'ops@-bad-.test']),
    ...ok({ format: 'host' }, ['db.internal', 'localhost', '10.0.0.1', '::1', '[::1]', 'acme.test.']),
    ...bad({ format: 'host' }, ['https://db', 'db:5432', 'under_score.test', '-x.test', '']),
    ...ok({ format: 'port' }, ['1', '80', '65535']),
    ...bad({ format: 'port' }, ['0', '65536', '80a', '8.5', '+80', '-1']),
    ...ok({ format: 'integer' }, ['0', '-12', '+7', '42']),
    ...bad({ format: 'integer' }, ['1.5', '1e3', 'ten', '99999999999999999999']),
    ...ok({ format: 'number' }, ['1.5', '-0.25', '1e3', '.5', '7']),
    ...bad({ format: 'number' }, ['NaN', 'Infinity', '1,5', '0x10', '']),
    ...ok({ format: 'boolean' }, ['true', 'FALSE', '1', '0', 'yes', 'off']),
    ...bad({ format: 'boolean' }, ['maybe', 'y', '2']),
    ...ok({ format: 'json' }, ['{"a":1}', '[]', '"x"', '3']),
    ...bad({ format: 'json' }, ['{a:1}', "{'a':1}", '']),
    ...ok({ format: 'duration' }, ['500ms', '60s', '5m', '1h30m']),
    ...bad({ format: 'duration' }, ['5 minutes', 'soon', '-1s']),
    ...ok({ format: 'regex' }, ['^a+$', '[a-z]']),
    ...bad({ format: 'regex' }, ['([', '*']),
    ...ok({ format: 'regex', pattern: '^sk_live_' }, ['sk_live_abc']),
    ...bad({ format: 'regex', pattern: '^sk_live_' }, ['sk_test_abc'], 'pattern'),
    ...ok({ enum: ['debug', 'info'] }, ['info']),
    ...bad({ enum: ['debug', 'info'] }, ['verbose', 'INFO'], 'enum'),
    ...bad({ format: 'enum', enum: ['a'] }, ['b'], 'enum'),
    ...ok({ pattern: '^[A-Z]{3}$' }, ['EUR']),
    ...bad({ pattern: '^[A-Z]{3}$' }, ['euro'], 'pattern'),
    ...ok({}, ['anything at all', '']),
  ])('%j %j → %s', (rule, value, kind) => {
    expect(checkFormat(value, rule)?.kind).toBe(kind);
  });
});
