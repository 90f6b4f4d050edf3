/**
 * The secrets lab: a git repository generated in a temp folder at test time (never committed
 * here), with secrets planted where a scanner must and must not find them:
 *
 * | where                                   | value            | working tree      | history            |
 * |-----------------------------------------|------------------|-------------------|--------------------|
 * | src/config.ts, removed in the next commit | AWS key id     | —                 | c1, not present    |
 * | src/db.ts                               | postgres password | src/db.ts:3      | c2, still present  |
 * | scripts/notify.sh on branch feature/chat | Slack webhook   | — (other branch)  | c3, not present    |
 * | src/payments.ts (re-added in c5)        | Stripe live key   | src/payments.ts:2 | c4 once, present  |
 * | src/inline.ts with `launchready:allow`  | GitHub token      | —                 | —                  |
 * | test/fixtures/tokens.txt (allowed path) | npm token         | —                 | —                  |
 * | .env.local (git-ignored, untracked)     | OpenAI key        | —                 | —                  |
 * | untracked.txt (untracked, not ignored)  | SendGrid key      | untracked.txt:1   | —                  |
 * | assets/blob.bin (binary)                | GitLab token      | skipped           | —                  |
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitRunner } from '../../../context/git.js';
import { Rand } from './random.js';

export interface LabRepo {
  dir: string;
  /** Raw planted values by name: tests grep reports for them. */
  secrets: {
    awsKeyId: string; dbPassword: string; slackWebhook: string; stripeKey: string; inlineGithub: string;
    allowedNpm: string; ignoredOpenai: string; untrackedSendgrid: string; binaryGitlab: string;
  };
  /** Full commit ids by name. */
  commits: { c1: string; c2: string; c3: string; c4: string; c5: string };
  /** `audit.secrets.allow_paths` that covers the fixtures folder. */
  allowPaths: string[];
  cleanup(): Promise<void>;
}

/** One fast-import `M` entry: a whole file. */
const file = (path: string, content: string) => `M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}`;

function commit(ref: string, mark: number, when: number, subject: string, files: string[], from?: number): string {
  const who = `Lab Dev <dev@lab.test> ${when} +0000`;
  return [
    `commit ${ref}`, `mark :${mark}`, `author ${who}`, `committer ${who}`,
    `data ${Buffer.byteLength(subject)}`, subject, ...(from ? [`from :${from}`] : []), ...files, '',
  ].join('\n');
}

/** Builds the lab repository; `cleanup()` removes it. */
export async function createLabRepo(seed = 42): Promise<LabRepo> {
  const r = new Rand(seed);
  const dir = await mkdtemp(join(tmpdir(), 'lr-secrets-lab-'));
  const git = createGitRunner();
  const s = {
    awsKeyId: `${'AKIA'}${r.chars(16, 'base32')}`,
    dbPassword: r.alnum(24),
    slackWebhook: r.alnum(24),
    stripeKey: `${'sk_live_'}${r.alnum(32)}`,
    inlineGithub: `${'ghp_'}${r.alnum(36)}`,
    allowedNpm: `${'npm_'}${r.alnum(36)}`,
    ignoredOpenai: `${'sk-proj-'}${r.alnum(40)}${['T3Blbk', 'FJ'].join('')}${r.alnum(40)}`,
    untrackedSendgrid: `${'SG.'}${r.chars(22, 'base64url')}.${r.chars(43, 'base64url')}`,
    binaryGitlab: `${'glpat-'}${r.chars(20, 'base64url')}`,
  };
  const t0 = 1_673_344_800; // 2023-01-10T10:00:00Z
  const day = 86_400;
  const stream = [
    commit('refs/heads/main', 1, t0, 'c1 config', [
      file('README.md', '# Lab app\n\nSet AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE in your shell.\n'),
      file('.gitignore', '.env.local\ndist/\n'),
      file('src/config.ts', `export const region = 'eu-west-1';\nexport const accessKeyId = '${s.awsKeyId}';\n`),
    ]),
    commit('refs/heads/main', 2, t0 + 20 * day, 'c2 database', [
      file('src/config.ts', "export const region = 'eu-west-1';\nexport const accessKeyId = process.env.AWS_ACCESS_KEY_ID;\n"),
      file('src/db.ts', `// database\nexport const url =\n  'postgres://app:${s.dbPassword}@db.internal.lab.net:5432/app';\n`),
    ], 1),
    commit('refs/heads/feature/chat', 3, t0 + 30 * day, 'c3 chat on a branch', [
      file('scripts/notify.sh', `#!/bin/sh\ncurl -X POST https://hooks.slack.com/services/T0LAB1234/B0LAB5678/${s.slackWebhook} -d "$1"\n`),
    ], 2),
    commit('refs/heads/main', 4, t0 + 40 * day, 'c4 payments and fixtures', [
      file('src/payments.ts', `// payments\nexport const stripeKey = '${s.stripeKey}';\n`),
      file('src/inline.ts', `export const demoToken = '${s.inlineGithub}'; // launchready:allow (revoked demo token)\n`),
      file('test/fixtures/tokens.txt', `NPM_TOKEN=${s.allowedNpm}\n`),
      file('docs/setup.md', 'Put `STRIPE_SECRET_KEY=sk_live_...` and `DATABASE_URL=postgres://user:password@localhost/app` in .env.local\n'),
    ], 2),
    commit('refs/heads/main', 5, t0 + 50 * day, 'c5 rename the key constant', [
      file('src/payments.ts', `// payments (renamed)\nexport const STRIPE_KEY = '${s.stripeKey}';\n`),
    ], 4),
  ].join('');
  await git.run(['init', '-q', '-b', 'main', dir], { cwd: tmpdir() });
  await git.run(['fast-import', '--quiet'], { cwd: dir, input: stream });
  await git.run(['reset', '-q', '--hard', 'main'], { cwd: dir });
  const ids = (await git.run(['log', '--all', '--format=%H %s'], { cwd: dir })).stdout.toString('utf8');
  const idOf = (subject: string) => ids.split('\n').find((l) => l.includes(` ${subject}`))?.split(' ')[0] ?? '';
  // Files outside git's history: ignored, untracked, binary.
  await writeFile(join(dir, '.env.local'), `OPENAI_API_KEY=${s.ignoredOpenai}\n`);
  await writeFile(join(dir, 'untracked.txt'), `SENDGRID_API_KEY=${s.untrackedSendgrid}\n`);
  await mkdir(join(dir, 'assets'), { recursive: true });
  await writeFile(join(dir, 'assets', 'blob.bin'), Buffer.concat([Buffer.from([0x89, 0x50, 0, 0, 1]), Buffer.from(`token=${s.binaryGitlab}\n`)]));
  return {
    dir,
    secrets: s,
    commits: { c1: idOf('c1 config'), c2: idOf('c2 database'), c3: idOf('c3 chat'), c4: idOf('c4 payments'), c5: idOf('c5 rename') },
    allowPaths: ['test/fixtures/**'],
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A repository without secrets (one commit, placeholders only), for `pass` scenarios. */
export async function createCleanRepo(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lr-secrets-clean-'));
  const git = createGitRunner();
  const when = 1_700_000_000;
  const stream = commit('refs/heads/main', 1, when, 'initial', [
    file('README.md', '# Clean app\n\nCopy .env.example to .env and set STRIPE_SECRET_KEY=sk_live_... there.\n'),
    file('.env.example', 'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app\nSTRIPE_SECRET_KEY=<your-key>\n'),
    file('src/config.ts', 'export const token = process.env.API_TOKEN;\n'),
  ]);
  await git.run(['init', '-q', '-b', 'main', dir], { cwd: tmpdir() });
  await git.run(['fast-import', '--quiet'], { cwd: dir, input: stream });
  await git.run(['reset', '-q', '--hard', 'main'], { cwd: dir });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A repository full of planted secrets for the no-leak test: `texts` are added in one commit
 * (`planted/all.txt`), deleted in the next, and left untracked in the working tree
 * (`planted-now.txt`), so both the tree and the history scans report every one of them.
 */
export async function createPlantedRepo(texts: readonly string[]): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lr-secrets-planted-'));
  const git = createGitRunner();
  const body = `${texts.join('\n\n')}\n`;
  const stream = [
    commit('refs/heads/main', 1, 1_690_000_000, 'plant', [file('planted/all.txt', body), file('README.md', '# planted\n')]),
    commit('refs/heads/main', 2, 1_690_086_400, 'unplant', ['D planted/all.txt'], 1),
  ].join('');
  await git.run(['init', '-q', '-b', 'main', dir], { cwd: tmpdir() });
  await git.run(['fast-import', '--quiet'], { cwd: dir, input: stream });
  await git.run(['reset', '-q', '--hard', 'main'], { cwd: dir });
  await writeFile(join(dir, 'planted-now.txt'), body);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
