/**
 * `ng` / `ok` fixtures for payments, AI, registries, observability, keys, URLs and the generic
 * rule. `ng` values are generated; `ok` values are stand-ins and near misses.
 */
import { b64urlJson, pemMarker, type Rand } from './random.js';
import type { RuleSamples } from './samples-infra.js';

const x = (n: number) => 'x'.repeat(n);
const OPENAI_MARK = ['T3Blbk', 'FJ'].join('');

/** A PEM private key block with a generated body (`lines` lines of 64 base-64 characters). */
export function pemBlock(r: Rand, type = 'RSA', lines = 12): string {
  const body = Array.from({ length: lines }, () => r.chars(64, 'base64'));
  return [pemMarker('BEGIN', type), ...body, pemMarker('END', type)].join('\n');
}

/** A signed-looking JWT with a generated subject and signature. */
export function jwt(r: Rand, payload: Record<string, unknown> = {}): string {
  const head = b64urlJson({ alg: 'HS256', typ: 'JWT' });
  const body = b64urlJson({ sub: r.uuid(), iat: 1700000000 + r.int(0, 1e7), role: 'service_role', ...payload });
  return `${head}.${body}.${r.chars(43, 'base64url')}`;
}

export const APP_SAMPLES: Record<string, RuleSamples> = {
  'stripe-secret-key': {
    ng: (r) => [`STRIPE_SECRET_KEY=${'sk_live_'}${r.alnum(r.int(24, 99))}`],
    ok: [`STRIPE_SECRET_KEY=${'sk_test_'}${'4eC39HqLy'}${'jWDarjtT1zdp7dc'}`, 'STRIPE_SECRET_KEY=sk_live_...', `key: ${'sk_live_'}${x(24)}`],
  },
  'stripe-restricted-key': {
    ng: (r) => [`STRIPE_RESTRICTED_KEY=${'rk_live_'}${r.alnum(r.int(24, 99))}`],
    ok: ['STRIPE_RESTRICTED_KEY=rk_live_<key>'],
  },
  'stripe-webhook-secret': {
    ng: (r) => [`STRIPE_WEBHOOK_SECRET=${'whsec_'}${r.alnum(32)}`],
    ok: ['STRIPE_WEBHOOK_SECRET=whsec_...'],
  },
  'square-access-token': {
    ng: (r) => [`SQUARE_ACCESS_TOKEN=${'EAAA'}${r.chars(60, 'base64url')}`, `token: ${'sq0atp-'}${r.chars(22, 'base64url')}`],
    ok: ['SQUARE_ACCESS_TOKEN=EAAAxxxx'],
  },
  'shopify-token': {
    ng: (r) => [`SHOPIFY_ADMIN_TOKEN=${'shpat_'}${r.hex(32)}`],
    ok: [`SHOPIFY_ADMIN_TOKEN=${'shpat_'}${x(32)}`],
  },
  'braintree-access-token': {
    ng: (r) => [`BRAINTREE_TOKEN=access_token$production$${r.chars(16, 'lowerAlnum')}$${r.hex(32)}`],
    ok: ['BRAINTREE_TOKEN=access_token$sandbox$abc$def'],
  },
  'openai-api-key': {
    ng: (r) => [`OPENAI_API_KEY=${'sk-proj-'}${r.chars(60, 'base64url')}${OPENAI_MARK}${r.chars(60, 'base64url')}`, `openai.api_key = "${'sk-'}${r.alnum(20)}${OPENAI_MARK}${r.alnum(20)}"`],
    ok: ['OPENAI_API_KEY=sk-...', 'OPENAI_API_KEY=sk-proj-your-key-here'],
  },
  'anthropic-api-key': {
    ng: (r) => [`ANTHROPIC_API_KEY=${'sk-ant-api03-'}${r.chars(93, 'base64url')}AA`],
    ok: ['ANTHROPIC_API_KEY=sk-ant-api03-...'],
  },
  'huggingface-token': {
    ng: (r) => [`HF_TOKEN=${'hf_'}${r.chars(34, 'letters')}`],
    ok: [`HF_TOKEN=${'hf_'}${x(34)}`, 'shelf_life = 34'],
  },
  'groq-api-key': {
    ng: (r) => [`GROQ_API_KEY=${'gsk_'}${r.alnum(52)}`],
    ok: ['GROQ_API_KEY=gsk_...'],
  },
  'replicate-api-token': {
    ng: (r) => [`REPLICATE_API_TOKEN=${'r8_'}${r.alnum(37)}`],
    ok: ['REPLICATE_API_TOKEN=r8_<token>'],
  },
  'perplexity-api-key': {
    ng: (r) => [`PPLX_API_KEY=${'pplx-'}${r.alnum(48)}`],
    ok: ['PPLX_API_KEY=pplx-xxxxxxxx'],
  },
  'xai-api-key': {
    ng: (r) => [`XAI_API_KEY=${'xai-'}${r.alnum(80)}`],
    ok: ['XAI_API_KEY=xai-...'],
  },
  'npm-access-token': {
    ng: (r) => [`NPM_TOKEN=${'npm_'}${r.alnum(36)}`],
    ok: [`NPM_TOKEN=${'npm_'}${x(36)}`, 'npm_config_registry=https://registry.npmjs.org/'],
  },
  'npmrc-auth-token': {
    ng: (r) => [`//npm.pkg.github.com/:_authToken=${r.alnum(40)}`],
    ok: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}', '//registry.npmjs.org/:_authToken=${{ secrets.NPM_TOKEN }}'],
  },
  'pypi-upload-token': {
    ng: (r) => [`password = ${'pypi-AgEIcHlwaS5vcmc'}${r.chars(120, 'base64url')}`],
    ok: ['password = pypi-AgEIcHlwaS5vcmc<rest-of-token>'],
  },
  'docker-config-auth': {
    ng: (r) => [`      "auth": "${Buffer.from(`deploy:${r.alnum(24)}`).toString('base64')}"`],
    ok: [`      "auth": "${Buffer.from('user:password').toString('base64')}"`, '      "auth": "none"'],
  },
  'dockerhub-pat': {
    ng: (r) => [`DOCKERHUB_TOKEN=${'dckr_pat_'}${r.chars(27, 'base64url')}`],
    ok: ['DOCKERHUB_TOKEN=dckr_pat_<token>'],
  },
  'rubygems-api-key': {
    ng: (r) => [`:rubygems_api_key: ${'rubygems_'}${r.hex(48)}`],
    ok: [':rubygems_api_key: rubygems_xxxx'],
  },
  'sentry-dsn': {
    ng: (r) => [`SENTRY_DSN=https://${r.hex(32)}@o${r.chars(6, 'digits')}.ingest.sentry.io/${r.chars(7, 'digits')}`],
    ok: ['SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0', 'dsn: https://<key>@sentry.io/<project>'],
  },
  'sentry-auth-token': {
    ng: (r) => [`SENTRY_AUTH_TOKEN=${'sntryu_'}${r.hex(64)}`, `SENTRY_AUTH_TOKEN=${'sntrys_'}${r.alnum(120)}`],
    ok: ['SENTRY_AUTH_TOKEN=sntrys_...'],
  },
  'datadog-api-key': {
    ng: (r) => [`DD_API_KEY=${r.hex(32)}`, `datadog_api_key: "${r.hex(32)}"`],
    ok: ['DD_API_KEY=<DATADOG_API_KEY>', `DD_API_KEY=${'0'.repeat(32)}`],
  },
  'datadog-app-key': {
    ng: (r) => [`DD_APP_KEY=${r.hex(40)}`],
    ok: ['DD_APP_KEY=${DD_APP_KEY}'],
  },
  'newrelic-user-key': {
    ng: (r) => [`NEW_RELIC_API_KEY=${'NRAK-'}${r.chars(27, 'upperAlnum')}`],
    ok: ['NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX'],
  },
  'newrelic-license-key': {
    ng: (r) => [`license_key: ${r.hex(36)}${'NRAL'}`],
    ok: ['license_key: <license>NRAL'],
  },
  'grafana-cloud-token': {
    ng: (r) => [`GRAFANA_CLOUD_TOKEN=${'glc_'}${r.base64Bytes(96)}`],
    ok: ['GRAFANA_CLOUD_TOKEN=glc_...'],
  },
  'grafana-service-account-token': {
    ng: (r) => [`GRAFANA_TOKEN=${'glsa_'}${r.alnum(32)}_${r.hex(8)}`],
    ok: ['GRAFANA_TOKEN=glsa_xxx'],
  },
  'linear-api-key': {
    ng: (r) => [`LINEAR_API_KEY=${'lin_api_'}${r.alnum(40)}`],
    ok: ['LINEAR_API_KEY=lin_api_...'],
  },
  'postman-api-key': {
    ng: (r) => [`POSTMAN_API_KEY=${'PMAK-'}${r.hex(24)}-${r.hex(34)}`],
    ok: ['POSTMAN_API_KEY=PMAK-<key>'],
  },
  'databricks-token': {
    ng: (r) => [`DATABRICKS_TOKEN=${'dapi'}${r.hex(32)}`],
    ok: ['DATABRICKS_TOKEN=dapi<token>', 'readapi = true'],
  },
  'supabase-access-token': {
    ng: (r) => [`SUPABASE_ACCESS_TOKEN=${'sbp_'}${r.hex(40)}`],
    ok: ['SUPABASE_ACCESS_TOKEN=sbp_...'],
  },
  'private-key': {
    ng: (r) => [pemBlock(r), `const key = \`${pemBlock(r, 'EC', 4)}\`;`, `  "private_key": "${pemBlock(r, '', 20).split('\n').join('\\n')}\\n",`],
    ok: [
      `if (pem.startsWith('${pemMarker('BEGIN')}')) {\n  return parse(pem);\n}`,
      `${pemMarker('BEGIN', 'OPENSSH')}\n...\n${pemMarker('END', 'OPENSSH')}`,
      `${pemMarker('BEGIN', '')}\n<your key here>\n${pemMarker('END', '')}`,
    ],
  },
  jwt: {
    ng: (r) => [`Authorization: Bearer ${jwt(r)}`],
    ok: [
      // jwt.io's sample token, and a Supabase anon key (public by design).
      `token = "${b64urlJson({ alg: 'HS256', typ: 'JWT' })}.${b64urlJson({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"`,
      `SUPABASE_ANON_KEY=${b64urlJson({ alg: 'HS256', typ: 'JWT' })}.${b64urlJson({ iss: 'supabase', ref: 'abcdefghijklmnop', role: 'anon', iat: 1700000000 })}.${'Qm9ndXNTaWduYXR1cmVGb3JUZXN0cw'}`,
      'eyJhbGciOiJIUzI1NiJ9.notjson.signature',
    ],
  },
  'postgres-url': {
    ng: (r) => [`DATABASE_URL=postgres://app:${r.alnum(24)}@db.internal.acme.net:5432/app`, `url: "postgresql://admin:${r.alnum(16)}@10.0.3.7/orders?sslmode=require"`],
    ok: [
      'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
      'DATABASE_URL=postgres://user:password@db.example.com/app',
      'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app',
      'DATABASE_URL=postgres://app:$DB_PASSWORD@db:5432/app',
      'postgres://localhost:5432/app',
    ],
  },
  'mysql-url': {
    ng: (r) => [`MYSQL_URL=mysql://root:${r.alnum(20)}@10.0.0.12:3306/shop`],
    ok: ['MYSQL_URL=mysql://root:root@127.0.0.1:3306/shop', 'mysql://user:<password>@host/db'],
  },
  'mongodb-url': {
    ng: (r) => [`MONGO_URI=mongodb+srv://svc:${r.alnum(20)}@cluster0.ab1cd.mongodb.net/prod`],
    ok: ['MONGO_URI=mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/'],
  },
  'redis-url': {
    ng: (r) => [`REDIS_URL=rediss://:${r.alnum(32)}@cache.acme.net:6380`],
    ok: ['REDIS_URL=redis://:changeme@localhost:6379', 'REDIS_URL=redis://localhost:6379/0', 'url: redis://:pw@host', 'REDIS_URL=redis://:devpass1@redis:6379'],
  },
  'amqp-url': {
    ng: (r) => [`AMQP_URL=amqps://worker:${r.alnum(20)}@mq.acme.net/jobs`],
    ok: ['AMQP_URL=amqp://guest:guest@localhost:5672/'],
  },
  'smtp-url': {
    ng: (r) => [`SMTP_URL=smtps://postmaster%40acme.net:${r.alnum(20)}@smtp.relay.net:465`],
    ok: ['SMTP_URL=smtp://user:pass@smtp.example.com:587', 'SMTP_URL=smtp://localhost:1025'],
  },
  'generic-secret': {
    ng: (r) => [`const apiSecret = "${r.alnum(32)}";`, `DB_PASSWORD=${r.alnum(16)}`, `  client_secret: '${r.alnum(40)}'`],
    ok: [
      'password = process.env.DB_PASSWORD',
      'const token = this.config.session.token;',
      `session_token_id = "${'3f2c8a90-1b4e-4d2a-9c1f-0e7b6d5a4c3b'}"`,
      'PASSWORD_MIN_LENGTH=12',
      'secretName: "prod-db-credentials-2024"',
      'token_url: "https://auth.acme.net/oauth/token"',
      'api_key_header = "X-Api-Key"',
      'password: "correct horse battery staple"',
      'SECRET_KEY=your-secret-key-here',
      'secret: ${{ secrets.DEPLOY_KEY }}',
      'apiToken: getToken(2024)',
      "body: 'email=a%40acme.test&password=nope&next=%2F%2Fevil.test'",
    ],
  },
};
