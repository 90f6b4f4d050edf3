/** Where a command writes, injectable so tests read its output without a child process. */
export interface CommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Whether stderr is a terminal (progress lines only then). */
  stderrIsTty: boolean;
  /** Whether stdout is a terminal and colour is allowed. */
  color: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export const EXIT = { ok: 0, findings: 1, usage: 2, runFailed: 3 } as const;

export function defaultIo(): CommandIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTty: Boolean(process.stderr.isTTY),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
    cwd: process.cwd(),
  };
}
