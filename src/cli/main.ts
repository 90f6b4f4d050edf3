/**
 * The `launchready` command. Each sub-command lives in its own file and returns its exit code:
 * 0 nothing at or above the gate, 1 findings at or above it, 2 usage or config error, 3 the run failed.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { registerAudit } from './audit.js';
import { registerBaseline } from './baseline.js';
import { registerChecksList } from './checks-list.js';
import { registerDemo } from './demo.js';
import { registerEmail } from './email.js';
import { registerEnv } from './env.js';
import { EXIT, type CommandIo, defaultIo } from './io.js';
import { registerLoad } from './load.js';
import { registerSecrets } from './secrets.js';

export async function main(argv: string[], io: CommandIo = defaultIo()): Promise<number> {
  let code: number = EXIT.ok;
  const setCode = (c: number) => { code = c; };
  const program = new Command('launchready')
    .description('Makes a web product launch ready: audit, baseline, monitor, deploy gates, handover.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError('(run `launchready --help` for usage)');

  registerAudit(program, io, setCode);
  registerChecksList(program, io, setCode);
  registerDemo(program, io, setCode);
  registerEnv(program, io, setCode);
  registerEmail(program, io, setCode);
  registerSecrets(program, io, setCode);
  registerLoad(program, io, setCode);
  registerBaseline(program, io, setCode);

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr(`launchready: ${(err as Error).message ?? String(err)}\n`);
    return EXIT.runFailed;
  }
  return code;
}
