/**
 * Runs `launchready secrets …` in-process the way `main.ts` does, capturing its output: the
 * command's tests and the benchmark use it without spawning a process.
 */
import { Command, CommanderError } from 'commander';
import { EXIT } from './io.js';
import { registerSecrets, type SecretsCliDeps } from './secrets.js';
import { memoryIo } from './test-io.js';

export interface CapturedRun {
  code: number;
  out: string;
  err: string;
}

/** `launchready secrets <args>` in `cwd`, with optional stdin; returns exit code and output. */
export async function runSecretsInProcess(args: readonly string[], cwd: string, deps?: SecretsCliDeps): Promise<CapturedRun> {
  const m = memoryIo(cwd);
  let code: number = EXIT.ok;
  const program = new Command('launchready').exitOverride().configureOutput({ writeOut: m.io.stdout, writeErr: m.io.stderr });
  registerSecrets(program, m.io, (c) => { code = c; }, deps);
  try {
    await program.parseAsync(['node', 'launchready', 'secrets', ...args]);
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    code = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return { code, out: m.stdout(), err: m.stderr() };
}
