/**
 * `launchready load` flags → engine options: durations, counts, headers, body, thresholds, and the
 * network overrides of the config (resolver, ports, CA, timeout) so a load test reaches the same
 * place the audit does. Every bad value is a UsageError (exit 2) before anything is sent.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDuration } from '../config/duration.js';
import type { NetworkConfig } from '../config/types.js';
import { addressLookup } from '../context/address-lookup.js';
import { createDnsClient } from '../context/dns.js';
import { parseThreshold, ThresholdError, type LoadEndpoint, type Threshold } from '../engines/load/index.js';
import { UsageError, type CommonFlags } from './common-options.js';

export interface LoadFlags extends CommonFlags {
  connections?: string;
  rate?: string;
  /** No default here: without it, `--requests` alone bounds the run (else 10 s). */
  duration?: string;
  warmup: string;
  requests?: string;
  method?: string;
  header: string[];
  body?: string;
  threshold: string[];
  statusErrors: boolean;
}

/** What the command runs: the engine's knobs, parsed. */
export interface LoadPlan {
  endpoint: LoadEndpoint;
  connections?: number;
  rate?: number;
  durationMs?: number;
  warmupMs: number;
  maxRequests?: number;
  thresholds: Threshold[];
}

const positiveInt = (v: string, flag: string, max: number): number => {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new UsageError(`${flag} expects a whole number from 1 to ${max}, got "${v}"`);
  }
  return n;
};

const duration = (v: string, flag: string): number => {
  try {
    return parseDuration(v);
  } catch (err) {
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
};

/** `Name: value` (curl's form); the name must be an RFC 9110 token. */
export function parseHeader(raw: string): [string, string] {
  const colon = raw.indexOf(':');
  const name = colon > 0 ? raw.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
    throw new UsageError(`--header expects "Name: value", got "${raw}"`);
  }
  return [name, raw.slice(colon + 1).trim()];
}

/** Flags → plan. `--body @file` reads the file (relative to cwd); with a body the method defaults to POST. */
export async function planLoad(url: string, flags: LoadFlags, cwd: string): Promise<LoadPlan> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`"${url}" is not an absolute URL (e.g. https://api.example.com/health)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`only http: and https: URLs can be loaded, not ${parsed.protocol}`);
  const headers: Record<string, string> = {};
  for (const raw of flags.header) {
    const [name, value] = parseHeader(raw);
    headers[name] = value;
  }
  let body: string | Buffer | undefined = flags.body;
  if (body?.startsWith('@')) {
    try {
      body = await readFile(resolve(cwd, body.slice(1)));
    } catch (err) {
      throw new UsageError(`--body ${flags.body}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const method = (flags.method ?? (body === undefined ? 'GET' : 'POST')).toUpperCase();
  if (!/^[A-Z]+$/.test(method)) throw new UsageError(`--method expects an HTTP method, got "${flags.method}"`);
  const durationMs = flags.duration === undefined ? undefined : duration(flags.duration, '--duration');
  if (durationMs === 0) throw new UsageError('--duration must be longer than 0');
  let thresholds: Threshold[];
  try {
    thresholds = flags.threshold.map(parseThreshold);
  } catch (err) {
    if (err instanceof ThresholdError) throw new UsageError(`--threshold: ${err.message}`);
    throw err;
  }
  return {
    endpoint: { url, method, headers, ...(body === undefined ? {} : { body }) },
    connections: flags.connections === undefined ? undefined : positiveInt(flags.connections, '--connections', 10_000),
    rate: flags.rate === undefined ? undefined : rate(flags.rate),
    // Undefined: 10 s, or with --requests alone the count (backed by the engine's 10-minute cap).
    durationMs,
    warmupMs: duration(flags.warmup, '--warmup'),
    maxRequests: flags.requests === undefined ? undefined : positiveInt(flags.requests, '--requests', Number.MAX_SAFE_INTEGER),
    thresholds,
  };
}

function rate(v: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v.trim()) || !(n > 0) || n > 1_000_000) {
    throw new UsageError(`--rate expects requests per second above 0 (at most 1000000), got "${v}"`);
  }
  return n;
}

/** The run's lookup for the load engine: our DNS client on `network.resolver` (see `addressLookup`). */
export function createLookup(network: NetworkConfig): (host: string) => Promise<string[]> {
  return addressLookup(createDnsClient({ server: network.resolver, timeoutMs: network.timeoutMs }));
}

/** Whether the config file should be read: named on the command line, or the default one exists. */
export function wantsConfig(path: string, explicit: boolean): boolean {
  return explicit || existsSync(path);
}
