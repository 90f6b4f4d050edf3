import { checkTester } from '../../test-support/check-tester.js';
import ciGates from './ci-gates.js';

checkTester(ciGates, {
  pass: [{ name: 'every deploy needs tests, secret scan and migration lint', lab: 'fixed' }],
  fail: [
    {
      name: 'the GitHub deploy needs only the build; GitLab deploys before testing',
      lab: 'default',
      expect: [
        { target: '.github/workflows/deploy.yml:12', messageId: 'missingTests', severity: 'high' },
        { target: '.github/workflows/deploy.yml:12', messageId: 'missingSecretScan' },
        { target: '.github/workflows/deploy.yml:12', messageId: 'missingMigrationLint' },
        { target: '.gitlab-ci.yml:7', messageId: 'missingTests' },
        { target: '.gitlab-ci.yml:7', messageId: 'missingSecretScan' },
      ],
    },
  ],
  error: [{ name: 'the repository folder does not exist', lab: 'default', config: (raw) => { raw.repo = './gone'; }, expect: [{ target: 'gone' }] }],
  skip: [{ name: 'no CI files at all', lab: 'default', config: (raw) => { raw.repo = './repo/logs'; }, expect: [{ target: 'repo/logs' }] }],
});
