/**
 * The working-tree scan: every file git would commit (tracked or untracked-not-ignored), or every
 * file of a plain folder. Binary files (NUL in the first 8 KiB, git's own test) and files over
 * the size cap are not read and are listed in the stats, so the report can say what was skipped.
 */
import { constants as fsConstants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { type GitRunner, gitTopLevel } from '../../../context/git.js';
import { mapLimit } from '../../../core/map-limit.js';
import type { CompiledRules } from '../compile.js';
import { pathMatcher } from '../glob.js';
import { decodeForScan, scanFileText } from '../scan-file.js';
import type { SecretFinding, TreeStats } from '../types.js';
import { gitFiles, walkFiles } from './file-list.js';

/** Default size cap: lockfiles and bundles fit, database dumps and media do not. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Bytes inspected for NUL, as git does (`buffer_is_binary`). */
const BINARY_SNIFF = 8000;
/**
 * O_NOFOLLOW: a tracked symbolic link may point anywhere (even /dev/zero) and is not the tree's
 * content. O_NONBLOCK: opening a FIFO must not wait for a writer (the stat then skips it).
 */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);

export interface TreeScanOptions {
  root: string;
  compiled: CompiledRules;
  /** Without a runner (or outside a repository) the folder is walked. */
  git?: GitRunner;
  /** Globs relative to `root` whose files are not scanned (`audit.secrets.allow_paths`). */
  allowPaths?: readonly string[];
  maxFileBytes?: number;
  /** Files read at once. */
  concurrency?: number;
  /** Fingerprints accepted as known: dropped from the findings. */
  accepted?: ReadonlySet<string>;
  signal?: AbortSignal;
  /** Time source for durations (tests pin it); default `performance.now`. */
  now?: () => number;
}

export interface TreeScanResult {
  findings: SecretFinding[];
  stats: TreeStats;
  /** How files were listed. */
  mode: 'git' | 'walk';
  /** Findings dropped because their fingerprint was accepted. */
  acceptedCount: number;
}

type FileOutcome =
  | { kind: 'scanned'; bytes: number; ms: number; findings: SecretFinding[] }
  | { kind: 'binary' }
  | { kind: 'large'; bytes: number }
  | { kind: 'unreadable' };

/** Reads one file (regular files only, never through a symbolic link) and scans it. */
async function scanOne(root: string, path: string, opts: TreeScanOptions, now: () => number): Promise<FileOutcome> {
  const started = now();
  let handle;
  try {
    handle = await open(join(root, path), OPEN_FLAGS).catch(() => undefined);
    if (!handle) return { kind: 'unreadable' };
    const st = await handle.stat();
    if (!st.isFile()) return { kind: 'unreadable' };
    const cap = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (st.size > cap) return { kind: 'large', bytes: st.size };
    const bytes = Buffer.allocUnsafe(st.size);
    let read = 0;
    // Bounded: each turn reads at least one byte or stops.
    while (read < st.size) {
      const { bytesRead } = await handle.read(bytes, read, st.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const data = bytes.subarray(0, read);
    if (data.subarray(0, BINARY_SNIFF).includes(0)) return { kind: 'binary' };
    const findings = scanFileText(path, decodeForScan(data), opts.compiled);
    return { kind: 'scanned', bytes: read, ms: now() - started, findings };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    await handle?.close();
  }
}

/** Lists and scans the tree under `opts.root`. */
export async function scanWorkingTree(opts: TreeScanOptions): Promise<TreeScanResult> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const top = opts.git ? await gitTopLevel(opts.git, opts.root) : undefined;
  const mode = top ? 'git' : 'walk';
  const all = top && opts.git ? await gitFiles(opts.git, opts.root, opts.signal) : await walkFiles(opts.root);
  const allowed = pathMatcher(opts.allowPaths ?? []);
  const files = all.filter((p) => !allowed(p));
  const stats: TreeStats = {
    files: 0, bytes: 0, binary: [], large: [], allowed: all.length - files.length, unreadable: 0, durationMs: 0,
  };
  const findings: SecretFinding[] = [];
  let acceptedCount = 0;
  const outcomes = await mapLimit(files, opts.concurrency ?? 8, async (path) => {
    if (opts.signal?.aborted) return { kind: 'unreadable' } as const;
    return scanOne(opts.root, path, opts, now);
  });
  outcomes.forEach((o, i) => {
    const path = files[i];
    if (o.kind === 'binary') stats.binary.push(path);
    else if (o.kind === 'large') stats.large.push({ path, bytes: o.bytes });
    else if (o.kind === 'unreadable') stats.unreadable += 1;
    else {
      stats.files += 1;
      stats.bytes += o.bytes;
      if (!stats.slowest || o.ms > stats.slowest.ms) stats.slowest = { path, ms: o.ms };
      for (const f of o.findings) {
        if (opts.accepted?.has(f.fingerprint)) acceptedCount += 1;
        else findings.push(f);
      }
    }
  });
  stats.durationMs = now() - started;
  return { findings, stats, mode, acceptedCount };
}
