// secrets.working-tree against repositories generated at test time (see
// src/engines/secrets/__fixtures__/lab-repo.ts for what is planted where).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCleanRepo, createLabRepo, type LabRepo } from '../../engines/secrets/__fixtures__/lab-repo.js';
import { checkTester, labPool, runAgainstLab } from '../../test-support/check-tester.js';
import workingTree, { createWorkingTreeCheck } from './working-tree.js';

let lab: LabRepo;
let clean: { dir: string; cleanup(): Promise<void> };

beforeAll(async () => {
  [lab, clean] = await Promise.all([createLabRepo(), createCleanRepo()]);
});
afterAll(async () => {
  await Promise.all([lab?.cleanup(), clean?.cleanup()]);
});

/** Points the lab config at a generated repository, with the fixtures folder allowed. */
const atRepo = (dir: () => string, allow: string[] = ['test/fixtures/**']) => (raw: Record<string, any>) => {
  raw.repo = dir();
  raw.audit = { ...(raw.audit ?? {}), secrets: { allow_paths: allow } };
};

checkTester(workingTree, {
  pass: [{ name: 'a repository with placeholders only', lab: 'default', config: atRepo(() => clean.dir) }],
  fail: [{
    name: 'tracked and untracked-not-ignored secrets',
    lab: 'default',
    config: atRepo(() => lab.dir),
    expect: [
      { target: 'src/db.ts:3', messageId: 'secretInFile', severity: 'blocker' },
      { target: 'src/payments.ts:2', messageId: 'secretInFile' },
      { target: 'untracked.txt:1', messageId: 'secretInFile' },
    ],
  }],
  skip: [{ name: 'a binary file is named, not read', lab: 'default', config: atRepo(() => lab.dir), expect: [{ target: 'assets/blob.bin' }] }],
  error: [{ name: 'the repository folder does not exist', lab: 'default', config: (raw) => { raw.repo = '/nonexistent/launchready-repo'; }, expect: [{}] }],
});

describe('secrets.working-tree details', () => {
  const pool = labPool();

  it('never fires on ignored, allowed or inline-allowed files, and shows values only redacted', async () => {
    const { results } = await runAgainstLab(workingTree, await pool('default'), atRepo(() => lab.dir));
    const fails = results.filter((r) => r.status === 'fail');
    expect(fails.map((r) => r.target).sort()).toEqual(['src/db.ts:3', 'src/payments.ts:2', 'untracked.txt:1']);
    const text = JSON.stringify(results);
    for (const value of Object.values(lab.secrets)) expect(text).not.toContain(value);
    expect(fails.find((r) => r.target === 'src/payments.ts:2')?.evidence).toMatchObject({
      rule: 'stripe-secret-key', redacted: expect.stringMatching(/^sk_l…\[redacted sha256:[0-9a-f]{8}\]$/), path: 'src/payments.ts',
    });
  });

  it('accepts fingerprints listed in audit.ignore', async () => {
    const first = await runAgainstLab(workingTree, await pool('default'), atRepo(() => lab.dir));
    const fp = first.results.find((r) => r.target === 'src/db.ts:3')?.evidence?.fingerprint as string;
    const { results } = await runAgainstLab(workingTree, await pool('default'), (raw) => {
      atRepo(() => lab.dir)(raw);
      raw.audit.ignore = [fp];
    });
    expect(results.filter((r) => r.status === 'fail').map((r) => r.target)).not.toContain('src/db.ts:3');
  });

  it('scans CI logs given by the driver and names their lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lr-log-'));
    try {
      await writeFile(join(dir, 'ci.log'), `build ok\nexport TOKEN=${lab.secrets.inlineGithub}\n`);
      const check = createWorkingTreeCheck({
        skipTree: true,
        logs: [{ name: 'ci.log', open: () => [Buffer.from(`build ok\nexport TOKEN=${lab.secrets.inlineGithub}\n`)] }],
      });
      const { results } = await runAgainstLab(check, await pool('default'), atRepo(() => lab.dir));
      expect(results.map((r) => `${r.status} ${r.target} ${r.messageId ?? ''}`)).toEqual(['fail ci.log:2 secretInLog']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
