/**
 * Finds and parses a repository's CI files: every `.github/workflows/*.yml|yaml` and a root
 * `.gitlab-ci.yml`. Bounded: at most 200 workflow files of at most 1 MiB each.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseGithubWorkflow } from './github-actions.js';
import { parseGitlabCi } from './gitlab-ci.js';
import type { CiFileError, CiWorkflow } from './types.js';

export const MAX_CI_FILES = 200;
export const MAX_CI_FILE_BYTES = 1024 * 1024;

export interface LoadedPipelines {
  workflows: CiWorkflow[];
  /** Files that exist but could not be read or parsed. */
  errors: CiFileError[];
  /** Files beyond the count cap, named so the result can say what was left out. */
  skipped: string[];
}

/** Thrown when the repository folder itself cannot be read. */
export class RepoReadError extends Error {
  override readonly name = 'RepoReadError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export async function loadPipelines(repo: string): Promise<LoadedPipelines> {
  try {
    if (!(await stat(repo)).isDirectory()) throw new RepoReadError('ENOTDIR', `repository ${repo} is not a folder`);
  } catch (err) {
    if (err instanceof RepoReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'READ';
    throw new RepoReadError(code, code === 'ENOENT' ? `repository folder ${repo} does not exist` : `cannot read repository ${repo} (${code})`);
  }
  const out: LoadedPipelines = { workflows: [], errors: [], skipped: [] };
  const files = (await listWorkflowFiles(repo)).map((f) => ({ file: f, parse: parseGithubWorkflow }));
  if (await exists(join(repo, '.gitlab-ci.yml'))) files.push({ file: '.gitlab-ci.yml', parse: parseGitlabCi });
  for (const [i, { file, parse }] of files.entries()) {
    if (i >= MAX_CI_FILES) {
      out.skipped.push(file);
      continue;
    }
    const text = await readBounded(join(repo, file));
    if (typeof text !== 'string') {
      out.errors.push({ file, ...text });
      continue;
    }
    const parsed = parse(text, file);
    if ('error' in parsed) out.errors.push(parsed.error);
    else out.workflows.push(parsed.workflow);
  }
  return out;
}

async function listWorkflowFiles(repo: string): Promise<string[]> {
  try {
    const names = await readdir(join(repo, '.github', 'workflows'));
    return names.filter((n) => /\.ya?ml$/i.test(n)).sort().map((n) => `.github/workflows/${n}`);
  } catch {
    return [];
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readBounded(path: string): Promise<string | { code: string; message: string }> {
  try {
    const info = await stat(path);
    if (info.size > MAX_CI_FILE_BYTES) return { code: 'TOO_LARGE', message: `${info.size} bytes, above the ${MAX_CI_FILE_BYTES}-byte limit` };
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'READ';
    return { code, message: `cannot read (${code})` };
  }
}

/** What a CI check reports before judging: read errors (`error`) and absences (`skip`). */
export interface PipelineProblem {
  kind: 'error' | 'skip';
  target: string;
  /** For errors: `{ code, message }`; for skips: the reason. */
  code?: string;
  message: string;
}

/**
 * Loads the workflows and lists what to report about the loading itself: the repository that
 * cannot be read, each file that cannot be parsed, files beyond the cap, and "no CI at all".
 * `configDir` names the repository in targets (its path relative to the config, or `.`).
 */
export async function loadPipelinesForCheck(repo: string, configDir: string): Promise<{ workflows: CiWorkflow[]; problems: PipelineProblem[]; repoTarget: string }> {
  const repoTarget = relative(configDir, repo) || '.';
  let loaded: LoadedPipelines;
  try {
    loaded = await loadPipelines(repo);
  } catch (err) {
    const e = err as RepoReadError;
    return { workflows: [], problems: [{ kind: 'error', target: repoTarget, code: e.code ?? 'READ', message: e.message }], repoTarget };
  }
  const problems: PipelineProblem[] = loaded.errors.map((e) => ({ kind: 'error', target: e.file, code: e.code, message: e.message }));
  if (loaded.skipped.length) problems.push({ kind: 'skip', target: repoTarget, message: `${loaded.skipped.length} CI files beyond the first ${MAX_CI_FILES} were not read` });
  if (!loaded.workflows.length && !loaded.errors.length) {
    problems.push({ kind: 'skip', target: repoTarget, message: 'no CI configuration found (.github/workflows/*.yml, .gitlab-ci.yml)' });
  }
  return { workflows: loaded.workflows, problems, repoTarget };
}
