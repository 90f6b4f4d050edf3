#!/usr/bin/env node
// `launchready load …` from the build, mounted the way src/cli/main.ts mounts every command:
// the benchmark uses it while the build's main does not list `load` yet.
import { Command, CommanderError } from 'commander';

const { registerLoad } = await import('../../dist/cli/load.js');
const { defaultIo, EXIT } = await import('../../dist/cli/io.js');

const io = defaultIo();
let code = EXIT.ok;
const program = new Command('launchready').exitOverride();
registerLoad(program, io, (c) => { code = c; });
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  code = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
}
process.exitCode = code;
