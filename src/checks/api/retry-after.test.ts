import { describe, expect, it } from 'vitest';
import { checkTester, labPool, runAgainstLab } from '../../test-support/check-tester.js';
import retryAfter from './retry-after.js';

checkTester(retryAfter, {
  // `fixed` search allows 50/s: the baseline never meets its 429, so everything passes with a note.
  pass: [{ name: 'fixed: no 429/503 during the baseline', lab: 'fixed', targets: ['list tasks', 'task report', 'my profile', 'search tasks'] }],
  fail: [{ name: 'default: search answers 429 without Retry-After', lab: 'default', expect: [{ target: 'search tasks', messageId: 'missing', severity: 'low' }] }],
  error: [{ name: 'login rejected', lab: 'default', config: (raw) => { raw.api.login.body.password = 'nope'; }, expect: [{ target: 'search tasks' }] }],
  skip: [{ name: 'no api section', lab: 'fixed', config: (raw) => { delete raw.api; }, expect: [{}] }],
});

describe('api.retry-after past the fixed limit', () => {
  const lab = labPool();
  it('passes on 429s that carry Retry-After: 1', async () => {
    // 150 searches a second for a second: over the 50/s limit of `fixed`.
    const { results } = await runAgainstLab(retryAfter, await lab('fixed'), (raw) => {
      raw.api.endpoints = raw.api.endpoints.filter((e: { name: string }) => e.name === 'search tasks');
      raw.baseline = { rate: 150, requests: 150, warmup: 0 };
    });
    expect(results.map((r) => [r.target, r.status])).toEqual([['search tasks', 'pass']]);
    expect(results[0].evidence).toMatchObject({ statusCounts: { 429: expect.any(Number) }, answers: [{ status: 429, retryAfter: '1' }] });
    expect(results[0].message).toContain('429 Retry-After: 1');
  }, 20_000);
});
