/**
 * The real process runner: `child_process.spawn` without a shell, bounded in time and output.
 * The child gets its own process group so a timeout also ends what it started (npm spawns
 * helpers of its own); only that group is signalled, never anything by name.
 */
import { spawn } from 'node:child_process';
import type { ProcessOptions, ProcessResult, ProcessRunner } from './proc-types.js';

export type { ProcessOptions, ProcessResult, ProcessRunner } from './proc-types.js';

/** After a kill, how long to wait for the pipes to close before answering anyway. */
const CLOSE_GRACE_MS = 2_000;

/** Creates the runner the real effects carry. */
export function createProcessRunner(): ProcessRunner {
  return { run: runProcess };
}

function runProcess(cmd: string, args: readonly string[], opts: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const out = boundedSink(opts.maxOutputBytes);
    const err = boundedSink(opts.maxOutputBytes);
    let timedOut = false;
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;

    const child = spawn(cmd, [...args], {
      cwd: opts.cwd,
      // Without `env` the child inherits ours; the runner never reads the environment itself.
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });

    const finish = (code: number | null, spawnError?: { code: string; message: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({
        code,
        stdout: out.text(),
        stderr: err.text(),
        timedOut,
        ...(out.truncated || err.truncated ? { truncated: true } : {}),
        ...(spawnError ? { spawnError } : {}),
      });
    };

    const kill = () => {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        // A negative pid signals the child's whole process group (POSIX).
        if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      graceTimer = setTimeout(() => finish(null), CLOSE_GRACE_MS);
      graceTimer.unref?.();
    };

    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs);
    timer.unref?.();
    const onAbort = () => kill();
    if (opts.signal?.aborted) kill();
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e: NodeJS.ErrnoException) => finish(null, { code: e.code ?? 'SPAWN', message: e.message }));
    child.on('close', (code) => finish(timedOut ? null : code));
  });
}

/** Keeps at most `limit` bytes of a stream; the rest is counted, not stored. */
function boundedSink(limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  return {
    push(chunk: Buffer) {
      if (size >= limit) {
        truncated = true;
        return;
      }
      const room = limit - size;
      if (chunk.length > room) truncated = true;
      const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(kept);
      size += kept.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
    get truncated() {
      return truncated;
    },
  };
}
