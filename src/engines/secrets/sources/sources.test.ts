// The three sources against the generated lab repository (see __fixtures__/lab-repo.ts).
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitRunner } from '../../../context/git.js';
import { createLabRepo, type LabRepo } from '../__fixtures__/lab-repo.js';
import { compileRules } from '../compile.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { NotARepositoryError, scanHistory, UnknownRevisionError } from './history.js';
import { scanLogStream } from './log.js';
import { markStillPresent } from './still-present.js';
import { scanWorkingTree } from './working-tree.js';

const compiled = compileRules(BUILTIN_RULES);
const git = createGitRunner();
let lab: LabRepo;

beforeAll(async () => {
  lab = await createLabRepo();
});
afterAll(async () => {
  await lab?.cleanup();
});

describe('working tree', () => {
  it('finds tracked and untracked-not-ignored secrets, skips ignored, allowed, inline-allowed and binary files', async () => {
    const { findings, stats, mode } = await scanWorkingTree({ root: lab.dir, compiled, git, allowPaths: lab.allowPaths });
    expect(mode).toBe('git');
    expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`).sort()).toEqual([
      'postgres-url src/db.ts:3',
      'sendgrid-api-key untracked.txt:1',
      'stripe-secret-key src/payments.ts:2',
    ]);
    expect(stats.binary).toEqual(['assets/blob.bin']);
    expect(stats.allowed).toBe(1);
    expect(stats.files).toBeGreaterThanOrEqual(7);
  });

  it('skips files over the size cap and says so', async () => {
    const { stats, findings } = await scanWorkingTree({ root: lab.dir, compiled, git, allowPaths: lab.allowPaths, maxFileBytes: 60 });
    expect(stats.large.map((l) => l.path)).toContain('src/db.ts');
    expect(findings.map((f) => f.path)).not.toContain('src/db.ts');
  });

  it('walks a plain folder (no git runner) honouring .gitignore, never entering .git', async () => {
    const { findings, mode } = await scanWorkingTree({ root: lab.dir, compiled, allowPaths: lab.allowPaths });
    expect(mode).toBe('walk');
    expect(findings.map((f) => f.path).sort()).toEqual(['src/db.ts', 'src/payments.ts', 'untracked.txt']);
  });

  it('drops accepted fingerprints and counts them', async () => {
    const first = await scanWorkingTree({ root: lab.dir, compiled, git, allowPaths: lab.allowPaths });
    const accepted = new Set(first.findings.filter((f) => f.ruleId === 'postgres-url').map((f) => f.fingerprint));
    const again = await scanWorkingTree({ root: lab.dir, compiled, git, allowPaths: lab.allowPaths, accepted });
    expect(again.acceptedCount).toBe(1);
    expect(again.findings.map((f) => f.ruleId)).not.toContain('postgres-url');
  });
});

describe('history', () => {
  it('reports each secret once, at the commit that introduced it, on every ref', async () => {
    const { findings, stats } = await scanHistory({ root: lab.dir, git, compiled, allowPaths: lab.allowPaths });
    await markStillPresent(findings, git, lab.dir);
    const rows = findings
      .map((f) => ({ rule: f.ruleId, at: `${f.path}:${f.line}`, commit: f.commit, present: f.stillPresent, again: f.occurrences }))
      .sort((a, b) => a.rule.localeCompare(b.rule));
    expect(rows).toEqual([
      { rule: 'aws-access-key-id', at: 'src/config.ts:2', commit: lab.commits.c1, present: false, again: 0 },
      { rule: 'postgres-url', at: 'src/db.ts:3', commit: lab.commits.c2, present: true, again: 0 },
      { rule: 'slack-webhook-url', at: 'scripts/notify.sh:2', commit: lab.commits.c3, present: false, again: 0 },
      { rule: 'stripe-secret-key', at: 'src/payments.ts:2', commit: lab.commits.c4, present: true, again: 1 },
    ]);
    expect(findings.find((f) => f.ruleId === 'aws-access-key-id')?.date).toBe('2023-01-10T10:00:00+00:00');
    expect(stats.commits).toBe(5);
    expect(stats.bytes).toBeGreaterThan(500);
  });

  it('finds the same, at the same commits, with the history split between parallel git processes', async () => {
    const one = await scanHistory({ root: lab.dir, git, compiled, allowPaths: lab.allowPaths, parallel: 1 });
    const three = await scanHistory({ root: lab.dir, git, compiled, allowPaths: lab.allowPaths, parallel: 3 });
    const show = (r: typeof one) => r.findings.map((f) => `${f.ruleId} ${f.path}:${f.line} ${f.commit} +${f.occurrences}`).sort();
    expect(show(three)).toEqual(show(one));
    expect(three.stats).toMatchObject({ commits: one.stats.commits, bytes: one.stats.bytes });
  });

  it('limits the scan to commits after --since', async () => {
    const { findings } = await scanHistory({ root: lab.dir, git, compiled, allowPaths: lab.allowPaths, since: lab.commits.c2 });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['slack-webhook-url', 'stripe-secret-key']);
  });

  it('refuses an unknown or option-like --since', async () => {
    await expect(scanHistory({ root: lab.dir, git, compiled, since: 'no-such-branch' })).rejects.toBeInstanceOf(UnknownRevisionError);
    await expect(scanHistory({ root: lab.dir, git, compiled, since: '--output=/tmp/x' })).rejects.toBeInstanceOf(UnknownRevisionError);
  });

  it('says when the folder is not a repository', async () => {
    await expect(scanHistory({ root: '/', git, compiled })).rejects.toBeInstanceOf(NotARepositoryError);
  });
});

describe('CI logs', () => {
  it('streams a log, names its lines, reports a value printed twice once', async () => {
    const key = lab.secrets.stripeKey;
    const log = Readable.from([`step 1\nexport STRIPE=${key}\n`, `step 2\necho ${key.slice(0, 10)}`, `${key.slice(10)}\n`]);
    const { findings, lines } = await scanLogStream('build.log', log, compiled);
    expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual(['stripe-secret-key build.log:2']);
    expect(lines).toBe(4);
  });
});
