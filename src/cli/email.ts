/**
 * `launchready email <domain>`: SPF, DKIM, DMARC, MX and MTA-STS checks for one domain, printed
 * like the audit (same JSON document); `--send-test <address>` also sends an operational test
 * message through the configured relay and reports its answer. Works without a config file
 * (`--resolver` etc. still apply). `email spf-eval` hangs under this command.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { ALL_CHECKS } from '../checks/index.js';
import { ConfigError } from '../config/errors.js';
import { loadConfig, loadConfigText, type LoadedConfig } from '../config/load.js';
import type { Check, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { renderReport, type ReportFormat } from '../reporters/index.js';
import { isMailDomain, normalizeDomain, runEmailAudit, selectEmailChecks, type EmailOverrides } from '../services/email.js';
import { gateExitCode } from './audit.js';
import { addCommonOptions, applyNetworkFlags, type CommonFlags, FORMATS, UsageError } from './common-options.js';
import { registerSpfEval } from './email-spf-eval.js';
import { EXIT, type CommandIo } from './io.js';
import { progressReporter } from './progress.js';

export interface EmailFlags extends CommonFlags {
  sendTest?: string;
  selectors?: string;
  receivesMail?: boolean;
  sendOnly?: boolean;
  smtp?: string;
  from?: string;
  failOn: string;
}

const ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The config file when there is one; else defaults (an explicit missing `--config` is an error). */
async function loadFor(domain: string, flags: EmailFlags, explicitConfig: boolean, io: CommandIo): Promise<LoadedConfig> {
  const path = resolve(io.cwd, flags.config ?? 'launchready.yml');
  if (existsSync(path)) return loadConfig(path, { env: io.env });
  if (explicitConfig) throw new UsageError(`config file not found: ${path}`);
  return loadConfigText(stringify({ project: domain }), path, { env: io.env });
}

function overridesFrom(flags: EmailFlags): EmailOverrides {
  if (flags.receivesMail && flags.sendOnly) throw new UsageError('--receives-mail and --send-only contradict each other');
  if (flags.sendTest !== undefined && !ADDRESS.test(flags.sendTest)) throw new UsageError(`--send-test expects an e-mail address, got "${flags.sendTest}"`);
  if (flags.from !== undefined && !ADDRESS.test(flags.from)) throw new UsageError(`--from expects an e-mail address, got "${flags.from}"`);
  if (flags.smtp !== undefined && !/^smtps?:\/\/[^/\s]+/i.test(flags.smtp)) throw new UsageError(`--smtp expects smtp://[user:pass@]host[:port] or smtps://…, got "${flags.smtp.replace(/\/\/[^@/]*@/, '//…@')}"`);
  const selectors = flags.selectors?.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    ...(selectors?.length ? { selectors } : {}),
    ...(flags.receivesMail ? { receivesMail: true } : flags.sendOnly ? { receivesMail: false } : {}),
    ...(flags.sendTest ? { sendTest: flags.sendTest } : {}),
    ...(flags.smtp ? { smtpUrl: flags.smtp } : {}),
    ...(flags.from ? { from: flags.from } : {}),
  };
}

/** Runs the command for one domain; returns the exit code. */
export async function emailCommand(
  domainArg: string | undefined,
  flags: EmailFlags,
  io: CommandIo,
  opts: { checks?: readonly Check[]; explicitConfig?: boolean } = {},
): Promise<number> {
  const usage = (msg: string) => {
    io.stderr(`email: ${msg}\n`);
    return EXIT.usage;
  };
  if (!domainArg) return usage('give a domain: launchready email example.com (or `launchready email spf-eval --help`)');
  if (!isMailDomain(domainArg)) return usage(`"${domainArg}" is not a domain name`);
  const domain = normalizeDomain(domainArg);
  const failOn = flags.failOn as Severity;
  if (!SEVERITIES.includes(failOn) || failOn === 'info') return usage(`--fail-on expects blocker|high|medium|low, got "${flags.failOn}"`);

  let loaded: LoadedConfig;
  let overrides: EmailOverrides;
  let config;
  try {
    overrides = overridesFrom(flags);
    loaded = await loadFor(domain, flags, opts.explicitConfig ?? false, io);
    config = applyNetworkFlags(loaded.config, flags, io.cwd);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`${err.format()}\n`);
      return EXIT.usage;
    }
    if (err instanceof UsageError) return usage(err.message);
    throw err;
  }
  if (overrides.sendTest && !overrides.smtpUrl && !config.email?.smtp) {
    return usage('--send-test needs an SMTP relay: set email.smtp.url in launchready.yml or pass --smtp smtp://user:password@host:587');
  }

  const all = opts.checks ?? ALL_CHECKS;
  const planned = selectEmailChecks(all, { sendTest: overrides.sendTest !== undefined });
  if (planned.length === 0) return usage('no email checks are registered');
  const progress = io.stderrIsTty && !flags.quiet ? progressReporter(io, planned.length) : undefined;
  const run = await runEmailAudit({
    config, domain, checks: all, overrides, secrets: loaded.secrets, verbose: flags.verbose, onCheckDone: progress?.onCheckDone,
  });
  progress?.done();

  const format = (flags.format ?? 'text') as ReportFormat;
  const report = renderReport(format, run, { checks: all, color: flags.color !== false && io.color, verbose: flags.verbose });
  if (flags.output) await writeFile(resolve(io.cwd, flags.output), report);
  else io.stdout(report.endsWith('\n') ? report : `${report}\n`);
  return gateExitCode(run.results, failOn);
}

/**
 * Registers `email <domain>` (and `email spf-eval` under it) and returns the `email` command.
 * `opts.checks` replaces the registry (tests hand it the email checks directly).
 */
export function registerEmail(
  program: Command,
  io: CommandIo,
  setCode: (c: number) => void,
  opts: { checks?: readonly Check[] } = {},
): Command {
  const cmd = program
    .command('email')
    .description('SPF/DKIM/DMARC/MX/MTA-STS audit of one domain; --send-test sends a test message through the SMTP relay')
    .argument('[domain]', 'the mail domain (narrows email.domains of the config, or works without one)');
  addCommonOptions(cmd, { formats: FORMATS })
    .option('--send-test <address>', 'send an operational test message to this address through the configured relay')
    .option('--selectors <list>', 'DKIM selectors to check strictly (comma-separated)')
    .option('--receives-mail', 'the domain receives mail (MX and MTA-STS are required)')
    .option('--send-only', 'the domain only sends mail (a null MX is expected)')
    .option('--smtp <url>', 'SMTP relay for --send-test (smtp://user:password@host:587), instead of email.smtp.url')
    .option('--from <address>', 'sender of the test message, instead of email.smtp.from')
    .option('--fail-on <severity>', 'exit 1 at or above this severity: blocker|high|medium|low', 'blocker')
    .action(async (domain: string | undefined, flags: EmailFlags) => {
      const explicitConfig = cmd.getOptionValueSource('config') === 'cli';
      setCode(await emailCommand(domain, flags, io, { checks: opts.checks, explicitConfig }));
    });
  registerSpfEval(cmd, io, setCode);
  return cmd;
}
