/** Flags every command shares (interface.md) and the network overrides they map onto. */
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { LaunchConfig } from '../config/types.js';
import { parseDuration } from '../config/duration.js';

export interface CommonFlags {
  config?: string;
  format?: string;
  output?: string;
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
  resolver?: string;
  caFile?: string;
  httpPort?: string;
  httpsPort?: string;
  timeout?: string;
  concurrency?: string;
}

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'html'] as const;

export function addCommonOptions(cmd: Command, opts: { formats?: readonly string[] } = {}): Command {
  cmd
    .option('--config <file>', 'config file', 'launchready.yml')
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--quiet', 'print nothing but the report')
    .option('--verbose', 'log every probe')
    .option('--no-color', 'no ANSI colours (also NO_COLOR)')
    .option('--resolver <host:port>', 'the only DNS server queried')
    .option('--ca-file <pem>', 'extra trusted roots')
    .option('--http-port <n>', 'port behind every http:// URL without one')
    .option('--https-port <n>', 'port behind every https:// URL without one')
    .option('--timeout <duration>', 'bound of every request and query (e.g. 5s)')
    .option('--concurrency <n>', 'checks and requests at once');
  if (opts.formats) cmd.addOption(new Option('--format <format>', 'report format').choices(opts.formats).default('text'));
  return cmd;
}

function port(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`${flag} expects a port number, got "${v}"`);
  return n;
}

/** A bad flag value: exit 2 with the message. */
export class UsageError extends Error {}

/** The config with network flags applied on top (flags win), still frozen. */
export function applyNetworkFlags(config: LaunchConfig, f: CommonFlags, cwd: string): LaunchConfig {
  const network = { ...config.network, ports: { ...config.network.ports } };
  if (f.resolver) network.resolver = f.resolver;
  if (f.caFile) network.ca = resolve(cwd, f.caFile);
  if (f.httpPort) network.ports.http = port(f.httpPort, '--http-port');
  if (f.httpsPort) network.ports.https = port(f.httpsPort, '--https-port');
  if (f.timeout) {
    try {
      network.timeoutMs = parseDuration(f.timeout);
    } catch (err) {
      throw new UsageError(`--timeout: ${(err as Error).message}`);
    }
  }
  if (f.concurrency) network.concurrency = port(f.concurrency, '--concurrency');
  return Object.freeze({ ...config, network: Object.freeze(network) });
}
