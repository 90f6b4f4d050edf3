/**
 * Lab servers for load tests: a fixed delay per answer, and optionally a periodic freeze (no
 * answer for `forMs` every `everyMs`, the shape of a stop-the-world pause or a lock convoy), the
 * case that shows coordinated omission. Each runs in a child process (see slow-server-script.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { SLOW_SERVER_SCRIPT } from './slow-server-script.js';

export interface SlowServerOptions {
  /** Loopback address to bind (default 127.0.0.1); the port is always a free one. */
  host?: string;
  /** Time between a request and its answer (default 0). */
  delayMs?: number;
  /** Size of each answer's body (default 12 bytes). */
  bodyBytes?: number;
  /**
   * Freeze windows [anchor + k·everyMs, anchor + k·everyMs + forMs): an answer due inside one
   * leaves at its end. `anchorEpochMs` (epoch ms, default: when the server starts) lets a test
   * line its run up with the freezes.
   */
  freeze?: { everyMs: number; forMs: number; anchorEpochMs?: number };
  /** A command the server is started under, e.g. `['taskset', '-c', '1']` to pin it to a core. */
  launcher?: string[];
  /** Bound on the server's start (default 10 s). */
  startTimeoutMs?: number;
}

export interface SlowServerStats {
  served: number;
  /** CPU time of the server process since it started (user + system). */
  cpuMs: number;
  uptimeMs: number;
}

export interface SlowServer {
  url: string;
  host: string;
  port: number;
  pid: number;
  stats(): Promise<SlowServerStats>;
  stop(): Promise<void>;
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string, child: ChildProcess): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`slow server: ${what} took over ${ms} ms`));
      }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
};

/** Starts a slow server in its own process; `stop()` ends it (so does the end of this process). */
export async function startSlowServer(opts: SlowServerOptions = {}): Promise<SlowServer> {
  const host = opts.host ?? '127.0.0.1';
  const config = JSON.stringify({ host, delayMs: opts.delayMs ?? 0, bodyBytes: opts.bodyBytes, freeze: opts.freeze });
  const argv = [process.execPath, '-e', SLOW_SERVER_SCRIPT, config];
  const [command, ...args] = [...(opts.launcher ?? []), ...argv];
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  const exited = once(child, 'exit').then(() => {
    throw new Error(`slow server exited early (${child.exitCode ?? child.signalCode})`);
  });
  exited.catch(() => undefined);

  const timeoutMs = opts.startTimeoutMs ?? 10_000;
  const first = await withTimeout(Promise.race([nextLine(), exited]), timeoutMs, 'starting', child);
  const port = (JSON.parse(first) as { port: number }).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}/`,
    host,
    port,
    pid: child.pid ?? 0,
    async stats() {
      const answer = nextLine();
      child.stdin!.write('stats\n');
      return JSON.parse(await withTimeout(answer, timeoutMs, 'answering stats', child)) as SlowServerStats;
    },
    stop() {
      stopped ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const gone = once(child, 'exit');
        child.stdin!.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
        await gone;
        clearTimeout(timer);
        lines.close();
      })();
      return stopped;
    },
  };
}
