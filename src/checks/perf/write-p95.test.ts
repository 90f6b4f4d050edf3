import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import writeP95 from './write-p95.js';

checkTester(writeP95, {
  pass: [{ name: 'fixed: the export is queued, 202 at once', lab: 'fixed' }],
  fail: [{ name: 'default: the export renders and mails inline (1.1 s)', lab: 'default', expect: [{ target: 'export report', messageId: 'overBudget', severity: 'high' }] }],
  error: [{ name: 'login rejected', lab: 'default', config: (raw) => { raw.api.login.body.password = 'nope'; }, expect: [{ target: 'export report' }, { target: 'create task' }] }],
  skip: [{ name: 'no write endpoints', lab: 'default', config: (raw) => { raw.api.endpoints = raw.api.endpoints.filter((e: { kind: string }) => e.kind === 'read'); }, expect: [{ target: 'https://api.acme.test' }] }],
});

describe('perf.write-p95 meta', () => {
  it('creates rows, so a non-intrusive audit leaves it out', () => expect(writeP95.meta.intrusive).toBe(true));
});
