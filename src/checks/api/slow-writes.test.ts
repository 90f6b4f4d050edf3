import { describe, expect, it } from 'vitest';
import { fakeEndpoint } from '../../engines/baseline/test-fixtures.js';
import { checkTester } from '../../test-support/check-tester.js';
import slowWrites, { judgeSlowWrite } from './slow-writes.js';

checkTester(slowWrites, {
  pass: [{ name: 'fixed: the export is queued (202 + Location)', lab: 'fixed' }],
  fail: [{ name: 'default: the export blocks 1.1 s', lab: 'default', expect: [{ target: 'export report', messageId: 'synchronous', severity: 'medium' }] }],
  error: [{ name: 'login rejected', lab: 'default', config: (raw) => { raw.api.login.body.password = 'nope'; }, expect: [{ target: 'export report' }] }],
  skip: [{ name: 'no api section', lab: 'default', config: (raw) => { delete raw.api; }, expect: [{}] }],
});

describe('judgeSlowWrite', () => {
  const write = (p95: number, status?: number, over = {}) => fakeEndpoint({
    kind: 'write', p95, success: status === undefined ? undefined : { status, headers: status === 202 ? { location: '/jobs/1' } : {}, bytes: 10, ms: p95 }, ...over,
  });
  it.each([
    ['fast 201', write(40, 201), 'pass'],
    ['fast 202', write(40, 202), 'pass'],
    ['slow 200', write(1100, 200), 'synchronous'],
    ['slow without a sample', write(1100), 'synchronous'],
    ['slow 202', write(1100, 202), 'slowAfterQueueing'],
    ['mostly timeouts', write(40, 201, { errorsByKind: { timeout: 5 } }), 'synchronous'],
    ['nothing answered', write(0, undefined, { latencyMs: { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 } }), 'error'],
  ])('%s → %s', (_name, e, want) => {
    const v = judgeSlowWrite(e, 5000);
    expect(v.messageId ?? v.status).toBe(want);
  });

  it('shows the answer it gave', () => {
    expect(judgeSlowWrite(write(1100, 200), 5000).evidence).toMatchObject({ answer: 200, p95Ms: 1100, budgetMs: 800, actual: 'p95 1100 ms, answered 200' });
  });
});
