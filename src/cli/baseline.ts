/**
 * `launchready baseline`: logs in once through `api.login`, loads every declared endpoint under a
 * modest bounded load (`baseline:` in the config; defaults ~10 requests/s and 30 requests per
 * endpoint), prints p50/p95/p99 and error rate against the budgets, saves the run under
 * `.launchready/baselines/`, and with `--compare <run|latest|previous>` prints before/after.
 * `--out-dir` writes `baseline-report.md` (top 5 slow paths, one fix each).
 *
 * Exit 0 within budget, 1 when an endpoint breaks its p95 or error budget, 2 on a bad flag or
 * config, 3 when nothing could be measured (login failed, nothing answered).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { ConfigError } from '../config/errors.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { LaunchConfig } from '../config/types.js';
import { addressLookup } from '../context/address-lookup.js';
import { createEffects } from '../context/create-effects.js';
import { redactDeep, redactText } from '../core/redact.js';
import { ALL_CHECKS } from '../checks/index.js';
import { renderBaselineReport } from '../deliverables/baseline-report.js';
import {
  baselinesDir, BaselineStoreError, compareRuns, hintsFromResults, measureBaseline, readRun, resolveRunRef, saveRun,
  type BaselineRun, type SlowPathHints,
} from '../engines/baseline/index.js';
import { runAudit } from '../services/audit.js';
import type { LoadProgress } from '../engines/load/index.js';
import { createApiSession } from '../probes/api-session.js';
import { baselineJson, baselineText, verdictsOf, type Comparison } from './baseline-format.js';
import { addCommonOptions, applyNetworkFlags, type CommonFlags, UsageError } from './common-options.js';
import { EXIT, type CommandIo } from './io.js';

export interface BaselineFlags extends CommonFlags {
  compare?: string;
  outDir?: string;
  /** `--no-writes` sets it false: leave out the write endpoints (nothing is created). */
  writes?: boolean;
  /** `--no-save` sets it false. */
  save?: boolean;
}

/** Codes of a failed measurement that are the config's fault (exit 2), not the target's (exit 3). */
const CONFIG_FAULTS = new Set(['NO_API', 'NO_ENDPOINTS', 'BAD_ENDPOINT', 'LOGIN_NOT_CONFIGURED']);

function progressLine(io: CommandIo) {
  return (p: LoadProgress) => {
    const when = p.phase === 'warmup' ? 'warming up' : p.phase === 'drain' ? 'finishing' : `${Math.min(p.elapsedS, p.durationS).toFixed(1)} s`;
    io.stderr(`\r\x1b[2K${when}  ${p.requests} requests  ${p.errors} errors  ${p.inFlight} in flight`);
  };
}

async function readConfig(flags: BaselineFlags, io: CommandIo): Promise<{ loaded: LoadedConfig; config: LaunchConfig }> {
  const loaded = await loadConfig(resolve(io.cwd, flags.config ?? 'launchready.yml'), { env: io.env });
  const config = applyNetworkFlags(loaded.config, flags, io.cwd);
  if (!config.api) throw new UsageError('the config has no `api` section: declare `api.base` and `api.endpoints` to baseline');
  if (config.api.endpoints.length === 0) throw new UsageError('no `api.endpoints` declared: list the endpoints to baseline (name, method, path, kind)');
  return { loaded, config };
}

/** The checks whose findings name a fix the latency numbers cannot: the index, the blocking script. */
const HINT_CHECKS = new Set(['perf.slow-queries', 'web.third-party']);

/** Evidence for the report's fixes: the slow-query and third-party checks, where configured. */
async function fixHints(config: LaunchConfig, secrets: string[]): Promise<SlowPathHints> {
  const checks = ALL_CHECKS.filter((c) => HINT_CHECKS.has(c.meta.id));
  const evidence = await runAudit({ config, checks, secrets, facts: false });
  return hintsFromResults(evidence.results);
}

/** Runs `launchready baseline`; returns the exit code. */
export async function baselineCommand(flags: BaselineFlags, io: CommandIo): Promise<number> {
  let loaded: LoadedConfig;
  let config: LaunchConfig;
  let before: { path: string; run: BaselineRun } | undefined;
  try {
    ({ loaded, config } = await readConfig(flags, io));
    // Resolved before measuring: `latest` is the newest run saved before this one.
    if (flags.compare !== undefined) {
      const path = await resolveRunRef(baselinesDir(config.dir), flags.compare, io.cwd);
      before = { path, run: await readRun(path) };
    }
  } catch (err) {
    if (err instanceof ConfigError) io.stderr(`${err.format()}\n`);
    else if (err instanceof UsageError || err instanceof BaselineStoreError) io.stderr(`baseline: ${err.message}\n`);
    else throw err;
    return EXIT.usage;
  }
  const secrets = loaded.secrets;
  const say = (s: string) => io.stderr(redactText(s, secrets));

  const showProgress = io.stderrIsTty && !flags.quiet;
  const stop = new AbortController();
  // Ctrl-C ends the load early; what was measured is still reported.
  const onInterrupt = () => stop.abort();
  process.once('SIGINT', onInterrupt);
  const effects = await createEffects(config.network, { verbose: flags.verbose });
  let measured;
  try {
    measured = await measureBaseline({
      config,
      login: createApiSession(effects.http, config.api, { timeoutMs: config.network.timeoutMs, signal: stop.signal }),
      lookup: addressLookup(effects.dns),
      http: effects.http,
      writes: flags.writes !== false,
      signal: stop.signal,
      onProgress: showProgress ? progressLine(io) : undefined,
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    if (showProgress) io.stderr('\r\x1b[2K');
    await effects.close();
  }
  if (!measured.ok) {
    say(`baseline: ${measured.error.message} (${measured.error.code})\n`);
    return CONFIG_FAULTS.has(measured.error.code) ? EXIT.usage : EXIT.runFailed;
  }
  const run = redactDeep(measured.value, secrets);

  const relativeTo = (p: string) => relative(io.cwd, p) || p;
  const savedTo = flags.save === false ? undefined : await saveRun(baselinesDir(config.dir), run);
  const comparison: Comparison | undefined = before ? { against: before.path, before: before.run, rows: compareRuns(before.run, run) } : undefined;
  const out = flags.format === 'json'
    ? baselineJson(run, { savedTo, comparison })
    : baselineText(run, { color: flags.color !== false && io.color, savedTo, comparison, relative: relativeTo });
  if (flags.output) await writeFile(resolve(io.cwd, flags.output), out);
  else io.stdout(out);
  if (flags.outDir) {
    const dir = resolve(io.cwd, flags.outDir);
    await mkdir(dir, { recursive: true });
    const hints = await fixHints(config, secrets);
    const report = renderBaselineReport(run, { hints, ...(comparison ? { comparison: { rows: comparison.rows, before: comparison.before } } : {}) });
    await writeFile(join(dir, 'baseline-report.md'), redactText(report, secrets));
    if (!flags.quiet) io.stderr(`baseline report written to ${relativeTo(join(dir, 'baseline-report.md'))}\n`);
  }

  if (run.endpoints.every((e) => e.latencyMs.count === 0)) {
    say('baseline: no endpoint answered; nothing could be measured\n');
    return EXIT.runFailed;
  }
  const verdicts = verdictsOf(run);
  return verdicts.some((v) => v.latency === 'fail' || v.errorRate === 'fail') ? EXIT.findings : EXIT.ok;
}

/** Adds `baseline` to the program; `setCode` receives the exit code. */
export function registerBaseline(program: Command, io: CommandIo, setCode: (c: number) => void): void {
  const cmd = program
    .command('baseline')
    .description('performance baseline of the declared endpoints against the p95 and error budgets; --compare prints before/after');
  addCommonOptions(cmd)
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--compare <run>', 'compare with a saved run: a file, `latest` (the newest saved run) or `previous` (the one before it)')
    .option('--out-dir <dir>', 'write baseline-report.md (top 5 slow paths, one fix each) into this folder')
    .option('--no-writes', 'leave out the write endpoints (nothing is created; safe against production)')
    .option('--no-save', 'do not save the run under .launchready/baselines/')
    .action(async (flags: BaselineFlags) => {
      setCode(await baselineCommand(flags, io));
    });
}
