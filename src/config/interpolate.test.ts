import { describe, expect, it } from 'vitest';
import { interpolateString } from './interpolate.js';
import { loadConfigText } from './load.js';
import { ConfigError } from './errors.js';

const ENV = { HOST: 'api.acme.test', TOKEN: 'tok-123456', EMPTY: '', PORT: '8443' };

describe('interpolateString', () => {
  it.each([
    ['plain text', 'plain text', []],
    ['https://${HOST}/x', 'https://api.acme.test/x', ['HOST']],
    ['${HOST}:${PORT}', 'api.acme.test:8443', ['HOST', 'PORT']],
    ['${ HOST }', 'api.acme.test', ['HOST']],
    ['$${HOST}', '${HOST}', []],
    // Leftmost first: `$$${` is a `$` followed by the escape `$${`.
    ['$$${HOST}', '$${HOST}', []],
    ['cost: $5 and $HOST', 'cost: $5 and $HOST', []],
    ['a${EMPTY}b', 'ab', ['EMPTY']],
    ['$${X} and ${TOKEN}', '${X} and tok-123456', ['TOKEN']],
  ] as const)('%j → %j', (input, value, names) => {
    const r = interpolateString(input, ENV);
    expect(r.issues).toEqual([]);
    expect(r.value).toBe(value);
    expect(r.used.map((u) => u.name)).toEqual(names);
  });

  it.each([
    ['${NOPE}', 'LR_CONFIG_ENV_MISSING', 'NOPE'],
    ['x ${HOST} ${ALSO_NOPE}', 'LR_CONFIG_ENV_MISSING', 'ALSO_NOPE'],
    ['${1ST}', 'LR_CONFIG_INTERPOLATION', '1ST'],
    ['${}', 'LR_CONFIG_INTERPOLATION', ''],
    ['${OPEN', 'LR_CONFIG_INTERPOLATION', '${OPEN'],
  ] as const)('%j → %s', (input, code, name) => {
    const r = interpolateString(input, ENV);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code, name });
  });

  it('reports every broken reference in one string', () => {
    expect(interpolateString('${A}/${B}/${HOST}', ENV).issues.map((i) => i.name)).toEqual(['A', 'B']);
  });
});

describe('interpolation in the config file', () => {
  const file = '/work/project/launchready.yml';

  it('substitutes values, keeps escapes literal and records the values as secrets', async () => {
    const text = [
      'project: "Acme $${NOT_A_VAR}"',
      'api:',
      '  base: https://${HOST}',
      '  login: { path: /login, body: { password: "${TOKEN}" } }',
      'network:',
      '  ports: { https: "${PORT}" }',
      'ownership: { rollback: "$${RELEASE}/rollback${EMPTY}" }',
    ].join('\n');
    const { config, secrets } = await loadConfigText(text, file, { env: ENV });
    expect(config.project).toBe('Acme ${NOT_A_VAR}');
    expect(config.api!.base).toBe('https://api.acme.test');
    expect(config.api!.login!.body).toEqual({ password: 'tok-123456' });
    // An interpolated number is accepted where a number is expected.
    expect(config.network.ports).toEqual({ https: 8443 });
    expect(config.ownership!.rollback).toBe('${RELEASE}/rollback');
    expect(secrets).toEqual(['api.acme.test', 'tok-123456', '8443']);
  });

  it('reads only the injected map, never process.env', async () => {
    const text = 'project: "${PATH}"\n';
    const err = await loadConfigText(text, file, { env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems[0]).toMatchObject({ code: 'LR_CONFIG_ENV_MISSING', line: 1, column: 11 });
  });

  it('leaves keys and comments alone', async () => {
    const text = ['project: p # ${NOT_READ}', 'environments:', '  ${NOT_A_KEY_VAR}: { hosts: [] }'].join('\n');
    const { config } = await loadConfigText(text, file, { env: {} });
    expect(Object.keys(config.environments)).toEqual(['${NOT_A_KEY_VAR}']);
  });

  it('locates each missing variable, even twice in one value', async () => {
    const text = ['project: p', 'database: { url: "postgres://${U}:${P}@${U}/db" }'].join('\n');
    const err = (await loadConfigText(text, file, { env: {} }).catch((e: unknown) => e)) as ConfigError;
    expect(err.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:30 environment variable U is not set',
      '2:35 environment variable P is not set',
      '2:40 environment variable U is not set',
    ]);
  });
});
