/** `launchready audit`: run the catalogue, print the risk list, write the deliverables. */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ALL_CHECKS } from '../checks/index.js';
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import type { Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { renderReport, type ReportFormat } from '../reporters/index.js';
import { nodeWriter, writeDeliverables } from '../deliverables/index.js';
import { runAudit, selectChecks } from '../services/audit.js';
import { addCommonOptions, applyNetworkFlags, type CommonFlags, FORMATS, UsageError } from './common-options.js';
import { EXIT, type CommandIo } from './io.js';
import { progressReporter } from './progress.js';

export interface AuditFlags extends CommonFlags {
  only?: string;
  skip?: string;
  stage?: string;
  failOn: string;
  baseline?: string;
  outDir?: string;
  /** `--no-intrusive` sets it false: leave out checks that send bursts or create data. */
  intrusive?: boolean;
}

const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** Exit code for a run: 1 when any failure is at or above the gate severity. */
export function gateExitCode(results: { status: string; severity?: Severity }[], failOn: Severity): number {
  const limit = SEVERITIES.indexOf(failOn);
  return results.some((r) => r.status === 'fail' && r.severity && SEVERITIES.indexOf(r.severity) <= limit)
    ? EXIT.findings
    : EXIT.ok;
}

/** Reads a `--baseline` file: a JSON audit result or a list of fingerprints. */
async function readBaseline(file: string): Promise<string[]> {
  const data = JSON.parse(await readFile(file, 'utf8')) as unknown;
  if (Array.isArray(data)) return data.map(String);
  const doc = data as { results?: { fingerprint?: string; status?: string }[]; fingerprints?: string[] };
  if (doc.fingerprints) return doc.fingerprints.map(String);
  return (doc.results ?? []).filter((r) => r.status === 'fail' && r.fingerprint).map((r) => String(r.fingerprint));
}

/** Shared by `audit` and `demo`: loads the config, runs, renders, writes; returns the exit code. */
export async function auditCommand(flags: AuditFlags, io: CommandIo, extra: { alwaysZero?: boolean } = {}): Promise<number> {
  const failOn = flags.failOn as Severity;
  if (!SEVERITIES.includes(failOn) || failOn === 'info') {
    io.stderr(`--fail-on expects blocker|high|medium|low, got "${flags.failOn}"\n`);
    return EXIT.usage;
  }
  let loaded;
  try {
    loaded = await loadConfig(resolve(io.cwd, flags.config ?? 'launchready.yml'), { env: io.env });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`${err.format()}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  let config;
  let accepted: string[] = [];
  try {
    config = applyNetworkFlags(loaded.config, flags, io.cwd);
    if (flags.baseline) accepted = await readBaseline(resolve(io.cwd, flags.baseline));
  } catch (err) {
    io.stderr(`${err instanceof UsageError ? '' : 'cannot read --baseline: '}${(err as Error).message}\n`);
    return EXIT.usage;
  }
  const stages = list(flags.stage)?.map(Number);
  if (stages?.some((s) => !Number.isInteger(s))) {
    io.stderr(`--stage expects numbers like 1,2, got "${flags.stage}"\n`);
    return EXIT.usage;
  }
  const known = new Set(ALL_CHECKS.map((c) => c.meta.id.split('.')[0]).concat(ALL_CHECKS.map((c) => c.meta.id)));
  for (const id of [...(list(flags.only) ?? []), ...(list(flags.skip) ?? [])]) {
    if (!known.has(id.replace(/\.\*$/, ''))) {
      io.stderr(`unknown check "${id}" (see \`launchready checks list\`)\n`);
      return EXIT.usage;
    }
  }
  const checks = selectChecks(ALL_CHECKS, { only: list(flags.only), skip: list(flags.skip), stages, includeIntrusive: flags.intrusive !== false });
  const progress = io.stderrIsTty && !flags.quiet ? progressReporter(io, checks.length) : undefined;
  const run = await runAudit({
    config, checks, secrets: loaded.secrets, accepted, verbose: flags.verbose, onCheckDone: progress?.onCheckDone,
  });
  progress?.done();

  const format = (flags.format ?? 'text') as ReportFormat;
  const report = renderReport(format, run, { checks: ALL_CHECKS, color: flags.color !== false && io.color, verbose: flags.verbose });
  if (flags.output) await writeFile(resolve(io.cwd, flags.output), report);
  else io.stdout(report.endsWith('\n') ? report : `${report}\n`);
  if (flags.outDir) {
    const dir = resolve(io.cwd, flags.outDir);
    await writeDeliverables(run, dir, nodeWriter(), { checks: ALL_CHECKS });
    if (!flags.quiet) io.stderr(`deliverables written to ${dir}\n`);
  }
  return extra.alwaysZero ? EXIT.ok : gateExitCode(run.results, failOn);
}

export function registerAudit(program: Command, io: CommandIo, setCode: (c: number) => void): void {
  const cmd = program.command('audit').description('run every applicable check, print the risk list, write the deliverables');
  addCommonOptions(cmd, { formats: FORMATS })
    .option('--only <ids>', 'only these checks or areas (comma-separated: tls,redirect.https)')
    .option('--skip <ids>', 'leave these checks or areas out')
    .option('--stage <n,…>', 'only these stages (1,2)')
    .option('--fail-on <severity>', 'exit 1 at or above this severity: blocker|high|medium|low', 'blocker')
    .option('--baseline <file>', 'accept the failures of an earlier JSON result (or a list of fingerprints)')
    .option('--out-dir <dir>', 'write risk-list.md, deployment-map.md, report.html and report.json here')
    .option('--no-intrusive', 'leave out checks that send bursts, create data or send mail (safe against production)')
    .action(async (flags: AuditFlags) => setCode(await auditCommand(flags, io)));
}
