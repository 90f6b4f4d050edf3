/**
 * The git runner: every git invocation of launchready goes through here, with a deadline, a cap
 * on collected output, and configuration that a scanned repository cannot turn against us
 * (no fsmonitor hook, no external diff or textconv program, no pager, no colour).
 * Checks receive a {@link GitRunner} by injection; tests hand them a real one on a temp repo.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

export type GitErrorCode = 'NOT_FOUND' | 'TIMEOUT' | 'TOO_LARGE' | 'FAILED' | 'ABORTED';

/** A git invocation that could not run or did not succeed. Never carries file contents. */
export class GitError extends Error {
  constructor(
    readonly code: GitErrorCode,
    message: string,
    /** Exit status when git ran and failed. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitRunOptions {
  cwd: string;
  /** Whole-invocation deadline (default 60 s). */
  timeoutMs?: number;
  /** Cap on collected stdout (default 64 MiB); beyond it the run fails with TOO_LARGE. */
  maxBytes?: number;
  /** Written to git's stdin, then closed. */
  input?: string | Buffer;
  signal?: AbortSignal;
  /** Exit statuses that are not failures (`git grep` exits 1 when nothing matched). */
  okStatuses?: readonly number[];
}

export interface GitStreamOptions {
  cwd: string;
  /** Whole-stream deadline (default: none beyond the signal). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Written to git's stdin, then closed (`git log --stdin` reads commit ids this way). */
  input?: string | Buffer;
}

export interface GitResult {
  status: number;
  stdout: Buffer;
}

export interface GitRunner {
  /** Runs git to completion and returns its stdout. @throws {GitError} */
  run(args: readonly string[], opts: GitRunOptions): Promise<GitResult>;
  /**
   * Streams git's stdout. The consumer's pace is git's pace (backpressure); leaving the loop
   * early stops git. @throws {GitError} after the last chunk when git failed.
   */
  stream(args: readonly string[], opts: GitStreamOptions): AsyncIterable<Buffer>;
}

/**
 * `-c` settings prepended to every invocation. A repository's own config could otherwise start
 * programs (core.fsmonitor, diff drivers) or change the output format we parse.
 */
export const SAFE_GIT_CONFIG: readonly string[] = [
  '-c', 'core.fsmonitor=false',
  '-c', 'core.quotepath=off',
  '-c', 'color.ui=false',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
  '-c', 'diff.relative=false',
  '-c', 'log.showSignature=false',
  '-c', 'core.pager=cat',
];

const STDERR_CAP = 8 * 1024;

export interface GitRunnerOptions {
  /** The git executable (default `git` on PATH). */
  binary?: string;
}

/**
 * Ends a child for good: SIGKILL, and our ends of its pipes destroyed, so that a grandchild still
 * holding them (a hook, a credential helper) cannot keep the invocation open.
 */
function kill(child: ChildProcessWithoutNullStreams): void {
  child.kill('SIGKILL');
  child.stdout.destroy();
  child.stderr.destroy();
}

/** First line of git's stderr, for messages (it never contains file contents for our commands). */
function firstLine(stderr: string): string {
  return stderr.split('\n').find((l) => l.trim())?.trim() ?? '';
}

/** The real runner: spawns git without a shell. */
export function createGitRunner(options: GitRunnerOptions = {}): GitRunner {
  const binary = options.binary ?? 'git';

  const start = (args: readonly string[], cwd: string) =>
    spawn(binary, [...SAFE_GIT_CONFIG, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });

  function run(args: readonly string[], opts: GitRunOptions): Promise<GitResult> {
    const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    const timeoutMs = opts.timeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
      const child = start(args, opts.cwd);
      const chunks: Buffer[] = [];
      let size = 0;
      let stderr = '';
      let failure: GitError | undefined;
      const stop = (err: GitError) => {
        failure ??= err;
        kill(child);
      };
      const timer = setTimeout(() => stop(new GitError('TIMEOUT', `git ${args[0]} did not finish within ${timeoutMs} ms`)), timeoutMs);
      const onAbort = () => stop(new GitError('ABORTED', `git ${args[0]} aborted`));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) stop(new GitError('TOO_LARGE', `git ${args[0]} printed more than ${maxBytes} bytes`));
        else chunks.push(c);
      });
      child.stderr.on('data', (c: Buffer) => {
        if (stderr.length < STDERR_CAP) stderr += c.toString('utf8');
      });
      child.on('error', (err: NodeJS.ErrnoException) => {
        failure ??= err.code === 'ENOENT'
          ? new GitError('NOT_FOUND', `git is not installed (${binary} not found)`)
          : new GitError('FAILED', err.message);
      });
      child.on('close', (status) => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (failure) return reject(failure);
        const code = status ?? -1;
        if (code !== 0 && !(opts.okStatuses ?? []).includes(code)) {
          return reject(new GitError('FAILED', `git ${args[0]} failed: ${firstLine(stderr) || `exit ${code}`}`, code));
        }
        resolve({ status: code, stdout: Buffer.concat(chunks) });
      });
      child.stdin.on('error', () => { /* git may exit before reading its input; the exit status says why */ });
      child.stdin.end(opts.input ?? '');
    });
  }

  async function* stream(args: readonly string[], opts: GitStreamOptions): AsyncIterable<Buffer> {
    const child = start(args, opts.cwd);
    child.stdin.on('error', () => { /* git may exit before reading its input; the exit status says why */ });
    child.stdin.end(opts.input ?? '');
    let stderr = '';
    let failure: GitError | undefined;
    const stop = (err: GitError) => {
      failure ??= err;
      kill(child);
    };
    const closed = new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? -1)));
    child.on('error', (err: NodeJS.ErrnoException) => {
      failure ??= err.code === 'ENOENT'
        ? new GitError('NOT_FOUND', `git is not installed (${binary} not found)`)
        : new GitError('FAILED', err.message);
    });
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < STDERR_CAP) stderr += c.toString('utf8');
    });
    const timer = opts.timeoutMs
      ? setTimeout(() => stop(new GitError('TIMEOUT', `git ${args[0]} did not finish within ${opts.timeoutMs} ms`)), opts.timeoutMs)
      : undefined;
    const onAbort = () => stop(new GitError('ABORTED', `git ${args[0]} aborted`));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    let finished = false;
    try {
      try {
        for await (const chunk of child.stdout) {
          if (failure) break;
          yield chunk as Buffer;
        }
      } catch (err) {
        // A stopped process's pipe ends early; the reason is the failure recorded above.
        if (!failure) throw err;
      }
      const status = await closed;
      finished = true;
      if (failure) throw failure;
      if (status !== 0) throw new GitError('FAILED', `git ${args[0]} failed: ${firstLine(stderr) || `exit ${status}`}`, status);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (!finished) {
        kill(child);
        await closed;
      }
    }
  }

  return { run, stream };
}

/** Whether `dir` is inside a git work tree; its top level when it is. */
export async function gitTopLevel(git: GitRunner, dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await git.run(['rev-parse', '--show-toplevel'], { cwd: dir, timeoutMs: 10_000, maxBytes: 64 * 1024 });
    const top = stdout.toString('utf8').trim();
    return top || undefined;
  } catch (err) {
    if (err instanceof GitError && err.code === 'FAILED') return undefined;
    throw err;
  }
}
