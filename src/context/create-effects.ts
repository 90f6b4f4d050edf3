/** Builds the real effects of one run from the frozen config's network section. */
import { readFile } from 'node:fs/promises';
import type { NetworkConfig } from '../config/types.js';
import { addressLookup } from './address-lookup.js';
import { createBrowserRunner } from './browser.js';
import { createDnsClient } from './dns.js';
import { createHttpClient } from './http.js';
import { createLogger } from './logger.js';
import { createPostgresClient } from './postgres.js';
import { createProcessRunner } from './proc.js';
import { createSmtpClient } from './smtp.js';
import { createTlsClient } from './tls.js';
import type { BrowserRunner, Clock, Effects, PostgresClient, ProcessRunner, SmtpClient } from './types.js';

export interface RunEffects extends Effects {
  /** Releases pooled connections; call once the run is over. */
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/** Every name the run resolves goes through this one client: no lookup bypasses `network.resolver`. */
export async function createEffects(
  network: NetworkConfig,
  opts: { clock?: Clock; verbose?: boolean; log?: (line: string) => void; proc?: ProcessRunner; smtp?: SmtpClient; postgres?: PostgresClient; browser?: BrowserRunner; chromePath?: string } = {},
): Promise<RunEffects> {
  const dns = createDnsClient({ server: network.resolver, timeoutMs: network.timeoutMs });
  const ca = network.ca ? await readFile(network.ca, 'utf8') : undefined;
  const lookupAll = addressLookup(dns);
  const http = createHttpClient({ lookup: lookupAll, ports: network.ports, ca, timeoutMs: network.timeoutMs });
  const tls = createTlsClient({
    lookup: async (host) => (await lookupAll(host))[0],
    httpsPort: network.ports?.https,
    ca,
    timeoutMs: network.timeoutMs,
  });
  return {
    dns,
    http,
    tls,
    clock: opts.clock ?? systemClock,
    logger: createLogger({ verbose: opts.verbose ?? false, write: opts.log }),
    proc: opts.proc ?? createProcessRunner(),
    // The relay URL comes with each message (`email.smtp.url`); its name resolves through the run's resolver.
    smtp: opts.smtp ?? createSmtpClient({ timeoutMs: network.timeoutMs, lookup: async (host) => (await lookupAll(host))[0], ca }),
    // The database host (`database.url`) resolves through the run's resolver too; one session per use.
    postgres: opts.postgres ?? createPostgresClient({ timeoutMs: network.timeoutMs, lookup: async (host) => (await lookupAll(host))[0], ca }),
    // Chromium resolves names through the same client (host-resolver rules) and trusts `network.ca`.
    browser: opts.browser ?? createBrowserRunner({ lookup: lookupAll, ports: network.ports, ca, privateResolver: Boolean(network.resolver), chromePath: opts.chromePath }),
    close: () => http.close(),
  };
}
