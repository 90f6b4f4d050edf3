import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { defaultConfig, loadConfig, loadConfigText } from './load.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const FULL = join(FIXTURES, 'full.yml');

/** Every variable the interface.md example interpolates, with recognisable values. */
const FULL_ENV = {
  APP_PASSWORD: 'app-password-111',
  DATABASE_URL: 'postgres://acme:db-pass-222@127.0.0.1:5999/acme',
  LAUNCHREADY_API_TOKEN: 'lr-api-token-333',
  HEARTBEAT_TOKEN: 'heartbeat-token-444',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T0/B0/slack-555',
  WEBHOOK_SECRET: 'webhook-secret-666',
  TENANT_A_TOKEN: 'tenant-a-token-777',
  TENANT_B_TOKEN: 'tenant-b-token-888',
};

describe('the interface.md example (full.yml)', () => {
  it('loads and maps to the normalised LaunchConfig', async () => {
    const { config } = await loadConfig(FULL, { env: FULL_ENV });
    const at = (p: string) => join(FIXTURES, p);

    expect(config.project).toBe('Acme Ops');
    expect(config.file).toBe(FULL);
    expect(config.dir).toBe(FIXTURES);
    expect(config.repo).toBe(FIXTURES);
    expect(config.network).toEqual({
      resolver: '127.0.0.1:5353',
      ca: at('lab/ca.pem'),
      ports: { http: 8080, https: 8443 },
      rdap: 'http://127.0.0.1:9000/',
      timeoutMs: 5000,
      concurrency: 8,
    });
    expect(Object.keys(config.environments)).toEqual(['production', 'staging']);
    expect(config.environments.production).toEqual({
      canonical: 'https://app.acme.test',
      hosts: [
        { name: 'acme.test' },
        { name: 'www.acme.test' },
        { name: 'app.acme.test', role: 'app', expect: { a: ['203.0.113.10'] } },
        { name: 'api.acme.test', role: 'api' },
        { name: 'admin.acme.test', role: 'admin' },
      ],
      env_file: at('.env.production'),
    });
    expect(config.environments.staging).toEqual({
      canonical: 'https://staging.acme.test',
      hosts: [{ name: 'staging.acme.test', role: 'app' }],
      env_file: at('.env.staging'),
    });
    // Loaded from the env.schema.yml file beside the fixture.
    expect(config.env).toEqual({
      schema: at('env.schema.yml'),
      vars: {
        DATABASE_URL: { format: 'url', secret: true },
        SESSION_SECRET: { secret: true, min_length: 32 },
        LOG_LEVEL: { enum: ['debug', 'info', 'warn'], default: 'info' },
        PORT: { format: 'port', required: false },
      },
    });
    expect(config.email).toEqual({
      domains: [{ name: 'acme.test', dkim_selectors: ['s1', 'google'], receives_mail: true }],
      smtp: { url: 'smtp://127.0.0.1:2525', from: 'ops@acme.test' },
    });
    expect(config.api).toEqual({
      base: 'https://api.acme.test',
      login: { method: 'POST', path: '/api/login', body: { email: 'a@acme.test', password: FULL_ENV.APP_PASSWORD }, token: 'token' },
      health: '/health',
      admin_paths: ['/admin', '/api/admin/users'],
      cors: { allowed_origins: ['https://app.acme.test'] },
      endpoints: [
        { name: 'list tasks', method: 'GET', path: '/api/tasks', kind: 'read', list: true, critical: true },
        { name: 'create task', method: 'POST', path: '/api/tasks', body: { title: 'probe' }, kind: 'write' },
      ],
    });
    expect(config.pages).toEqual(['https://app.acme.test/', 'https://app.acme.test/tasks']);
    expect(config.migrations).toEqual({ dir: at('db/migrations'), dialect: 'postgres' });
    expect(config.database).toEqual({ url: FULL_ENV.DATABASE_URL });
    expect(config.monitors).toEqual({
      intervalMs: 60_000,
      api_token: FULL_ENV.LAUNCHREADY_API_TOKEN,
      checks: [
        { name: 'login', url: 'https://app.acme.test/login' },
        { name: 'tasks api', url: 'https://api.acme.test/api/tasks', expect: { status: 200, p95Ms: 300 } },
        { name: 'stripe webhook', heartbeatMs: 900_000, token: FULL_ENV.HEARTBEAT_TOKEN },
      ],
    });
    expect(config.alerts).toEqual({
      channels: [
        { name: 'ops-chat', type: 'slack', url: FULL_ENV.SLACK_WEBHOOK_URL },
        { name: 'oncall-mail', type: 'email', to: 'oncall@acme.test' },
        { name: 'hooks', type: 'webhook', url: 'https://ops.acme.test/hooks/launchready', secret: FULL_ENV.WEBHOOK_SECRET },
      ],
      rules: { error_rate: { ratio: 0.02, windowMs: 300_000 }, read_p95Ms: 300, write_p95Ms: 800, confirm: 2 },
      escalation: [
        { afterMs: 0, notify: ['ops-chat'] },
        { afterMs: 600_000, notify: ['oncall-mail'] },
      ],
    });
    expect(config.assistant).toEqual({
      url: 'https://api.acme.test/api/assistant',
      body: { message: '{{prompt}}', documents: '{{documents}}' },
      answer: 'answer',
      tenants: [
        { name: 'a', token: FULL_ENV.TENANT_A_TOKEN, canary: 'ACME-A-7731' },
        { name: 'b', token: FULL_ENV.TENANT_B_TOKEN, canary: 'ACME-B-1184' },
      ],
    });
    expect(config.smoke).toEqual([
      {
        name: 'create and approve a task',
        steps: [
          { request: 'POST /api/tasks', body: { title: 'smoke' }, expect: { status: 201 }, capture: { task_id: 'id' } },
          { request: 'PATCH /api/tasks/{{task_id}}', body: { done: true }, expect: { status: 200, json: { done: true } } },
          { request: 'GET /api/sync?since=0', expect: { status: 200, max_ms: 800 } },
        ],
      },
    ]);
    expect(config.audit).toEqual({
      ignore: ['3f9a1c0b2e'],
      rate_limit_probe: true,
      rate_limit_burst: 60,
      secrets: { allow_paths: ['test/fixtures/**'] },
    });
    expect(config.ownership).toEqual({
      dns: { provider: 'Cloudflare', owner: 'ops@acme.test' },
      access: { deploy: ['alice'], logs: ['alice', 'bob'], dns: ['alice'] },
      log_retentionMs: 30 * 86_400_000,
      logs: [at('logs/*.log')],
      contacts: ['support@acme.test', 'oncall: +1-555-0100'],
      rollback: 'npm run deploy -- --rollback',
      deploy: 'npm run deploy',
    });
  });

  it('returns every interpolated value and literal secret field as a secret, longest first', async () => {
    const { secrets } = await loadConfig(FULL, { env: FULL_ENV });
    for (const v of Object.values(FULL_ENV)) expect(secrets).toContain(v);
    // Literal secret fields: the webhook channel's URL and the password inside the database URL.
    expect(secrets).toContain('https://ops.acme.test/hooks/launchready');
    expect(secrets).toContain('db-pass-222');
    expect(secrets).not.toContain('token'); // login.token is a JSON path, not a secret
    expect(secrets).not.toContain('Acme Ops');
    expect([...secrets].sort((a, b) => b.length - a.length)).toEqual(secrets);
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it('is deep-frozen', async () => {
    const { config } = await loadConfig(FULL, { env: FULL_ENV });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.environments.production.hosts[2].expect!.a)).toBe(true);
    expect(Object.isFrozen(config.api!.login!.body)).toBe(true);
    expect(() => {
      (config.network as { timeoutMs: number }).timeoutMs = 1;
    }).toThrow(TypeError);
  });
});

describe('defaults and normalisation', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fills every default of a minimal config', async () => {
    const { config, secrets } = await loadConfigText('project: Tiny\n', join(dir, 'launchready.yml'), { env: {} });
    expect(config).toEqual({
      project: 'Tiny',
      file: join(dir, 'launchready.yml'),
      dir,
      repo: dir,
      network: { timeoutMs: 5000, concurrency: 8 },
      environments: {},
      pages: [],
      smoke: [],
      audit: { ignore: [], rate_limit_probe: true, rate_limit_burst: 60, secrets: { allow_paths: [] } },
    });
    expect(secrets).toEqual([]);
  });

  it('normalises shorthand and lenient forms', async () => {
    const text = [
      'project: 2024',
      'repo: ../app',
      'network:',
      '  resolver: 127.0.0.1',
      '  timeout: 1500',
      '  concurrency: "4"',
      'environments:',
      '  production:',
      '    canonical: https://App.Acme.test/',
      '    hosts: [acme.test, { name: WWW.acme.test., expect: { a: 127.0.0.1 } }]',
      '  empty:',
      'api:',
      '  base: https://api.acme.test',
      '  login: { path: /login, body: { user: a, password: hunter2-literal } }',
      '  endpoints:',
      '    - { name: del, method: delete, path: /x }',
      '    - { name: get, path: /y }',
      'audit: { ignore: [1234567890], rate_limit_burst: 100 }',
      'env:',
      '  API_KEY:',
      '  MODE: { enum: [a, b], default: a }',
      'alerts:',
      '  channels: [{ name: c, type: teams, url: "https://teams.test/hook/abc123xyz" }]',
      '  escalation: [{ after: 5m, notify: c }]',
      'assistant:',
      '  url: https://api.acme.test/assistant',
      '  body: { q: "{{prompt}}" }',
      '  answer: data.text',
    ].join('\n');
    const { config, secrets } = await loadConfigText(text, join(dir, 'sub', 'launchready.yml'), { env: {} });
    expect(config.project).toBe('2024');
    expect(config.repo).toBe(join(dir, 'app'));
    expect(config.network).toEqual({ resolver: '127.0.0.1:53', timeoutMs: 1500, concurrency: 4 });
    expect(config.environments.production).toEqual({
      canonical: 'https://app.acme.test',
      hosts: [{ name: 'acme.test' }, { name: 'www.acme.test', expect: { a: ['127.0.0.1'] } }],
    });
    // `empty:` with nothing after it is "not set".
    expect(config.environments.empty).toBeUndefined();
    expect(config.api!.login).toEqual({ method: 'POST', path: '/login', body: { user: 'a', password: 'hunter2-literal' }, token: 'token' });
    expect(config.api!.endpoints.map((e) => [e.method, e.kind])).toEqual([['DELETE', 'write'], ['GET', 'read']]);
    expect(config.audit.ignore).toEqual(['1234567890']);
    expect(config.audit.rate_limit_burst).toBe(100);
    expect(config.env).toEqual({ vars: { API_KEY: {}, MODE: { enum: ['a', 'b'], default: 'a' } } });
    expect(config.alerts!.escalation).toEqual([{ afterMs: 300_000, notify: ['c'] }]);
    expect(config.assistant).toMatchObject({ body: { q: '{{prompt}}' }, answer: 'data.text', tenants: [] });
    expect(secrets).toEqual(expect.arrayContaining(['hunter2-literal', 'https://teams.test/hook/abc123xyz']));
  });

  it('collects credentials from any URL and Authorization headers', async () => {
    const text = [
      'project: p',
      'email: { smtp: { url: "smtp://mailer:smtp%2Fpass@127.0.0.1:2525" } }',
      'api:',
      '  base: https://api.acme.test',
      '  endpoints: [{ name: e, path: /e, headers: { Authorization: "Bearer bearer-abc-123", Accept: text/plain } }]',
      'env: { SIGNING_KEY: { secret: true, default: default-signing-key } }',
      'monitors: { dashboard: { password_hash: "$argon2id$v=19$xyz" } }',
    ].join('\n');
    const { secrets } = await loadConfigText(text, join(dir, 'launchready.yml'), { env: {} });
    expect(secrets).toEqual(expect.arrayContaining([
      'smtp%2Fpass', 'smtp/pass', 'Bearer bearer-abc-123', 'bearer-abc-123', 'default-signing-key', '$argon2id$v=19$xyz',
    ]));
    expect(secrets).not.toContain('text/plain');
  });

  it('defaultConfig(dir) is a valid, frozen config named after the folder', () => {
    const config = defaultConfig(join(dir, 'my-app'));
    expect(config).toMatchObject({ project: 'my-app', file: '<defaults>', dir: join(dir, 'my-app'), repo: join(dir, 'my-app'), pages: [] });
    expect(Object.isFrozen(config.audit)).toBe(true);
  });
});

describe('reading the file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-config-'));
    await mkdir(join(dir, 'folder.yml'));
    await writeFile(join(dir, 'big.yml'), `project: x\n#${'x'.repeat(1024 * 1024)}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['missing.yml', /does not exist/],
    ['folder.yml', /is a folder/],
    ['big.yml', /above the 1048576-byte limit/],
  ])('%s → LR_CONFIG_FILE', async (name, message) => {
    const err = await loadConfig(join(dir, name), { env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const [p] = (err as ConfigError).problems;
    expect(p).toMatchObject({ code: 'LR_CONFIG_FILE', file: join(dir, name), line: 1, column: 1 });
    expect(p.message).toMatch(message);
    expect((err as ConfigError).code).toBe('LR_CONFIG_FILE');
  });
});
