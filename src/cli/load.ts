/**
 * `launchready load <url>`: a load test of one endpoint, closed loop (`--connections`) or open
 * loop (`--rate`), judged by `--threshold`s. Exit 0 when every threshold holds, 1 when one is
 * broken, 2 on a bad flag or config, 3 when no request got any answer at all.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { ConfigError } from '../config/errors.js';
import { defaultConfig, loadConfig } from '../config/load.js';
import type { LaunchConfig } from '../config/types.js';
import { evaluateThresholds, LoadOptionsError, runLoad, type LoadProgress } from '../engines/load/index.js';
import { addCommonOptions, applyNetworkFlags, UsageError } from './common-options.js';
import { EXIT, type CommandIo } from './io.js';
import { createLookup, planLoad, wantsConfig, type LoadFlags } from './load-options.js';
import { loadJson, loadText } from './load-report.js';

const collect = (value: string, previous: string[]) => [...previous, value];

async function readConfig(flags: LoadFlags, explicitConfig: boolean, io: CommandIo): Promise<LaunchConfig> {
  const path = resolve(io.cwd, flags.config ?? 'launchready.yml');
  // A load test needs no config; one that exists (or is named) brings its network overrides.
  const base = wantsConfig(path, explicitConfig) ? (await loadConfig(path, { env: io.env })).config : defaultConfig(io.cwd);
  return applyNetworkFlags(base, flags, io.cwd);
}

function progressLine(io: CommandIo) {
  return (p: LoadProgress) => {
    const when = p.phase === 'warmup' ? `warm-up ${(-p.elapsedS).toFixed(1)} s left`
      : p.phase === 'drain' ? 'finishing' : `${Math.min(p.elapsedS, p.durationS).toFixed(1)}/${p.durationS} s`;
    io.stderr(`\r\x1b[2K${when}  ${p.requests.toLocaleString('en-US')} requests  ${p.rps.toFixed(0)}/s  ${p.errors} errors${p.dropped ? `  ${p.dropped} dropped` : ''}  ${p.inFlight} in flight`);
  };
}

/** Runs `launchready load` with parsed flags; returns the exit code. */
export async function loadCommand(url: string, flags: LoadFlags, io: CommandIo, explicitConfig = false): Promise<number> {
  let config: LaunchConfig;
  let plan;
  let ca: string | undefined;
  try {
    config = await readConfig(flags, explicitConfig, io);
    plan = await planLoad(url, flags, io.cwd);
    if (config.network.ca) ca = await readFile(config.network.ca, 'utf8');
  } catch (err) {
    if (err instanceof ConfigError) io.stderr(`${err.format()}\n`);
    else if (err instanceof UsageError) io.stderr(`${err.message}\n`);
    else throw err;
    return EXIT.usage;
  }

  const showProgress = io.stderrIsTty && !flags.quiet;
  const stop = new AbortController();
  // Ctrl-C ends the run early and still prints what was measured.
  const onInterrupt = () => stop.abort();
  process.once('SIGINT', onInterrupt);
  let report;
  try {
    report = await runLoad({
      endpoints: [plan.endpoint],
      connections: plan.connections,
      rate: plan.rate,
      durationMs: plan.durationMs,
      warmupMs: plan.warmupMs,
      maxRequests: plan.maxRequests,
      timeoutMs: config.network.timeoutMs,
      errorStatusFrom: flags.statusErrors === false ? false : 400,
      lookup: createLookup(config.network),
      ports: config.network.ports,
      ca,
      onProgress: showProgress ? progressLine(io) : undefined,
      signal: stop.signal,
    });
  } catch (err) {
    if (!(err instanceof LoadOptionsError)) throw err;
    io.stderr(`${err.message}\n`);
    return EXIT.usage;
  } finally {
    process.off('SIGINT', onInterrupt);
    if (showProgress) io.stderr('\r\x1b[2K');
  }

  const method = plan.endpoint.method ?? 'GET';
  const verdicts = evaluateThresholds(plan.thresholds, report);
  const out = flags.format === 'json'
    ? loadJson(url, method, report, verdicts)
    : loadText(url, method, report, verdicts, flags.color !== false && io.color);
  if (flags.output) await writeFile(resolve(io.cwd, flags.output), out);
  else io.stdout(out);
  if (verdicts.some((t) => !t.ok)) return EXIT.findings;
  if (report.warnings.some((w) => w.code === 'NO_RESPONSES')) return EXIT.runFailed;
  return EXIT.ok;
}

/** Adds `load <url>` to the program; `setCode` receives the exit code. */
export function registerLoad(program: Command, io: CommandIo, setCode: (c: number) => void): void {
  const cmd = program
    .command('load')
    .description('load test one endpoint (closed or open loop) and judge it against thresholds')
    .argument('<url>', 'the endpoint, e.g. https://api.example.com/api/tasks');
  addCommonOptions(cmd)
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--connections <n>', 'closed loop: connections sending back to back (default 10); with --rate: the most requests in flight')
    .option('--rate <n>', 'open loop: requests per second on a fixed schedule; latency counts from each intended send time')
    .option('--duration <duration>', 'measured time, warm-up excluded (default 10s)')
    .option('--warmup <duration>', 'load sent first and left out of the numbers', '0s')
    .option('--requests <n>', 'stop after this many measured requests')
    .option('--method <method>', 'HTTP method (default GET, or POST with --body)')
    .option('--header <"Name: value">', 'request header (repeatable)', collect, [])
    .option('--body <text|@file>', 'request body, or @file to send a file')
    .option('--threshold <expr>', 'pass/fail bound, e.g. p95<300, p99<1s, max<2000, error_rate<1%, rps>=100 (repeatable)', collect, [])
    .option('--no-status-errors', 'do not count 4xx/5xx answers as errors')
    .action(async (url: string, flags: LoadFlags, command: Command) => {
      setCode(await loadCommand(url, flags, io, command.getOptionValueSource('config') === 'cli'));
    });
}
