import { describe, expect, it } from 'vitest';
import { LAB_ENV_SECRETS } from '../../lab/scenarios/repo.js';
import { checkTester, labPool, runAgainstLab } from '../../test-support/check-tester.js';
import formatValid from './format-valid.js';

checkTester(formatValid, {
  pass: [{ name: 'every value has its declared format', lab: 'fixed' }],
  fail: [
    {
      name: 'malformed values in production, a placeholder secret in staging',
      lab: 'default',
      expect: [
        { target: 'production:SUPPORT_EMAIL', messageId: 'format', severity: 'high' },
        { target: 'production:LOG_LEVEL', messageId: 'notInEnum' },
        { target: 'production:PORT', messageId: 'format' },
        { target: 'staging:SESSION_SECRET', messageId: 'tooShort' },
        { target: 'staging:SESSION_SECRET', messageId: 'placeholder' },
      ],
    },
  ],
  error: [
    {
      name: 'the env file is a folder',
      lab: 'default',
      config: (raw) => { raw.environments.production.env_file = './repo/logs'; },
      expect: [{ target: 'production' }],
    },
  ],
  skip: [{ name: 'no environment declares an env file', lab: 'fixed', config: (raw) => { for (const e of Object.values<any>(raw.environments)) delete e.env_file; }, expect: [{ target: 'production' }, { target: 'staging' }] }],
});

describe('env.format-valid evidence', () => {
  const lab = labPool();
  it('points at file:line, shows harmless values, never a secret', async () => {
    const { results } = await runAgainstLab(formatValid, await lab('default'));
    const port = results.find((r) => r.target === 'production:PORT')!;
    expect(port.evidence).toMatchObject({ file: 'repo/.env.production:8', expected: 'a port number (1–65535)', actual: '"80a"' });
    const session = results.find((r) => r.target === 'staging:SESSION_SECRET' && r.messageId === 'tooShort')!;
    expect(session.evidence).toMatchObject({ actual: '<redacted, 8 chars>' });
    const text = JSON.stringify(results);
    for (const secret of [...Object.values(LAB_ENV_SECRETS), 'changeme']) expect(text).not.toContain(secret);
  });
});
