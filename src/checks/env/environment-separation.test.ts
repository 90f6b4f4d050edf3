import { describe, expect, it } from 'vitest';
import { LAB_ENV_SECRETS } from '../../lab/scenarios/repo.js';
import { checkTester, labPool, runAgainstLab } from '../../test-support/check-tester.js';
import separation from './environment-separation.js';

checkTester(separation, {
  pass: [{ name: 'staging has its own secrets and backends', lab: 'fixed' }],
  fail: [
    {
      name: 'staging shares production\'s database, Stripe key and Redis host',
      lab: 'default',
      expect: [
        { target: 'staging:DATABASE_URL', messageId: 'resourceUrl', severity: 'blocker' },
        { target: 'staging:STRIPE_SECRET_KEY', messageId: 'secret' },
        { target: 'staging:REDIS_URL', messageId: 'sameBackend' },
      ],
    },
  ],
  error: [
    {
      name: 'staging\'s env file is missing',
      lab: 'default',
      config: (raw) => { raw.environments.staging.env_file = './repo/.env.gone'; },
      expect: [{ target: 'staging' }],
    },
  ],
  skip: [
    {
      name: 'only production declares an env file',
      lab: 'default',
      config: (raw) => { delete raw.environments.staging.env_file; },
      expect: [{}],
    },
  ],
});

describe('env.environment-separation evidence', () => {
  const lab = labPool();
  it('names variables and files, never values or digests', async () => {
    const { results } = await runAgainstLab(separation, await lab('default'));
    const db = results.find((r) => r.target === 'staging:DATABASE_URL')!;
    expect(db.evidence).toMatchObject({ files: ['repo/.env.production:3', 'repo/.env.staging:2'], production: 'production' });
    const text = JSON.stringify(results);
    for (const secret of Object.values(LAB_ENV_SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });
});
