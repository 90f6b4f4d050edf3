import { checkTester } from '../../test-support/check-tester.js';
import requiredPresent from './required-present.js';

checkTester(requiredPresent, {
  pass: [{ name: 'every required variable is set in both environments', lab: 'fixed' }],
  fail: [
    {
      name: 'production lacks SESSION_SECRET',
      lab: 'default',
      expect: [{ target: 'production:SESSION_SECRET', messageId: 'missing', severity: 'blocker' }],
    },
  ],
  error: [
    {
      name: 'the declared env file does not exist',
      lab: 'fixed',
      config: (raw) => { raw.environments.staging.env_file = './repo/.env.nowhere'; },
      expect: [{ target: 'staging' }],
    },
  ],
  skip: [
    {
      name: 'an environment without env_file',
      lab: 'fixed',
      config: (raw) => { delete raw.environments.staging.env_file; },
      expect: [{ target: 'staging' }],
    },
    { name: 'no env schema', lab: 'fixed', config: (raw) => { delete raw.env; }, expect: [{}] },
  ],
});
