import { describe, expect, it } from 'vitest';
import { processResults, summarize } from './processors.js';
import type { CheckResult } from './types.js';

const r = (o: Partial<CheckResult>): CheckResult => ({
  check: 'a.b', stage: 1, target: 't', status: 'pass', title: 'T', message: 'm', docs: 'd', fingerprint: 'f0', ...o,
});

describe('processors', () => {
  it('drops accepted fingerprints, dedupes, redacts and sorts worst first', () => {
    const secret = 'sk_live_51Habcdefghijklmnop';
    const out = processResults(
      [
        r({ status: 'pass', check: 'z.z' }),
        r({ status: 'fail', severity: 'medium', fingerprint: 'm1', message: `leaked ${secret}` }),
        r({ status: 'fail', severity: 'blocker', fingerprint: 'b1', evidence: { nested: [secret] } }),
        r({ status: 'fail', severity: 'blocker', fingerprint: 'b1', evidence: { nested: [secret] } }),
        r({ status: 'fail', severity: 'high', fingerprint: 'ignored', messageId: 'x' }),
        r({ status: 'error', check: 'e.e' }),
      ],
      { accepted: new Set(['ignored']), secrets: [secret] },
    );
    expect(out.map((x) => x.severity ?? x.status)).toEqual(['blocker', 'medium', 'error', 'pass']);
    expect(JSON.stringify(out)).not.toContain(secret);
    expect(out[1].message).toContain('sk_l');
  });

  it.each([
    [[], 100],
    [[r({ status: 'fail', severity: 'blocker' })], 75],
    [[r({ status: 'fail', severity: 'high' }), r({ status: 'fail', severity: 'medium' })], 86],
    [Array.from({ length: 5 }, () => r({ status: 'fail', severity: 'blocker' })), 0],
  ])('scores %#', (results, score) => {
    expect(summarize(results as CheckResult[]).score).toBe(score);
  });
});
