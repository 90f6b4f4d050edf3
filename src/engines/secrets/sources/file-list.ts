/**
 * Which files the working-tree scan reads: in a git repository, tracked plus untracked files that
 * `.gitignore` does not exclude (`git ls-files -co --exclude-standard -z`); elsewhere a plain
 * walk that leaves out VCS folders and dependency trees.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitRunner } from '../../../context/git.js';
import { type IgnoreLayer, isIgnored, parseGitignore } from '../gitignore.js';

/** Folders a plain walk never enters: version control and installed dependencies. */
const SKIP_DIRS: ReadonlySet<string> = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', '.venv', 'venv', '__pycache__', '.tox',
  '.terraform', '.next', '.nuxt', '.cache',
]);

/** Bounds of a plain walk. */
const MAX_WALK_FILES = 500_000;
const MAX_DEPTH = 64;

/** Relative paths (`/`-separated) listed by git, tracked and untracked-not-ignored. */
export async function gitFiles(git: GitRunner, root: string, signal?: AbortSignal): Promise<string[]> {
  const { stdout } = await git.run(['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: root, timeoutMs: 120_000, maxBytes: 256 * 1024 * 1024, signal,
  });
  // A path both tracked and modified is listed once; a conflicted one once per stage: dedupe.
  return [...new Set(stdout.toString('utf8').split('\0').filter(Boolean))];
}

/** `.gitignore` of a folder, or undefined; an unreadable one counts as absent. */
async function readIgnore(dir: string): Promise<string | undefined> {
  return readFile(join(dir, '.gitignore'), 'utf8').catch(() => undefined);
}

/** Relative paths of regular files under `root`, without following symbolic links. */
export async function walkFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string, depth: number, layers: readonly IgnoreLayer[]): Promise<void> => {
    if (depth > MAX_DEPTH || out.length >= MAX_WALK_FILES) return;
    const dir = join(root, rel);
    const ignoreText = await readIgnore(dir);
    const here = ignoreText ? [...layers, { base: rel, rules: parseGitignore(ignoreText) }] : layers;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (out.length >= MAX_WALK_FILES) return;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !isIgnored(here, path, true)) await visit(path, depth + 1, here);
      } else if (e.isFile() && !isIgnored(here, path, false)) {
        out.push(path);
      }
    }
  };
  await visit('', 0, []);
  return out.sort();
}
