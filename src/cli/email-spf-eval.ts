/**
 * `launchready email spf-eval --ip <addr> --mail-from <address> --helo <name>`: RFC 7208
 * check_host() for one SMTP session. Exit 0 whatever the SPF result; 2 on bad arguments.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../config/errors.js';
import { loadConfig, loadConfigText } from '../config/load.js';
import type { NetworkConfig } from '../config/types.js';
import { createDnsClient } from '../context/dns.js';
import { evaluateSpf, isCheckableDomain, parseClientIp, senderIdentity, type SpfResult, type SpfTraceNode } from '../engines/spf/index.js';
import { addCommonOptions, applyNetworkFlags, type CommonFlags, UsageError } from './common-options.js';
import { EXIT, type CommandIo } from './io.js';

export interface SpfEvalFlags extends CommonFlags {
  ip?: string;
  mailFrom?: string;
  helo?: string;
}

/** What `--format json` prints (interface.md): exactly these four keys. */
export interface SpfEvalJson {
  result: SpfResult['result'];
  explanation: string;
  lookups: number;
  voidLookups: number;
}

/**
 * A one-line reason for any result: the `exp=` text (or a default) for fail, the error for
 * permerror/temperror, the matching term otherwise.
 */
export function explainResult(r: SpfResult, ip: string): string {
  const domain = r.trace.domain;
  switch (r.result) {
    case 'fail':
      return r.explanation ?? `${domain} does not designate ${ip} as a permitted sender`;
    case 'permerror':
    case 'temperror':
      return r.problem ? `${r.problem.message}${r.problem.term ? ` (at "${r.problem.term}" in ${r.problem.domain})` : ''}` : r.result;
    case 'none':
      return isCheckableDomain(domain)
        ? `${domain} publishes no SPF record`
        : `"${domain}" is not a valid multi-label domain name: nothing to check (RFC 7208 §4.3)`;
    default:
      return r.mechanism
        ? `matched "${r.mechanism.term}" in ${r.mechanism.domain}`
        : `no mechanism matched in ${domain}: the default result is neutral`;
  }
}

function traceLines(node: SpfTraceNode, depth: number): string[] {
  const head = node.term ? `${node.term} → ${node.domain}` : node.domain;
  const line = `${'  '.repeat(depth + 1)}${head}: ${node.lookups} look-up(s), ${node.voidLookups} void${node.result ? `, ${node.result}` : ''}`;
  return [line, ...node.children.flatMap((c) => traceLines(c, depth + 1))];
}

function renderText(r: SpfResult, json: SpfEvalJson, who: string): string {
  return [
    `SPF ${r.result} for ${who}`,
    `  ${json.explanation}`,
    `  DNS-querying terms: ${r.lookups} (limit 10); void look-ups: ${r.voidLookups} (limit 2)`,
    ...(r.trace.record ? [`  record: ${r.trace.record}`] : []),
    '  trace:',
    ...traceLines(r.trace, 1),
    '',
  ].join('\n');
}

/** The network section: the config's when a config file is there, then the flags on top. */
async function networkFor(flags: SpfEvalFlags, explicitConfig: boolean, io: CommandIo): Promise<NetworkConfig> {
  const path = resolve(io.cwd, flags.config ?? 'launchready.yml');
  const present = existsSync(path);
  if (!present && explicitConfig) throw new UsageError(`config file not found: ${path}`);
  const { config } = present
    ? await loadConfig(path, { env: io.env })
    : await loadConfigText('project: spf-eval\n', path, { env: io.env });
  return applyNetworkFlags(config, flags, io.cwd).network;
}

/** Runs the command; returns the exit code. */
export async function spfEvalCommand(flags: SpfEvalFlags, io: CommandIo, explicitConfig: boolean): Promise<number> {
  const usage = (msg: string) => {
    io.stderr(`spf-eval: ${msg}\n`);
    return EXIT.usage;
  };
  if (!flags.ip) return usage('--ip <addr> is required (the connecting client\'s IPv4 or IPv6 address)');
  if (!parseClientIp(flags.ip.trim())) return usage(`--ip expects an IPv4 or IPv6 address, got "${flags.ip}"`);
  const mailFrom = flags.mailFrom ?? '';
  // Without --helo, the HELO name defaults to the MAIL FROM domain (only `%{h}` reads it then).
  const helo = flags.helo ?? (mailFrom.includes('@') ? mailFrom.slice(mailFrom.lastIndexOf('@') + 1) : mailFrom);
  if (!helo && !mailFrom) return usage('give --mail-from <address> or --helo <name> (with an empty MAIL FROM the HELO name is checked)');

  let network: NetworkConfig;
  let dns;
  try {
    network = await networkFor(flags, explicitConfig, io);
    dns = createDnsClient({ server: network.resolver, timeoutMs: network.timeoutMs });
  } catch (err) {
    if (err instanceof ConfigError) return usage(`\n${err.format({ cwd: io.cwd })}`);
    return usage((err as Error).message);
  }

  const r = await evaluateSpf({ ip: flags.ip.trim(), mailFrom, helo }, { dns });
  const json: SpfEvalJson = { result: r.result, explanation: explainResult(r, flags.ip.trim()), lookups: r.lookups, voidLookups: r.voidLookups };
  const identity = senderIdentity({ mailFrom, helo });
  const who = `${mailFrom ? `MAIL FROM ${identity.sender}` : `HELO ${helo}`} from ${flags.ip.trim()}`;
  const out = flags.format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : renderText(r, json, who);
  if (flags.output) await writeFile(resolve(io.cwd, flags.output), out);
  else io.stdout(out);
  return EXIT.ok;
}

/**
 * The flags as the user wrote them. When the parent `email` command declares the same options
 * (`--format`, `--config`, `--resolver` …) and positional options are not enabled, commander
 * hands those flags to the parent even when they follow `spf-eval`; take them back from it.
 */
function userFlags(cmd: Command): { flags: SpfEvalFlags; explicitConfig: boolean } {
  const flags: Record<string, unknown> = { ...cmd.opts() };
  const given = (c: Command, key: string) => ['cli', 'env'].includes(c.getOptionValueSource(key) ?? '');
  const parent = cmd.parent;
  for (const [key, value] of Object.entries(parent?.opts() ?? {})) {
    if (parent && given(parent, key) && !given(cmd, key)) flags[key] = value;
  }
  const explicitConfig = given(cmd, 'config') || (parent !== null && given(parent, 'config'));
  return { flags: flags as SpfEvalFlags, explicitConfig };
}

/** Registers `spf-eval` under the `email` command. */
export function registerSpfEval(email: Command, io: CommandIo, setCode: (c: number) => void): void {
  const cmd = email
    .command('spf-eval')
    .description('evaluate SPF check_host() (RFC 7208) for one SMTP session');
  addCommonOptions(cmd, { formats: ['text', 'json'] })
    .option('--ip <addr>', 'the connecting client\'s IP address')
    .option('--mail-from <address>', 'MAIL FROM address (empty: the null reverse-path, HELO is checked)')
    .option('--helo <name>', 'HELO/EHLO name (default: the MAIL FROM domain)')
    .action(async () => {
      const { flags, explicitConfig } = userFlags(cmd);
      setCode(await spfEvalCommand(flags, io, explicitConfig));
    });
}
