import { describe, expect, it } from 'vitest';
import { classifyVariable, sharedValues } from './separation.js';

describe('classifyVariable', () => {
  it.each([
    ['DATABASE_URL', 'postgres://u:p@db/app', {}, 'resourceUrl'],
    ['CACHE', 'rediss://cache.internal:6380', {}, 'resourceUrl'],
    ['SEARCH_URL', 'https://search.internal:9200', {}, 'resourceUrl'],
    ['UPLOADS_BUCKET', 'acme-uploads', {}, 'resourceUrl'],
    ['SESSION_SECRET', 'abc', {}, 'secret'],
    ['WEBHOOK_SIGNING', 'abc', { secret: true }, 'secret'],
    ['STRIPE_API_KEY', 'sk_live_x', {}, 'secret'],
    ['NEXT_PUBLIC_API_KEY', 'abc', {}, undefined],
    ['STRIPE_PUBLISHABLE_KEY', 'pk_live_x', {}, undefined],
    ['SENTRY_DSN', 'https://k@o1.ingest.sentry.io/1', {}, undefined],
    ['API_BASE_URL', 'https://api.stripe.com', {}, undefined],
    ['LOG_LEVEL', 'info', {}, undefined],
  ])('%s → %s', (name, value, rule, kind) => {
    expect(classifyVariable(name, value, rule)).toBe(kind);
  });
});

describe('sharedValues', () => {
  const production = {
    DATABASE_URL: 'postgres://app:prod-pw@db-prod.internal:5432/acme',
    REDIS_URL: 'redis://:pw-a@cache.internal:6379/0',
    SESSION_SECRET: 'same-session-secret-value-0123456789',
    STRIPE_SECRET_KEY: 'sk_live_prod',
    LOG_LEVEL: 'info',
    API_BASE_URL: 'https://api.vendor.test',
    EMPTY_SECRET: '',
    ONLY_PROD_TOKEN: 'x',
  };
  it('names secrets and resource URLs shared with production, and URLs to the same backend', () => {
    const staging = {
      DATABASE_URL: 'postgres://app:prod-pw@db-prod.internal:5432/acme',
      REDIS_URL: 'redis://:pw-b@cache.internal:6379/0',
      SESSION_SECRET: 'same-session-secret-value-0123456789',
      STRIPE_SECRET_KEY: 'sk_test_staging',
      LOG_LEVEL: 'info',
      API_BASE_URL: 'https://api.vendor.test',
      EMPTY_SECRET: '',
    };
    expect(sharedValues(production, staging)).toEqual([
      { variable: 'DATABASE_URL', kind: 'resourceUrl' },
      { variable: 'REDIS_URL', kind: 'sameBackend' },
      { variable: 'SESSION_SECRET', kind: 'secret' },
    ]);
  });

  it('finds nothing when staging has its own values', () => {
    const staging = { DATABASE_URL: 'postgres://app:st-pw@db-staging.internal:5432/acme', SESSION_SECRET: 'other', LOG_LEVEL: 'info' };
    expect(sharedValues(production, staging)).toEqual([]);
  });

  it('never returns a value', () => {
    const out = JSON.stringify(sharedValues(production, production));
    for (const v of Object.values(production).filter(Boolean)) expect(out).not.toContain(v);
  });
});
