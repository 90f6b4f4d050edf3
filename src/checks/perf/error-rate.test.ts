import { checkTester } from '../../test-support/check-tester.js';
import errorRate from './error-rate.js';

checkTester(errorRate, {
  // Reads only: the check is not intrusive, so its own baseline leaves the writes out (skipped).
  pass: [
    { name: 'fixed: search allows 50/s', lab: 'fixed', targets: ['list tasks', 'task report', 'my profile', 'search tasks'] },
    { name: 'default: no false alarm on the other reads', lab: 'default', targets: ['list tasks', 'task report', 'my profile'] },
  ],
  fail: [{ name: 'default: search is limited to 5/s and answers 429', lab: 'default', expect: [{ target: 'search tasks', messageId: 'overBudget', severity: 'high' }] }],
  skip: [{ name: 'writes are left out of a non-intrusive run', lab: 'fixed', expect: [{ target: 'create task' }, { target: 'export report' }] }],
  error: [{ name: 'login rejected', lab: 'default', config: (raw) => { raw.api.login.body.password = 'nope'; }, expect: [{ target: 'search tasks' }] }],
});
