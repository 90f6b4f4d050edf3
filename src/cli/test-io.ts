/** An in-memory CommandIo for tests: captures stdout and stderr. */
import type { CommandIo } from './io.js';

export function memoryIo(cwd: string, env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    stderrIsTty: false,
    color: false,
    env,
    cwd,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
