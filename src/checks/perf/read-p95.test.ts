import { checkTester } from '../../test-support/check-tester.js';
import readP95 from './read-p95.js';

const wrongPassword = (raw: Record<string, any>) => { raw.api.login.body.password = 'not-the-password'; };

checkTester(readP95, {
  pass: [
    { name: 'fixed: every read answers at once', lab: 'fixed' },
    // No false alarm beside the planted one: the fast reads of `default` pass.
    { name: 'default: the fast reads', lab: 'default', targets: ['list tasks', 'my profile', 'search tasks'] },
  ],
  fail: [{ name: 'default: the summary takes 450 ms', lab: 'default', expect: [{ target: 'task report', messageId: 'overBudget', severity: 'high' }] }],
  error: [
    { name: 'login rejected', lab: 'default', config: wrongPassword, expect: [{ target: 'task report' }, { target: 'list tasks' }] },
    {
      name: 'the API refuses every connection',
      lab: 'hostile',
      config: (raw) => { raw.api = { base: 'https://refused.hostile.test', endpoints: [{ name: 'ping', path: '/ping' }] }; raw.baseline = { requests: 10, warmup: 1 }; },
      expect: [{ target: 'ping' }],
    },
  ],
  skip: [
    { name: 'no api section', lab: 'default', config: (raw) => { delete raw.api; }, expect: [{}] },
    { name: 'no read endpoints', lab: 'default', config: (raw) => { raw.api.endpoints = raw.api.endpoints.filter((e: { kind: string }) => e.kind === 'write'); }, expect: [{ target: 'https://api.acme.test' }] },
  ],
});
