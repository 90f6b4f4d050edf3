// `launchready secrets` end to end (in-process, real git, generated repositories).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabRepo, type LabRepo } from '../engines/secrets/__fixtures__/lab-repo.js';
import { EXIT } from './io.js';
import type { SecretsCliDeps } from './secrets.js';
import { runSecretsInProcess } from './secrets-run.js';

let lab: LabRepo;
let work: string;

beforeAll(async () => {
  [lab, work] = await Promise.all([createLabRepo(), mkdtemp(join(tmpdir(), 'lr-secrets-cli-'))]);
  await writeFile(join(work, 'launchready.yml'), `project: Lab\nrepo: ${lab.dir}\naudit:\n  secrets:\n    allow_paths: ["test/fixtures/**"]\n`);
});
afterAll(async () => {
  await Promise.all([lab?.cleanup(), rm(work, { recursive: true, force: true })]);
});

const runSecrets = (args: string[], opts: { cwd?: string; deps?: SecretsCliDeps } = {}) =>
  runSecretsInProcess(args, opts.cwd ?? work, opts.deps);

interface JsonResult { check: string; target: string; status: string; severity?: string; evidence?: Record<string, unknown>; fingerprint: string }

describe('launchready secrets', () => {
  it('reports tree and history findings in the JSON result document, exit 1 on the blocker', async () => {
    const r = await runSecrets(['--format', 'json']);
    expect(r.code).toBe(EXIT.findings);
    const doc = JSON.parse(r.out) as { results: JsonResult[]; summary: Record<string, number> };
    const fails = doc.results.filter((x) => x.status === 'fail');
    expect(fails.filter((x) => x.check === 'secrets.working-tree').map((x) => x.target).sort())
      .toEqual(['src/db.ts:3', 'src/payments.ts:2', 'untracked.txt:1']);
    const history = fails.filter((x) => x.check === 'secrets.git-history');
    expect(history.map((x) => x.target).sort()).toEqual([
      `scripts/notify.sh:2@${lab.commits.c3.slice(0, 7)}`,
      `src/config.ts:2@${lab.commits.c1.slice(0, 7)}`,
      `src/db.ts:3@${lab.commits.c2.slice(0, 7)}`,
      `src/payments.ts:2@${lab.commits.c4.slice(0, 7)}`,
    ]);
    for (const h of history) {
      expect(h.severity).toBe('high');
      expect(Object.keys(h.evidence ?? {})).toEqual(expect.arrayContaining(['rule', 'redacted', 'commit', 'date', 'stillPresent']));
      expect(h.fingerprint).toBe(h.evidence?.fingerprint);
    }
    expect(r.err).toMatch(/^secrets: \d+ files .*1 binary.* · 5 commits .* · 7 findings in/m);
  });

  it('scans the files only with --no-history, a path argument and no config', async () => {
    const r = await runSecrets([lab.dir, '--no-history', '--format', 'json', '--quiet'], { cwd: tmpdir() });
    const doc = JSON.parse(r.out) as { results: JsonResult[] };
    expect(new Set(doc.results.map((x) => x.check))).toEqual(new Set(['secrets.working-tree']));
    // Without the config, test/fixtures is not allowed: its npm token is reported.
    expect(doc.results.filter((x) => x.status === 'fail').map((x) => x.target)).toContain('test/fixtures/tokens.txt:1');
    expect(r.err).toBe('');
  });

  it('writes a baseline of hashes only, and accepts it on the next run', async () => {
    const file = join(work, 'baseline.json');
    const w = await runSecrets(['--write-baseline', file, '--quiet']);
    expect(w.code).toBe(EXIT.ok);
    const text = await readFile(file, 'utf8');
    for (const v of Object.values(lab.secrets)) expect(text).not.toContain(v);
    // 7 findings, 5 fingerprints: a value in the tree and in the commit that added it to the same
    // path shares one (rule + path + hash), so one baseline entry accepts both.
    expect(JSON.parse(text).fingerprints).toHaveLength(5);
    const r = await runSecrets(['--baseline', file, '--format', 'json', '--quiet', '--fail-on', 'low']);
    expect(r.code).toBe(EXIT.ok);
    expect((JSON.parse(r.out) as { results: JsonResult[] }).results.filter((x) => x.status === 'fail')).toEqual([]);
  });

  it('scans the history only with --no-tree', async () => {
    const r = await runSecrets(['--no-tree', '--format', 'json', '--quiet']);
    const doc = JSON.parse(r.out) as { results: JsonResult[] };
    expect(new Set(doc.results.map((x) => x.check))).toEqual(new Set(['secrets.git-history']));
  });

  it('scans only new commits with --since', async () => {
    const r = await runSecrets(['--since', lab.commits.c4, '--format', 'json', '--quiet']);
    const doc = JSON.parse(r.out) as { results: JsonResult[] };
    const history = doc.results.filter((x) => x.check === 'secrets.git-history' && x.status === 'fail');
    expect(history.map((x) => x.evidence?.rule).sort()).toEqual(['slack-webhook-url', 'stripe-secret-key']);
  });

  it('scans CI logs from a file and from stdin, and only them without a path', async () => {
    await writeFile(join(work, 'build.log'), `step\nSTRIPE=${lab.secrets.stripeKey}\n`);
    const stdin = () => Readable.from([Buffer.from(`a\nb\nTOKEN=${lab.secrets.inlineGithub}\n`)]);
    const r = await runSecrets(['--log', 'build.log', '--log', '-', '--format', 'json', '--quiet'], { deps: { stdin } });
    expect(r.code).toBe(EXIT.findings);
    const doc = JSON.parse(r.out) as { results: JsonResult[] };
    expect(doc.results.map((x) => `${x.status} ${x.target}`).sort()).toEqual(['fail build.log:2', 'fail stdin:3']);
    expect(r.out).not.toContain(lab.secrets.stripeKey);
  });

  it('passes a clean folder that is not a repository: files scanned, history skipped', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'lr-plain-'));
    try {
      await writeFile(join(plain, 'app.js'), 'const token = process.env.TOKEN;\n');
      const r = await runSecrets([plain, '--format', 'json', '--fail-on', 'low']);
      expect(r.code).toBe(EXIT.ok);
      const doc = JSON.parse(r.out) as { results: JsonResult[] };
      expect(doc.results.map((x) => `${x.check} ${x.status}`).sort()).toEqual(['secrets.git-history skip', 'secrets.working-tree pass']);
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });

  it.each([
    [['--since', 'no-such-rev'], /--since: "no-such-rev" names no commit/],
    [['--since', '--upload-pack=evil'], /names no commit|unknown option/],
    [['/no/such/folder'], /no such folder/],
    [['--baseline', 'missing.json'], /cannot read/],
    [['--log', 'missing.log'], /--log missing.log: no such file/],
    [['--fail-on', 'sometimes'], /--fail-on/],
    [['--max-file-mb', 'zero'], /--max-file-mb/],
  ])('exits 2 for %j', async (args, message) => {
    const r = await runSecrets(args);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(message);
  });

  it('exits 2 for a baseline holding values instead of hashes', async () => {
    await writeFile(join(work, 'bad-baseline.json'), JSON.stringify([lab.secrets.stripeKey]));
    const r = await runSecrets(['--baseline', 'bad-baseline.json']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).not.toContain(lab.secrets.stripeKey);
  });
});
