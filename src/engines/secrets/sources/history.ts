/**
 * The history scan: `git log -p` over every ref, streamed, each added line of each commit matched
 * once. The same secret is reported once, at the commit that introduced it (the oldest one that
 * added it: git prints newest first, so the last one seen), with the count of later re-additions.
 */
import { realpath } from 'node:fs/promises';
import { type GitRunner, GitError, gitTopLevel } from '../../../context/git.js';
import type { CompiledRules } from '../compile.js';
import { secretFingerprint } from '../fingerprint.js';
import { pathMatcher } from '../glob.js';
import { SecretValue, type HistoryFinding, type HistoryStats } from '../types.js';
import { patchChunks } from './patch-chunks.js';
import { INITIAL_PATCH_STATE, type PatchState } from './patch-cursor.js';
import { scanPatchChunk } from './scan-patch.js';

export interface HistoryScanOptions {
  root: string;
  git: GitRunner;
  compiled: CompiledRules;
  allowPaths?: readonly string[];
  accepted?: ReadonlySet<string>;
  /** Only commits not reachable from this revision (`--since origin/main` in a pull request). */
  since?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  now?: () => number;
}

export interface HistoryScanResult {
  findings: HistoryFinding[];
  stats: HistoryStats;
  acceptedCount: number;
}

/** The folder is not inside a git work tree: there is no history to scan. */
export class NotARepositoryError extends Error {
  readonly code = 'NOT_A_REPOSITORY';
  constructor(dir: string) {
    super(`${dir} is not inside a git repository`);
    this.name = 'NotARepositoryError';
  }
}

/** A `--since` value that names no commit. */
export class UnknownRevisionError extends Error {
  readonly code = 'UNKNOWN_REVISION';
  constructor(rev: string) {
    super(`--since: "${rev}" names no commit of this repository`);
    this.name = 'UnknownRevisionError';
  }
}

/** `git log` arguments of a history scan (exported for the benchmark, which times git alone). */
export function historyLogArgs(opts: { relative?: boolean; since?: string } = {}): string[] {
  return [
    'log', '-p', '-U0', '--all', '--no-color', '--no-ext-diff', '--no-textconv',
    '--src-prefix=a/', '--dst-prefix=b/', '--format=%x1e%H %aI',
    ...(opts.relative ? ['--relative'] : []),
    ...(opts.since ? [`^${opts.since}`] : []),
  ];
}

/**
 * Resolves `rev` to a full commit id, refusing option-like values.
 * @throws {UnknownRevisionError} when it names no commit
 */
export async function resolveRevision(git: GitRunner, root: string, rev: string): Promise<string> {
  if (rev.startsWith('-')) throw new UnknownRevisionError(rev);
  try {
    const { stdout } = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
      cwd: root, timeoutMs: 10_000, maxBytes: 4096,
    });
    return stdout.toString('utf8').trim();
  } catch (err) {
    if (err instanceof GitError && err.code === 'FAILED') throw new UnknownRevisionError(rev);
    throw err;
  }
}

/** Whether the repository has any commit at all (`git log --all` fails on an empty one in old gits). */
async function hasCommits(git: GitRunner, root: string): Promise<boolean> {
  const { stdout } = await git.run(['rev-list', '--all', '--max-count=1'], { cwd: root, timeoutMs: 30_000, maxBytes: 4096 });
  return stdout.length > 0;
}

/** Streams the whole history under `opts.root` and returns each distinct secret once. */
export async function scanHistory(opts: HistoryScanOptions): Promise<HistoryScanResult> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const top = await gitTopLevel(opts.git, opts.root);
  if (!top) throw new NotARepositoryError(opts.root);
  const since = opts.since ? await resolveRevision(opts.git, opts.root, opts.since) : undefined;
  const stats: HistoryStats = { commits: 0, bytes: 0, durationMs: 0 };
  const found = new Map<string, HistoryFinding>();
  let acceptedCount = 0;
  if (await hasCommits(opts.git, opts.root)) {
    // `--relative` limits the scan to the folder asked for and names paths relative to it.
    const relative = (await realpathOrSame(opts.root)) !== (await realpathOrSame(top));
    const allowed = pathMatcher(opts.allowPaths ?? []);
    const stream = opts.git.stream(historyLogArgs({ relative, since }), {
      cwd: opts.root, signal: opts.signal, timeoutMs: opts.timeoutMs,
    });
    let state: PatchState = INITIAL_PATCH_STATE;
    for await (const chunk of patchChunks(stream)) {
      stats.bytes += chunk.length;
      const result = scanPatchChunk(chunk.toString('latin1'), state, opts.compiled);
      state = result.state;
      stats.commits += result.commits;
      for (const h of result.hits) {
        if (allowed(h.path)) continue;
        const secret = new SecretValue(h.secret);
        const key = `${h.rule.id}\u0000${secret.hash}`;
        const fingerprint = secretFingerprint(h.rule.id, h.path, secret.hash);
        const earlier = found.get(key);
        // Newest first: a later line of output is an older (or equally old) commit.
        found.set(key, {
          ruleId: h.rule.id, description: h.rule.description, secret, path: h.path, line: h.line,
          column: h.column, fingerprint, commit: h.commit, date: h.date,
          occurrences: earlier ? earlier.occurrences + 1 : 0,
        });
      }
    }
  }
  const findings: HistoryFinding[] = [];
  for (const f of found.values()) {
    if (opts.accepted?.has(f.fingerprint)) acceptedCount += 1;
    else findings.push(f);
  }
  stats.durationMs = now() - started;
  return { findings, stats, acceptedCount };
}

function realpathOrSame(p: string): Promise<string> {
  return realpath(p).catch(() => p);
}
