#!/usr/bin/env node
// `launchready secrets …` from a given build output: node bench/secrets/cli.mjs <dist> <args…>.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, ...args] = process.argv.slice(2);
const { main } = await import(pathToFileURL(join(dist, 'cli', 'main.js')).href);
const code = await main(['node', 'launchready', 'secrets', ...args], {
  stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s),
  stderrIsTty: false, color: false, env: {}, cwd: process.cwd(),
});
process.exitCode = code;
