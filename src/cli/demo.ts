/**
 * `launchready demo`: the zero-setup first run. Starts the lab (its own DNS server, certificate
 * authority, HTTPS servers, SMTP sink) on loopback, audits the sample app, prints the risk list
 * and where the HTML report is, then stops everything.
 */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { startLab } from '../lab/index.js';
import { labPostgresAvailable } from '../lab/postgres.js';
import { auditCommand } from './audit.js';
import { FORMATS } from './common-options.js';
import type { CommandIo } from './io.js';

interface DemoFlags {
  fixed?: boolean;
  format: string;
  outDir?: string;
  failOn: string;
  verbose?: boolean;
  quiet?: boolean;
  color?: boolean;
}

export async function demoCommand(flags: DemoFlags, io: CommandIo): Promise<number> {
  const variant = flags.fixed ? 'fixed' : 'default';
  // The sample app's database (for perf.slow-queries) needs PostgreSQL's server binaries.
  const lab = await startLab({ variant, postgres: labPostgresAvailable() });
  try {
    if (!flags.quiet) io.stderr(`lab: sample app "Acme Ops" (${variant}) on loopback; DNS at ${lab.resolver}\n`);
    const outDir = resolve(io.cwd, flags.outDir ?? join('.launchready', 'demo'));
    const code = await auditCommand(
      { config: lab.configPath, format: flags.format, failOn: flags.failOn, outDir, quiet: true, verbose: flags.verbose, color: flags.color },
      io,
      { alwaysZero: true },
    );
    if (!flags.quiet) io.stderr(`HTML report: ${join(outDir, 'report.html')}\n`);
    return code;
  } finally {
    await lab.stop();
  }
}

export function registerDemo(program: Command, io: CommandIo, setCode: (c: number) => void): void {
  program
    .command('demo')
    .description('start the bundled sample app with planted launch risks on loopback and audit it')
    .option('--fixed', 'audit the launch-ready variant of the sample app (a clean audit)')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--out-dir <dir>', 'where the deliverables go', '.launchready/demo')
    .option('--fail-on <severity>', 'gate severity used for the summary', 'blocker')
    .option('--verbose', 'log every probe')
    .option('--quiet', 'print nothing but the report')
    .option('--no-color', 'no ANSI colours')
    .action(async (flags: DemoFlags) => setCode(await demoCommand(flags, io)));
}
