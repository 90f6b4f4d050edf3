/**
 * The history scan: the patches of every commit on every ref, streamed from git, each added
 * line matched once. The same secret is reported once, at the commit that introduced it (the
 * oldest commit that added it), with the count of later re-additions.
 *
 * git is the floor of any history scanner (it inflates and diffs every blob), so the commits are
 * split between a few `git log --no-walk --stdin` processes that run side by side; their streams
 * are scanned as they arrive. One process per core, at most four.
 */
import { realpath } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { type GitRunner, GitError, gitTopLevel } from '../../../context/git.js';
import type { CompiledRules } from '../compile.js';
import { secretFingerprint } from '../fingerprint.js';
import { pathMatcher } from '../glob.js';
import { SecretValue, type HistoryFinding, type HistoryStats } from '../types.js';
import { patchChunks } from './patch-chunks.js';
import { INITIAL_PATCH_STATE, type PatchState } from './patch-cursor.js';
import { type PatchHit, scanPatchChunk } from './scan-patch.js';

export interface HistoryScanOptions {
  root: string;
  git: GitRunner;
  compiled: CompiledRules;
  allowPaths?: readonly string[];
  accepted?: ReadonlySet<string>;
  /** Only commits not reachable from this revision (`--since origin/main` in a pull request). */
  since?: string;
  /** git processes at once (default: one per core, at most 4; one below 200 commits). */
  parallel?: number;
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

/** Below this many commits one git process does it all. */
const PARALLEL_FROM = 200;

/**
 * `git log` arguments of a history scan: patches without context (`-U0`: only added lines
 * matter, their numbers come from the hunk headers), no external programs, fixed prefixes, and
 * one marker line per commit (`\x1e<id> <committer time> <author date>`). Commit ids are read
 * from stdin. Exported for the benchmark, which times git alone.
 */
export function historyLogArgs(opts: { relative?: boolean } = {}): string[] {
  return [
    'log', '-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/',
    '--format=%x1e%H %ct %aI', '--no-walk=unsorted', '--stdin',
    ...(opts.relative ? ['--relative'] : []),
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

/** Every commit on every ref (newest first), minus those reachable from `since`. */
async function listCommits(git: GitRunner, root: string, since: string | undefined, signal?: AbortSignal): Promise<string[]> {
  const { stdout } = await git.run(['rev-list', '--all', ...(since ? [`^${since}`] : [])], {
    cwd: root, timeoutMs: 300_000, maxBytes: 512 * 1024 * 1024, signal,
  });
  return stdout.toString('latin1').split('\n').filter(Boolean);
}

/** `n` contiguous slices of about equal length (neighbouring commits share blobs: git's caches help). */
function slices<T>(xs: readonly T[], n: number): T[][] {
  const size = Math.ceil(xs.length / n);
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function realpathOrSame(p: string): Promise<string> {
  return realpath(p).catch(() => p);
}

/** Streams the whole history under `opts.root` and returns each distinct secret once. */
export async function scanHistory(opts: HistoryScanOptions): Promise<HistoryScanResult> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const top = await gitTopLevel(opts.git, opts.root);
  if (!top) throw new NotARepositoryError(opts.root);
  const since = opts.since ? await resolveRevision(opts.git, opts.root, opts.since) : undefined;
  const stats: HistoryStats = { commits: 0, bytes: 0, durationMs: 0 };
  const found = new Map<string, HistoryFinding & { time: number }>();
  const allowed = pathMatcher(opts.allowPaths ?? []);

  const record = (h: PatchHit) => {
    if (allowed(h.path)) return;
    const secret = new SecretValue(h.secret);
    const key = `${h.rule.id}\u0000${secret.hash}`;
    const earlier = found.get(key);
    const occurrences = earlier ? earlier.occurrences + 1 : 0;
    // The oldest commit introduced it; on equal times the later line (git prints newest first).
    if (earlier && earlier.time < h.time) {
      earlier.occurrences = occurrences;
      return;
    }
    found.set(key, {
      ruleId: h.rule.id, description: h.rule.description, secret, path: h.path, line: h.line, column: h.column,
      fingerprint: secretFingerprint(h.rule.id, h.path, secret.hash), commit: h.commit, date: h.date, time: h.time,
      occurrences,
    });
  };

  const commits = await listCommits(opts.git, opts.root, since, opts.signal);
  if (commits.length > 0) {
    // `--relative` limits the scan to the folder asked for and names paths relative to it.
    const relative = (await realpathOrSame(opts.root)) !== (await realpathOrSame(top));
    const n = Math.max(1, opts.parallel ?? (commits.length < PARALLEL_FROM ? 1 : Math.min(4, availableParallelism())));
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.all(slices(commits, n).map(async (ids) => {
        const stream = opts.git.stream(historyLogArgs({ relative }), {
          cwd: opts.root, signal: controller.signal, timeoutMs: opts.timeoutMs, input: `${ids.join('\n')}\n`,
        });
        let state: PatchState = INITIAL_PATCH_STATE;
        try {
          for await (const chunk of patchChunks(stream)) {
            stats.bytes += chunk.length;
            const result = scanPatchChunk(chunk.toString('latin1'), state, opts.compiled);
            state = result.state;
            stats.commits += result.commits;
            for (const h of result.hits) record(h);
          }
        } catch (err) {
          controller.abort(); // one failed process stops its siblings
          throw err;
        }
      }));
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }
  const findings: HistoryFinding[] = [];
  let acceptedCount = 0;
  for (const { time: _time, ...f } of found.values()) {
    if (opts.accepted?.has(f.fingerprint)) acceptedCount += 1;
    else findings.push(f);
  }
  stats.durationMs = now() - started;
  return { findings, stats, acceptedCount };
}
