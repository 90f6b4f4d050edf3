/**
 * The lab repository's project files: env schema and env files, the npm project and its
 * lockfile, log samples and a migration. `default` plants the risks the env, dependency and log
 * checks look for; `fixed` is clean. Every credential here is a made-up lab value.
 */
import type { ScenarioVariant } from './types.js';

/** The env schema, the same in both variants. */
export const ENV_SCHEMA = `# Environment variables of Acme Ops (launchready env schema)
DATABASE_URL:      { format: url, secret: true }
REDIS_URL:         { format: url, secret: true }
SESSION_SECRET:    { secret: true, min_length: 32 }
STRIPE_SECRET_KEY: { secret: true, pattern: "^sk_(live|test)_[A-Za-z0-9]{16,}$" }
APP_URL:           { format: url }
SUPPORT_EMAIL:     { format: email }
LOG_LEVEL:         { enum: [debug, info, warn, error], default: info }
PORT:              { format: port, default: "8080" }
REQUEST_TIMEOUT:   { format: duration, default: 10s }
FEATURE_FLAGS:     { format: json, required: false }
`;

/** Planted values, exported so tests can assert they never appear in any output. */
export const LAB_ENV_SECRETS = Object.freeze({
  prodDatabasePassword: 'Prod-Db-Pw-7f3a9c1e5b',
  stagingDatabasePassword: 'Stg-Db-Pw-2d8e4b6a0c',
  prodRedisPassword: 'Prod-Redis-Pw-91ac0e',
  stagingRedisPassword: 'Stg-Redis-Pw-44bd17',
  prodSession: 'kq9Vw2mX7rT4yB8nL3pZ6cF1hJ5dG0sA-prod',
  stagingSession: 'uE3rY7tI1oP5aS9dF2gH6jK0lZ4xC8vB-stg',
  prodStripe: ['sk', 'live', '51LabAcmeProdQ7w3E9r2T6y1U4i8O'].join('_'),
  stagingStripe: ['sk', 'test', '51LabAcmeStagingZ3x7C1v5B9n2M6'].join('_'),
  logBearer: '9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc',
  logStripe: ['sk', 'live', '51LabAcmeLogLeakA1s2D3f4G5h6J7k8'].join('_'),
});

const S = LAB_ENV_SECRETS;
const dbUrl = (pw: string, host: string) => `postgres://acme:${pw}@${host}:5432/acme`;

function envFiles(fixed: boolean): Record<string, string> {
  if (fixed) {
    return {
      '.env.production': [
        'APP_URL=https://app.acme.test',
        `DATABASE_URL=${dbUrl(S.prodDatabasePassword, 'db-prod.acme.internal')}`,
        `REDIS_URL=redis://:${S.prodRedisPassword}@cache-prod.acme.internal:6379/0`,
        `SESSION_SECRET=${S.prodSession}`,
        `STRIPE_SECRET_KEY=${S.prodStripe}`,
        'SUPPORT_EMAIL=support@acme.test',
        'LOG_LEVEL=info',
        'PORT=8080',
        '',
      ].join('\n'),
      '.env.staging': [
        'APP_URL=https://staging.acme.test',
        `DATABASE_URL=${dbUrl(S.stagingDatabasePassword, 'db-staging.acme.internal')}`,
        `REDIS_URL=redis://:${S.stagingRedisPassword}@cache-staging.acme.internal:6379/0`,
        `SESSION_SECRET=${S.stagingSession}`,
        `STRIPE_SECRET_KEY=${S.stagingStripe}`,
        'SUPPORT_EMAIL=support@acme.test',
        'LOG_LEVEL=debug',
        'FEATURE_FLAGS={"newBoard":true}',
        '',
      ].join('\n'),
    };
  }
  return {
    // SESSION_SECRET missing; support address, log level and port malformed.
    '.env.production': [
      '# production settings (mirrors the platform)',
      'APP_URL=https://app.acme.test',
      `DATABASE_URL=${dbUrl(S.prodDatabasePassword, 'db.acme.internal')}`,
      `REDIS_URL=redis://:${S.prodRedisPassword}@cache.acme.internal:6379/0`,
      `STRIPE_SECRET_KEY=${S.prodStripe}`,
      'SUPPORT_EMAIL=support-at-acme.test',
      'LOG_LEVEL=verbose',
      'PORT=80a',
      '',
    ].join('\n'),
    // Production's database and Stripe key, production's Redis host; a placeholder session secret.
    '.env.staging': [
      'APP_URL=https://staging.acme.test',
      `DATABASE_URL=${dbUrl(S.prodDatabasePassword, 'db.acme.internal')}`,
      `REDIS_URL=redis://:${S.stagingRedisPassword}@cache.acme.internal:6379/0`,
      'SESSION_SECRET=changeme',
      `STRIPE_SECRET_KEY=${S.prodStripe}`,
      'SUPPORT_EMAIL=support@acme.test',
      'LOG_LEVEL=debug',
      '',
    ].join('\n'),
  };
}

/** The npm project: `default` locks versions the lab's advisory database knows as vulnerable. */
function npmProject(fixed: boolean): Record<string, string> {
  const deps = fixed ? { 'left-pad': '1.4.0', ms: '3.0.0' } : { 'left-pad': '1.3.0', ms: '2.1.3' };
  const pkg = { name: 'acme-ops', version: '1.0.0', private: true, scripts: { test: 'node --test', build: 'node build.js', deploy: 'node deploy.js' }, dependencies: deps };
  const lock = {
    name: 'acme-ops', version: '1.0.0', lockfileVersion: 3, requires: true,
    packages: {
      '': { name: 'acme-ops', version: '1.0.0', dependencies: deps },
      ...Object.fromEntries(Object.entries(deps).map(([name, version]) => [
        `node_modules/${name}`, { version, resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz` },
      ])),
    },
  };
  return { 'package.json': `${JSON.stringify(pkg, null, 2)}\n`, 'package-lock.json': `${JSON.stringify(lock, null, 2)}\n` };
}

function logFiles(fixed: boolean): Record<string, string> {
  const t = (s: number) => `2026-11-20T10:00:${String(s).padStart(2, '0')}Z`;
  const app = fixed
    ? [
      `${t(1)} INFO  server listening on :8080`,
      `${t(5)} INFO  login ok user=u_1842 ip=10.0.0.5`,
      `${t(6)} DEBUG GET /api/tasks headers={"authorization":"Bearer [REDACTED]"}`,
      `${t(7)} INFO  order 1234567812345678 created`,
      `${t(8)} WARN  payment declined card=**** **** **** 1111`,
      `${t(9)} INFO  trace=4f3c2a1b9d8e7f60 took 1732096809123 ns`,
    ]
    : [
      `${t(1)} INFO  server listening on :8080`,
      `${t(5)} INFO  login ok user=alice@acme.test ip=10.0.0.5`,
      `${t(6)} DEBUG GET /api/tasks headers={"authorization":"Bearer ${S.logBearer}"}`,
      `${t(7)} INFO  order 1234567812345678 created`,
      `${t(8)} WARN  payment declined card=4111 1111 1111 1111 exp=12/29`,
      `${t(9)} ERROR stripe call failed api_key=${S.logStripe}`,
    ];
  const worker = fixed
    ? [`${t(10)} INFO  job sync done in 812 ms`, `${t(11)} INFO  mailed digest to user u_77`]
    : [`${t(10)} INFO  job sync done in 812 ms`, `${t(11)} INFO  mailed digest to bob@acme.test`];
  return { 'logs/app.log': `${app.join('\n')}\n`, 'logs/worker.log': `${worker.join('\n')}\n` };
}

/** Relative path → text of every project file of the variant (CI files are in repo-ci-files.ts). */
export function repoProjectFiles(variant: ScenarioVariant, registryUrl: string): Record<string, string> {
  const fixed = variant === 'fixed';
  return {
    // Env files and logs are never committed; the secret scanners must not see them as source.
    '.gitignore': 'node_modules/\n.env.*\n!.env.example\nlogs/\n',
    // npm reads the project's .npmrc: the audit asks the lab's advisory database, never the internet.
    '.npmrc': `registry=${registryUrl}\nupdate-notifier=false\nfund=false\naudit=true\n`,
    'env.schema.yml': ENV_SCHEMA,
    ...envFiles(fixed),
    ...npmProject(fixed),
    ...logFiles(fixed),
    'db/migrations/0001_create_tasks.sql': 'CREATE TABLE tasks (id bigserial PRIMARY KEY, title text NOT NULL, done boolean NOT NULL DEFAULT false);\n',
  };
}
