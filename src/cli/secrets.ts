/**
 * `launchready secrets [path]`: secret scan of a folder's files and its git history on all refs,
 * and of CI logs (`--log <file>`, `--log -` for stdin). Reports through the usual formats; every
 * value is redacted. Exit 0: nothing at or above `--fail-on`; 1: findings at or above it;
 * 2: bad flag, config, path, revision or baseline; 3: a scan could not run (no git, a timeout) —
 * a gate must never pass on a scan that did not happen.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { ConfigError } from '../config/errors.js';
import { defaultConfig, loadConfig } from '../config/load.js';
import type { LaunchConfig } from '../config/types.js';
import { createGitRunner, gitTopLevel } from '../context/git.js';
import { SEVERITIES, type Severity } from '../core/types.js';
import {
  BaselineError, formatBaseline, parseBaseline, resolveRevision, UnknownRevisionError,
} from '../engines/secrets/index.js';
import { renderReport, type ReportFormat } from '../reporters/index.js';
import { type LogInput, runSecretsScan } from '../services/secrets.js';
import { gateExitCode } from './audit.js';
import { type CommonFlags, FORMATS, UsageError } from './common-options.js';
import { EXIT, type CommandIo } from './io.js';
import { wantsConfig } from './load-options.js';
import { secretsSummaryLine } from './secrets-summary.js';

export interface SecretsFlags extends CommonFlags {
  history: boolean;
  tree: boolean;
  since?: string;
  log: string[];
  baseline?: string;
  writeBaseline?: string;
  failOn: string;
  maxFileMb?: string;
}

/** What the command reads besides files: stdin for `--log -`. */
export interface SecretsCliDeps {
  stdin?: () => AsyncIterable<Buffer | string>;
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function readConfig(flags: SecretsFlags, explicit: boolean, io: CommandIo, fallbackDir: string) {
  const path = resolve(io.cwd, flags.config ?? 'launchready.yml');
  if (!wantsConfig(path, explicit)) return { config: defaultConfig(fallbackDir), secrets: [] as string[] };
  return loadConfig(path, { env: io.env });
}

function logInputs(paths: readonly string[], io: CommandIo, deps: SecretsCliDeps): LogInput[] {
  return paths.map((p) => p === '-'
    ? { name: 'stdin', open: () => (deps.stdin ?? (() => process.stdin))() }
    : { name: p, open: () => createReadStream(resolve(io.cwd, p)) });
}

/** Checks every input before scanning: usage problems exit 2 with one clear message. */
async function prepare(pathArg: string | undefined, flags: SecretsFlags, io: CommandIo, explicitConfig: boolean) {
  const failOn = flags.failOn as Severity;
  if (!SEVERITIES.includes(failOn) || failOn === 'info') throw new UsageError(`--fail-on expects blocker|high|medium|low, got "${flags.failOn}"`);
  const loaded = await readConfig(flags, explicitConfig, io, pathArg ? resolve(io.cwd, pathArg) : io.cwd);
  const config: LaunchConfig = loaded.config;
  const root = pathArg ? resolve(io.cwd, pathArg) : config.repo;
  const logsOnly = flags.log.length > 0 && !pathArg;
  if (!logsOnly && !(await stat(root).catch(() => undefined))?.isDirectory()) throw new UsageError(`${pathArg ?? root}: no such folder`);
  for (const p of flags.log) {
    if (p !== '-' && !(await stat(resolve(io.cwd, p)).catch(() => undefined))?.isFile()) throw new UsageError(`--log ${p}: no such file`);
  }
  let accepted: string[] = [];
  if (flags.baseline) {
    const text = await readFile(resolve(io.cwd, flags.baseline), 'utf8').catch(() => {
      throw new UsageError(`--baseline ${flags.baseline}: cannot read the file`);
    });
    accepted = parseBaseline(text);
  }
  const git = createGitRunner();
  if (flags.since && !logsOnly && flags.history) {
    if (!(await gitTopLevel(git, root))) throw new UsageError(`--since: ${pathArg ?? root} is not a git repository`);
    await resolveRevision(git, root, flags.since);
  }
  let maxFileBytes: number | undefined;
  if (flags.maxFileMb !== undefined) {
    const mb = Number(flags.maxFileMb);
    if (!(mb > 0)) throw new UsageError(`--max-file-mb expects a positive number, got "${flags.maxFileMb}"`);
    maxFileBytes = Math.round(mb * 1024 * 1024);
  }
  return { failOn, config, secrets: loaded.secrets, root, logsOnly, accepted, git, maxFileBytes };
}

/** The command; returns its exit code. */
export async function secretsCommand(
  pathArg: string | undefined, flags: SecretsFlags, io: CommandIo, deps: SecretsCliDeps = {}, explicitConfig = false,
): Promise<number> {
  let p;
  try {
    p = await prepare(pathArg, flags, io, explicitConfig);
  } catch (err) {
    if (err instanceof ConfigError) io.stderr(`${err.format()}\n`);
    else if (err instanceof UsageError || err instanceof UnknownRevisionError) io.stderr(`${err.message}\n`);
    else if (err instanceof BaselineError) io.stderr(`--baseline ${flags.baseline}: ${err.message}\n`);
    else throw err;
    return EXIT.usage;
  }
  const outcome = await runSecretsScan({
    config: p.config, root: p.root, tree: !p.logsOnly && flags.tree !== false, history: flags.history && !p.logsOnly, since: flags.since,
    logs: logInputs(flags.log, io, deps), accepted: p.accepted, secrets: p.secrets, git: p.git, maxFileBytes: p.maxFileBytes,
  });
  const format = (flags.format ?? 'text') as ReportFormat;
  const report = renderReport(format, outcome.run, { checks: outcome.checks, color: flags.color !== false && io.color, verbose: flags.verbose });
  if (flags.output) await writeFile(resolve(io.cwd, flags.output), report);
  else io.stdout(report.endsWith('\n') ? report : `${report}\n`);
  if (!flags.quiet) io.stderr(secretsSummaryLine(outcome));
  if (flags.writeBaseline) {
    const file = resolve(io.cwd, flags.writeBaseline);
    await writeFile(file, formatBaseline([...p.accepted, ...outcome.fingerprints]));
    if (!flags.quiet) io.stderr(`baseline: ${outcome.fingerprints.length + p.accepted.length} fingerprints written to ${file}\n`);
  }
  const gate = gateExitCode(outcome.run.results, p.failOn);
  if (gate !== EXIT.ok) return flags.writeBaseline ? EXIT.ok : gate;
  return outcome.run.results.some((r) => r.status === 'error') ? EXIT.runFailed : EXIT.ok;
}

/** Registers `secrets` on the program (see `main.ts`). */
export function registerSecrets(program: Command, io: CommandIo, setCode: (c: number) => void, deps: SecretsCliDeps = {}): void {
  const cmd = program
    .command('secrets [path]')
    .description('secret scan of a folder and its git history (all refs), or of CI logs; values always redacted');
  // The shared flags of every command (interface.md); the network overrides do not apply here.
  cmd
    .option('--config <file>', 'config file (allow paths, accepted fingerprints)', 'launchready.yml')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--quiet', 'print nothing but the report')
    .option('--verbose', 'also list passes and skipped files')
    .option('--no-color', 'no ANSI colours (also NO_COLOR)')
    .option('--no-history', 'scan the files only, not the git history')
    .option('--no-tree', 'scan the git history only, not the files')
    .option('--since <rev>', 'history: only commits not reachable from <rev> (e.g. origin/main in a pull request)')
    .option('--log <file>', 'scan a CI log (repeatable; "-" reads stdin); without [path], only the logs are scanned', collect, [])
    .option('--baseline <file>', 'accept the findings whose fingerprints this file lists (or an earlier JSON result)')
    .option('--write-baseline <file>', 'write the fingerprints of every finding (hashes only) to <file>, then exit 0')
    .option('--max-file-mb <n>', 'files larger than this are skipped and listed (default 10)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 at or above this severity: blocker|high|medium|low').default('blocker'))
    .action(async (path: string | undefined, flags: SecretsFlags, command: Command) => {
      const explicit = command.getOptionValueSource('config') === 'cli';
      setCode(await secretsCommand(path, flags, io, deps, explicit));
    });
}
