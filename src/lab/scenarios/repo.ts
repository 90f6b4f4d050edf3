/**
 * The lab repository: a project folder generated for a variant — CI workflows, env schema and
 * env files, an npm project with its lockfile, log samples, a migration — plus the loopback
 * advisory database its `.npmrc` points npm at. The lab config names it with `repo:`,
 * `env.schema`, `environments.*.env_file` and `ownership.logs` (see `repoConfig`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { startAdvisoryServer } from './repo-advisories.js';
import { repoCiFiles } from './repo-ci-files.js';
import { repoProjectFiles } from './repo-files.js';
import { commitLabHistory } from './repo-history.js';
import type { ScenarioVariant } from './types.js';

export { LAB_ADVISORIES } from './repo-advisories.js';
export { ENV_SCHEMA, LAB_ENV_SECRETS } from './repo-files.js';

/** Folder of the repository inside the lab's folder (config paths are relative to the config). */
export const REPO_DIR = 'repo';

/** Writes every file of the variant under `dir`; returns the relative paths written. */
export async function writeRepoFiles(dir: string, variant: ScenarioVariant, registryUrl: string): Promise<string[]> {
  const files = { ...repoCiFiles(variant), ...repoProjectFiles(variant, registryUrl) };
  for (const [rel, text] of Object.entries(files)) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return Object.keys(files).sort();
}

/** Starts the advisory database and writes the repository into `<labDir>/repo`. */
export async function startRepoFixture(opts: { variant: ScenarioVariant; labDir: string }): Promise<{ dir: string; registryUrl: string; stop(): Promise<void> }> {
  const advisories = await startAdvisoryServer();
  try {
    const dir = join(opts.labDir, REPO_DIR);
    await writeRepoFiles(dir, opts.variant, advisories.url);
    await commitLabHistory(dir, opts.variant);
    return { dir, registryUrl: advisories.url, stop: advisories.stop };
  } catch (err) {
    await advisories.stop();
    throw err;
  }
}

/** The config keys that point launchready at the lab repository (paths relative to the config). */
export function repoConfig(): {
  repo: string;
  env: { schema: string };
  envFiles: Record<'production' | 'staging', string>;
  logs: string[];
} {
  return {
    repo: `./${REPO_DIR}`,
    env: { schema: `./${REPO_DIR}/env.schema.yml` },
    envFiles: { production: `./${REPO_DIR}/.env.production`, staging: `./${REPO_DIR}/.env.staging` },
    logs: [`./${REPO_DIR}/logs/*.log`],
  };
}
