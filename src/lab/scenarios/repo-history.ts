/**
 * Turns the lab repository into a git repository with a history, so the secret scanners have
 * something real to read: in `default` a live-looking key sits in the tree and another one lived
 * only in an old commit; `fixed` has the same history without them. Values are random per lab
 * and built at run time, so no credential is ever written into this project's own sources.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ScenarioVariant } from './types.js';

const run = promisify(execFile);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomOf(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Secrets planted by the `default` variant, for tests that assert they are found and never printed. */
export interface PlantedSecrets {
  inTree: string;
  historyOnly: string;
}

export async function commitLabHistory(dir: string, variant: ScenarioVariant): Promise<PlantedSecrets | undefined> {
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=Lab', '-c', 'user.email=lab@acme.test', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, timeout: 20_000 });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'Initial import');
  if (variant !== 'default') return undefined;

  const planted: PlantedSecrets = {
    // Stripe's live secret-key shape; an AWS access key id shape for the one that was "removed".
    inTree: ['sk', 'live', randomOf(ALNUM, 24)].join('_'),
    historyOnly: `AKIA${randomOf('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
  };
  await mkdir(join(dir, 'src'), { recursive: true });
  await writeFile(join(dir, 'src', 'aws.js'), `export const awsAccessKeyId = '${planted.historyOnly}';\n`);
  await git('add', '-A');
  await git('commit', '-q', '-m', 'Add S3 upload');
  await rm(join(dir, 'src', 'aws.js'));
  await git('add', '-A');
  await git('commit', '-q', '-m', 'Remove hard-coded AWS key');
  await writeFile(join(dir, 'src', 'billing.js'), `const stripe = require('stripe')('${planted.inTree}');\nmodule.exports = stripe;\n`);
  await git('add', '-A');
  await git('commit', '-q', '-m', 'Billing');
  return planted;
}
