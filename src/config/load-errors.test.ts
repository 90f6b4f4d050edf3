import { describe, expect, it } from 'vitest';
import { ConfigError, type ConfigProblem } from './errors.js';
import { loadConfigText } from './load.js';

const FILE = '/work/project/launchready.yml';

async function problemsOf(text: string, env: Record<string, string> = {}): Promise<readonly ConfigProblem[]> {
  const err = await loadConfigText(text, FILE, { env }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected a ConfigError').toBeInstanceOf(ConfigError);
  return (err as ConfigError).problems;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

interface BadCase {
  name: string;
  text: string;
  env?: Record<string, string>;
  expect: { code: string; line: number; column: number; path: string; message: RegExp };
}

// Line and column are 1-based and point at the offending node: the key for unknown keys, the
// value for wrong values, the `${` for a missing variable, the enclosing mapping for a missing key.
const BAD: BadCase[] = [
  {
    name: 'typo in a top-level key, with suggestion',
    text: lines('project: p', 'enviroments:', '  production: { hosts: [a.test] }'),
    expect: { code: 'LR_CONFIG_UNKNOWN_KEY', line: 2, column: 1, path: 'enviroments', message: /^unknown key "enviroments" — did you mean "environments"\?$/ },
  },
  {
    name: 'typo in a nested key, with suggestion',
    text: lines('project: p', 'network:', '  timout: 5s'),
    expect: { code: 'LR_CONFIG_UNKNOWN_KEY', line: 3, column: 3, path: 'network.timout', message: /did you mean "timeout"\?/ },
  },
  {
    name: 'unknown key with no close match lists nothing to rename to',
    text: lines('project: p', 'audit:', '  ignore: []', '  colour: blue'),
    expect: { code: 'LR_CONFIG_UNKNOWN_KEY', line: 4, column: 3, path: 'audit.colour', message: /^unknown key "colour"$/ },
  },
  {
    name: 'typo of `schema` under env (an open mapping of variables)',
    text: lines('project: p', 'env:', '  shcema: env.schema.yml'),
    expect: { code: 'LR_CONFIG_UNKNOWN_KEY', line: 3, column: 3, path: 'env.shcema', message: /did you mean "schema"\?/ },
  },
  {
    name: 'wrong type',
    text: lines('project: p', 'network:', '  concurrency: lots'),
    expect: { code: 'LR_CONFIG_TYPE', line: 3, column: 16, path: 'network.concurrency', message: /"concurrency" must be a number, got text/ },
  },
  {
    name: 'a list where a mapping belongs',
    text: lines('project: p', 'environments:', '  - production'),
    expect: { code: 'LR_CONFIG_TYPE', line: 3, column: 3, path: 'environments', message: /must be a mapping/ },
  },
  {
    name: 'bad duration',
    text: lines('project: p', 'network:', '  timeout: 5 minutes'),
    expect: { code: 'LR_CONFIG_DURATION', line: 3, column: 12, path: 'network.timeout', message: /^"5 minutes" is not a duration: unknown unit "minutes"/ },
  },
  {
    name: 'bad duration deep in a flow mapping',
    text: lines('project: p', 'monitors:', '  checks:', '    - { name: t, url: "https://a.test/", expect: { p95: fast } }'),
    expect: { code: 'LR_CONFIG_DURATION', line: 4, column: 57, path: 'monitors.checks[0].expect.p95', message: /"fast" is not a duration/ },
  },
  {
    name: 'missing environment variable, located at its ${',
    text: lines('project: p', 'database:', '  url: "postgres://app:${DB_PASSWORD}@db/app"'),
    expect: { code: 'LR_CONFIG_ENV_MISSING', line: 3, column: 24, path: 'database.url', message: /^environment variable DB_PASSWORD is not set$/ },
  },
  {
    name: 'malformed reference',
    text: lines('project: p', 'api: { base: "https://${API HOST}" }'),
    expect: { code: 'LR_CONFIG_INTERPOLATION', line: 2, column: 23, path: 'api.base', message: /is not a variable reference/ },
  },
  {
    name: 'YAML syntax error',
    text: lines('project: p', 'pages: [https://a.test/', 'repo: .'),
    expect: { code: 'LR_CONFIG_YAML', line: 3, column: 1, path: '', message: /^YAML syntax error: / },
  },
  {
    name: 'two YAML documents in one file',
    text: lines('project: p', '---', 'project: q'),
    expect: { code: 'LR_CONFIG_YAML', line: 2, column: 1, path: '', message: /more than one YAML document/ },
  },
  {
    name: 'tab indentation',
    text: lines('project: p', 'network:', '\ttimeout: 5s'),
    expect: { code: 'LR_CONFIG_YAML', line: 3, column: 1, path: '', message: /Tabs/ },
  },
  {
    name: 'self-referencing alias',
    text: lines('project: p', 'pages: &a [x, *a]'),
    expect: { code: 'LR_CONFIG_YAML', line: 1, column: 1, path: '', message: /alias refers to itself/ },
  },
  {
    name: 'YAML duplicate key',
    text: lines('project: p', 'repo: .', 'repo: ..'),
    expect: { code: 'LR_CONFIG_DUPLICATE', line: 3, column: 1, path: '', message: /duplicate key/ },
  },
  {
    name: 'missing required key points at its mapping',
    text: lines('project: p', 'environments:', '  production:', '    hosts:', '      - role: app'),
    expect: { code: 'LR_CONFIG_REQUIRED', line: 5, column: 9, path: 'environments.production.hosts[0].name', message: /^missing required key "name"$/ },
  },
  {
    name: 'required key written without a value points at the key',
    text: lines('# comment', 'project:', 'repo: .'),
    expect: { code: 'LR_CONFIG_REQUIRED', line: 2, column: 1, path: 'project', message: /^"project" has no value$/ },
  },
  {
    name: 'missing project',
    text: lines('repo: .'),
    expect: { code: 'LR_CONFIG_REQUIRED', line: 1, column: 1, path: 'project', message: /missing required key "project"/ },
  },
  {
    name: 'enum value with suggestion',
    text: lines('project: p', 'environments:', '  production:', '    hosts:', '      - { name: a.test, role: ap }'),
    expect: { code: 'LR_CONFIG_VALUE', line: 5, column: 31, path: 'environments.production.hosts[0].role', message: /^"ap" is not one of app \| api .* — did you mean "app"\?$/ },
  },
  {
    name: 'number out of range',
    text: lines('project: p', 'audit:', '  rate_limit_burst: 500'),
    expect: { code: 'LR_CONFIG_VALUE', line: 3, column: 21, path: 'audit.rate_limit_burst', message: /must be at most 100, got 500/ },
  },
  {
    name: 'host written as a URL',
    text: lines('project: p', 'environments:', '  production:', '    hosts: ["https://app.a.test/"]'),
    expect: { code: 'LR_CONFIG_VALUE', line: 4, column: 13, path: 'environments.production.hosts[0].name', message: /is a URL, not a host name/ },
  },
  {
    name: 'bad error-rate rule',
    text: lines('project: p', 'alerts:', '  rules: { error_rate: "2 percent" }'),
    expect: { code: 'LR_CONFIG_VALUE', line: 3, column: 24, path: 'alerts.rules.error_rate', message: /"2 percent" is not "<percent>% over <duration>"/ },
  },
  {
    name: 'duplicate host in an environment',
    text: lines('project: p', 'environments:', '  production:', '    hosts:', '      - name: a.test', '      - name: A.test'),
    expect: { code: 'LR_CONFIG_DUPLICATE', line: 6, column: 15, path: 'environments.production.hosts[1].name', message: /host "a.test" is declared twice/ },
  },
  {
    name: 'escalation to an undeclared channel, with suggestion',
    text: lines('project: p', 'alerts:', '  channels: [{ name: ops-chat, type: email, to: o@a.test }]', '  escalation:', '    - { after: 0m, notify: [ops-caht] }'),
    expect: { code: 'LR_CONFIG_REFERENCE', line: 5, column: 29, path: 'alerts.escalation[0].notify[0]', message: /no channel named "ops-caht" — did you mean "ops-chat"\?/ },
  },
  {
    name: 'monitor with neither url nor heartbeat',
    text: lines('project: p', 'monitors:', '  checks:', '    - name: lonely'),
    expect: { code: 'LR_CONFIG_REQUIRED', line: 4, column: 7, path: 'monitors.checks[0]', message: /needs `url` \(polled\) or `heartbeat`/ },
  },
  {
    name: 'env.schema variable with an unknown rule',
    text: lines('project: p', 'env:', '  PORT: { format: port, requried: false }'),
    expect: { code: 'LR_CONFIG_UNKNOWN_KEY', line: 3, column: 25, path: 'env.PORT.requried', message: /did you mean "required"\?/ },
  },
  {
    name: 'empty file',
    text: '',
    expect: { code: 'LR_CONFIG_REQUIRED', line: 1, column: 1, path: '', message: /the config file is empty/ },
  },
  {
    name: 'not a mapping',
    text: lines('- project: p'),
    expect: { code: 'LR_CONFIG_TYPE', line: 1, column: 1, path: '', message: /must be a mapping of keys, got a list/ },
  },
];

describe('bad configs: code, line and column', () => {
  it.each(BAD.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const problems = await problemsOf(c.text, c.env);
    expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
    const [p] = problems;
    expect({ code: p.code, line: p.line, column: p.column, path: p.path }).toEqual({
      code: c.expect.code, line: c.expect.line, column: c.expect.column, path: c.expect.path,
    });
    expect(p.message).toMatch(c.expect.message);
    expect(p.file).toBe(FILE);
    expect(p.fix.length).toBeGreaterThan(0);
  });
});

describe('several problems in one file', () => {
  const text = lines(
    'projet: Acme', //                      1: unknown key (suggests project; no extra "missing project")
    'network:',
    '  timeout: soon', //                   3: bad duration
    '  concurrency: 0', //                  4: out of range
    'environments:',
    '  production:',
    '    hosts:',
    '      - { name: app.a.test, role: wizard }', // 8: enum
    'monitors:',
    '  api_token: "${LR_TOKEN}"', //        10: missing variable
    '  intervall: 60s', //                   11: unknown key
  );

  it('reports every one of them, in file order', async () => {
    const problems = await problemsOf(text);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.path}`)).toEqual([
      '1:1 LR_CONFIG_UNKNOWN_KEY projet',
      '3:12 LR_CONFIG_DURATION network.timeout',
      '4:16 LR_CONFIG_VALUE network.concurrency',
      '8:35 LR_CONFIG_VALUE environments.production.hosts[0].role',
      '10:15 LR_CONFIG_ENV_MISSING monitors.api_token',
      '11:3 LR_CONFIG_UNKNOWN_KEY monitors.intervall',
    ]);
  });

  it('formats one line per problem, relative to the cwd, with fixes', async () => {
    const err = await loadConfigText(text, FILE, { env: {} }).catch((e: ConfigError) => e);
    const out = (err as ConfigError).format({ cwd: '/work/project' });
    const problemLines = out.split('\n').filter((l) => !l.startsWith('    '));
    expect(problemLines[0]).toBe('launchready.yml:1:1 LR_CONFIG_UNKNOWN_KEY unknown key "projet" — did you mean "project"?');
    expect(problemLines[4]).toBe('launchready.yml:10:15 LR_CONFIG_ENV_MISSING environment variable LR_TOKEN is not set');
    expect(out.split('\n')[1]).toBe('    fix: rename "projet" to "project"');
    expect((err as ConfigError).format({ cwd: '/elsewhere', fixes: false }).split('\n')[0]).toMatch(/^\/work\/project\/launchready\.yml:1:1 /);
    expect((err as ConfigError).message).toMatch(/^6 config problems:/);
  });

  it('after a YAML syntax error, keeps the problems before it and drops guesses after it', async () => {
    const problems = await problemsOf(lines('project: p', 'netwrok: {}', 'pages: [', 'bogus: 1'));
    expect(problems.map((p) => p.code)).toEqual(['LR_CONFIG_UNKNOWN_KEY', 'LR_CONFIG_YAML']);
  });
});

describe('secrets never appear in problems', () => {
  it.each([
    ['an interpolated value in a bad URL', 'pages: ["${PAGE}"]', { PAGE: 'not-a-url-s3cret-value' }],
    ['an interpolated bad duration', 'network: { timeout: "${T}" }', { T: 'forever-s3cret-value' }],
    ['a literal channel URL', 'alerts: { channels: [{ name: c, type: slack, url: "hooks-s3cret-value" }] }', {}],
    ['a literal password in a typo\'d enum-like field', 'database: { url: [ "s3cret-value" ] }', {}],
  ])('%s', async (_name, line, env: Record<string, string>) => {
    const problems = await problemsOf(lines('project: p', line), env);
    expect(problems.length).toBeGreaterThan(0);
    expect(JSON.stringify(problems)).not.toMatch(/s3cret/);
  });
});
