/**
 * Baseline runs on disk: one JSON file per run under `<config dir>/.launchready/baselines/`, named
 * by its start time so the names sort in time order; "latest" is the newest file, "previous" the
 * one before it. No pointer file to keep in sync.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BaselineRun } from './types.js';

/** Where the runs of a project live. */
export const baselinesDir = (configDir: string): string => join(configDir, '.launchready', 'baselines');

/** A file that is not a baseline run, or a reference that names none. */
export class BaselineStoreError extends Error {
  override readonly name = 'BaselineStoreError';
}

/** `2025-05-01T09:30:00.123Z` → `2025-05-01T09-30-00.123Z` (colons are not allowed in Windows file names). */
const fileStem = (iso: string) => iso.replace(/:/g, '-');
const RUN_FILE = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d+)?Z(?:-\d+)?\.json$/;

/** Saves a run and returns its path; a second run in the same millisecond gets a `-1` suffix. */
export async function saveRun(dir: string, run: BaselineRun): Promise<string> {
  await mkdir(dir, { recursive: true });
  const existing = new Set(await readdir(dir));
  const stem = fileStem(run.startedAt);
  let name = `${stem}.json`;
  for (let i = 1; existing.has(name); i++) name = `${stem}-${i}.json`;
  const path = join(dir, name);
  // `wx`: never overwrite a run, even one written by a concurrent process since readdir.
  await writeFile(path, `${JSON.stringify(run, null, 2)}\n`, { flag: 'wx' });
  return path;
}

/** Saved runs, oldest first. */
export async function listRuns(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names.filter((n) => RUN_FILE.test(n)).sort(byTime).map((n) => join(dir, n));
}

/** Name order is time order, except that `x.json` comes before `x-1.json`. */
function byTime(a: string, b: string): number {
  const key = (n: string) => {
    const m = /^(.*?)(?:-(\d+))?\.json$/.exec(n)!;
    return [m[1], Number(m[2] ?? 0)] as const;
  };
  const [sa, na] = key(a);
  const [sb, nb] = key(b);
  return sa < sb ? -1 : sa > sb ? 1 : na - nb;
}

/** Reads and shape-checks a run file. @throws {BaselineStoreError} when it is not one. */
export async function readRun(path: string): Promise<BaselineRun> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BaselineStoreError(code === 'ENOENT' ? `no baseline run at ${path}` : `${path} is not a baseline run (${code ?? 'not JSON'})`);
  }
  const run = doc as Partial<BaselineRun>;
  if (run?.format !== 'launchready-baseline/1' || !Array.isArray(run.endpoints) || typeof run.startedAt !== 'string') {
    throw new BaselineStoreError(`${path} is not a launchready baseline run`);
  }
  return run as BaselineRun;
}

/**
 * The file a `--compare` reference names: `latest` (the newest saved run), `previous` (the one
 * before it), or a path relative to `cwd`. @throws {BaselineStoreError} when there is no such run.
 */
export async function resolveRunRef(dir: string, ref: string, cwd: string): Promise<string> {
  if (ref === 'latest' || ref === 'previous') {
    const runs = await listRuns(dir);
    const pick = runs.at(ref === 'latest' ? -1 : -2);
    if (!pick) {
      throw new BaselineStoreError(
        runs.length === 0 ? `no saved baseline run in ${dir} yet: run \`launchready baseline\` first` : `only one saved baseline run in ${dir}: there is no previous one`,
      );
    }
    return pick;
  }
  return resolve(cwd, ref);
}
