/**
 * `launchready env check --env <name>`: validates one environment — its `.env.<name>` file, or
 * the process environment with `--from-process` — against the env schema (`env:` in the config,
 * or `--schema <file>`), printing every problem of every variable at once and never a secret
 * value. Exit 0 valid, 1 problems, 2 usage or config error.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import { readConfigFile } from '../config/read-source.js';
import { parseEnvSchemaText } from '../config/env-schema.js';
import type { EnvVarSchema } from '../config/types.js';
import { EnvFileError, type EnvProblem, readEnvFile, validateEnv } from '../engines/env/index.js';
import { EXIT, type CommandIo } from './io.js';

export interface EnvCheckFlags {
  env?: string;
  config: string;
  schema?: string;
  file?: string;
  fromProcess?: boolean;
  format: 'text' | 'json';
  output?: string;
  quiet?: boolean;
}

/** What was validated and what came out; serialised as the JSON format (no values in it). */
export interface EnvCheckReport {
  environment?: string;
  source: { kind: 'file'; path: string } | { kind: 'process' };
  ok: boolean;
  checked: number;
  problems: (Omit<EnvProblem, 'fromDefault'> & { fromDefault?: true; line?: number })[];
}

/** A usage or config problem: printed as is, exit 2. */
class EnvUsageError extends Error {}

export function registerEnv(program: Command, io: CommandIo, setCode: (code: number) => void): void {
  const env = program.command('env').description('validate environment variables against the env schema');
  env
    .command('check')
    .description('validate one environment (.env.<name> or the process environment) against the env schema')
    .option('--env <name>', 'environment to check: reads environments.<name>.env_file, else .env.<name>')
    .option('--config <file>', 'config file with the `env:` schema', 'launchready.yml')
    .option('--schema <file>', 'env schema file (instead of the config\'s `env:` section)')
    .option('--file <path>', 'env file to read (instead of .env.<name>)')
    .option('--from-process', 'validate this process\'s environment instead of a file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--quiet', 'print nothing when the environment is valid')
    .option('--verbose', 'accepted for symmetry with the other commands: every problem is always printed')
    .option('--no-color', 'no ANSI colours (the output has none)')
    .action(async (flags: EnvCheckFlags) => setCode(await envCheckCommand(flags, io)));
}

/** Runs `env check`; returns the exit code. */
export async function envCheckCommand(flags: EnvCheckFlags, io: CommandIo): Promise<number> {
  let report: EnvCheckReport;
  try {
    report = await buildReport(flags, io);
  } catch (err) {
    if (err instanceof ConfigError) io.stderr(`${err.format({ cwd: io.cwd })}\n`);
    else if (err instanceof EnvUsageError || err instanceof EnvFileError) io.stderr(`launchready env check: ${err.message}\n`);
    else throw err;
    return EXIT.usage;
  }
  const text = flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderText(report);
  if (!(flags.quiet && report.ok)) {
    if (flags.output) await writeFile(resolve(io.cwd, flags.output), text);
    else io.stdout(text);
  }
  return report.ok ? EXIT.ok : EXIT.findings;
}

async function buildReport(flags: EnvCheckFlags, io: CommandIo): Promise<EnvCheckReport> {
  if (!flags.env && !flags.file && !flags.fromProcess) throw new EnvUsageError('name the environment: --env <name> (or --file <path>, or --from-process)');
  if (flags.file && flags.fromProcess) throw new EnvUsageError('--file and --from-process exclude each other');
  const { vars, envFile, baseDir } = await loadSchema(flags, io);
  const show = (p: string) => relative(io.cwd, p) || p;
  if (flags.fromProcess) {
    const values = Object.fromEntries(Object.entries(io.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return toReport(flags.env, { kind: 'process' }, vars, values);
  }
  const path = flags.file ? resolve(io.cwd, flags.file) : envFile ?? resolve(baseDir, `.env.${flags.env}`);
  let parsed;
  try {
    parsed = await readEnvFile(path);
  } catch (err) {
    const hint = (err as EnvFileError).code === 'ENOENT' ? ' (pass --file <path>, or --from-process to check the process environment)' : '';
    throw new EnvUsageError(`${(err as Error).message.replace(path, show(path))}${hint}`);
  }
  return toReport(flags.env, { kind: 'file', path: show(path) }, vars, parsed.values, parsed.lines);
}

/** The schema from `--schema`, or from the config (with the environment's declared env file). */
async function loadSchema(flags: EnvCheckFlags, io: CommandIo): Promise<{ vars: Record<string, EnvVarSchema>; envFile?: string; baseDir: string }> {
  if (flags.schema) {
    const file = resolve(io.cwd, flags.schema);
    const read = await readConfigFile(file, 'env schema file');
    if ('problem' in read) throw new ConfigError([read.problem]);
    const { vars, problems } = parseEnvSchemaText(read.text, file);
    if (problems.length || !vars) throw new ConfigError(problems);
    return { vars, baseDir: io.cwd };
  }
  const { config } = await loadConfig(resolve(io.cwd, flags.config), { env: io.env });
  if (!config.env) throw new EnvUsageError(`${relative(io.cwd, config.file) || config.file} declares no env schema: add an \`env:\` section, or pass --schema <file>`);
  const declared = flags.env ? config.environments[flags.env] : undefined;
  return { vars: config.env.vars, envFile: declared?.env_file, baseDir: dirname(config.file) };
}

function toReport(
  environment: string | undefined, source: EnvCheckReport['source'], vars: Record<string, EnvVarSchema>,
  values: Record<string, string>, lines: Record<string, number> = {},
): EnvCheckReport {
  const result = validateEnv(vars, values);
  return {
    ...(environment ? { environment } : {}),
    source,
    ok: result.ok,
    checked: Object.keys(vars).length,
    problems: result.problems.map((p) => ({ ...p, ...(lines[p.variable] ? { line: lines[p.variable] } : {}) })),
  };
}

/** One line per problem, aligned; `file:line` where the variable is defined. */
export function renderText(r: EnvCheckReport): string {
  const where = r.source.kind === 'file' ? r.source.path : 'process environment';
  const name = r.environment ? `${r.environment} (${where})` : where;
  if (r.ok) return `✓ ${name}: ${r.checked} variable${r.checked === 1 ? '' : 's'} valid\n`;
  const loc = (p: EnvCheckReport['problems'][number]) => (r.source.kind === 'file' && p.line ? `${r.source.path}:${p.line}` : p.variable);
  const locWidth = Math.max(...r.problems.map((p) => loc(p).length));
  const codeWidth = Math.max(...r.problems.map((p) => p.code.length));
  const lines = r.problems.map((p) => `  ${loc(p).padEnd(locWidth)}  ${p.code.padEnd(codeWidth)}  ${p.message}`);
  const n = r.problems.length;
  return `✗ ${name}: ${n} problem${n === 1 ? '' : 's'} in ${r.checked} variable${r.checked === 1 ? '' : 's'}\n${lines.join('\n')}\n`;
}

