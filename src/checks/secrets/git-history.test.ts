// secrets.git-history against a repository generated at test time: secrets only in old commits,
// on a side branch, re-added later, allowed by path or inline.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCleanRepo, createLabRepo, type LabRepo } from '../../engines/secrets/__fixtures__/lab-repo.js';
import { checkTester, labPool, runAgainstLab } from '../../test-support/check-tester.js';
import gitHistory, { createGitHistoryCheck } from './git-history.js';

let lab: LabRepo;
let clean: { dir: string; cleanup(): Promise<void> };
let plain: string;

beforeAll(async () => {
  [lab, clean, plain] = await Promise.all([createLabRepo(), createCleanRepo(), mkdtemp(join(tmpdir(), 'lr-plain-'))]);
});
afterAll(async () => {
  await Promise.all([lab?.cleanup(), clean?.cleanup(), rm(plain, { recursive: true, force: true })]);
});

const atRepo = (dir: () => string) => (raw: Record<string, any>) => {
  raw.repo = dir();
  raw.audit = { ...(raw.audit ?? {}), secrets: { allow_paths: ['test/fixtures/**'] } };
};
const short = (c: string) => c.slice(0, 7);

checkTester(gitHistory, {
  pass: [{ name: 'a history with placeholders only', lab: 'default', config: atRepo(() => clean.dir) }],
  fail: [{
    name: 'history-only, side-branch and still-present secrets, each at the commit that added it',
    lab: 'default',
    config: atRepo(() => lab.dir),
    // Commit ids exist only once the repository is generated: exact targets are asserted below.
    expect: [{ messageId: 'secretInHistory', severity: 'high' }],
  }],
  skip: [{ name: 'a folder that is not a git repository', lab: 'default', config: atRepo(() => plain), expect: [{}] }],
  error: [{ name: 'the repository folder does not exist', lab: 'default', config: (raw) => { raw.repo = '/nonexistent/launchready-repo'; }, expect: [{}] }],
});

describe('secrets.git-history details', () => {
  const pool = labPool();

  it('reports every planted history secret once with commit, date and presence, values redacted', async () => {
    const { results } = await runAgainstLab(gitHistory, await pool('default'), atRepo(() => lab.dir));
    const rows = results
      .filter((r) => r.status === 'fail')
      .map((r) => ({ target: r.target, rule: r.evidence?.rule, commit: r.evidence?.commit, present: r.evidence?.stillPresent }))
      .sort((a, b) => a.target.localeCompare(b.target));
    expect(rows).toEqual([
      { target: `scripts/notify.sh:2@${short(lab.commits.c3)}`, rule: 'slack-webhook-url', commit: lab.commits.c3, present: false },
      { target: `src/config.ts:2@${short(lab.commits.c1)}`, rule: 'aws-access-key-id', commit: lab.commits.c1, present: false },
      { target: `src/db.ts:3@${short(lab.commits.c2)}`, rule: 'postgres-url', commit: lab.commits.c2, present: true },
      { target: `src/payments.ts:2@${short(lab.commits.c4)}`, rule: 'stripe-secret-key', commit: lab.commits.c4, present: true },
    ]);
    const aws = results.find((r) => r.evidence?.rule === 'aws-access-key-id');
    expect(aws?.evidence?.date).toBe('2023-01-10T10:00:00+00:00');
    expect(aws?.message).toContain('since removed from the working tree');
    const text = JSON.stringify(results);
    for (const value of Object.values(lab.secrets)) expect(text).not.toContain(value);
  });

  it('scans only newer commits with `since`', async () => {
    const check = createGitHistoryCheck({ since: lab.commits.c4 });
    const { results } = await runAgainstLab(check, await pool('default'), atRepo(() => lab.dir));
    // c5 re-added the Stripe key; c3 (side branch) is not reachable from c4.
    expect(results.filter((r) => r.status === 'fail').map((r) => r.evidence?.rule).sort()).toEqual(['slack-webhook-url', 'stripe-secret-key']);
  });
});
