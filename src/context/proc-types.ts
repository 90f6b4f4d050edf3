/**
 * The process runner: the one way a check starts another program (a package manager's
 * auditor, git). Injected through `Effects.proc` so tests hand it recorded outputs.
 */

export interface ProcessOptions {
  /** Working directory of the child. */
  cwd: string;
  /** Wall-clock bound; on expiry the child (and its process group) is killed. */
  timeoutMs: number;
  /** Bound of stdout and of stderr each; output beyond it is dropped and `truncated` set. */
  maxOutputBytes: number;
  /** The child's whole environment (default: inherited from this process). */
  env?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ProcessResult {
  /** Exit code; null when the child was killed or never started. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Whether stdout or stderr went over `maxOutputBytes`. */
  truncated?: boolean;
  /** Set when the program could not be started (`ENOENT`: not installed). */
  spawnError?: { code: string; message: string };
}

export interface ProcessRunner {
  /** Runs `cmd` with `args` (no shell); never rejects: failures come back in the result. */
  run(cmd: string, args: readonly string[], opts: ProcessOptions): Promise<ProcessResult>;
}
