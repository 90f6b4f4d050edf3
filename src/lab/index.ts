/**
 * The lab: a small internet on loopback for the demo and the test suites (see TOPOLOGY.md).
 * `startLab` starts the DNS server, the CA-issued HTTPS servers, the sample app or the hostile
 * host, an SMTP sink, an RDAP server and a webhook sink, then writes `launchready.yml` and
 * `ca.pem` into a fresh temporary folder.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createOpsApp } from './app/index.js';
import { startDnsServer } from './dns-server.js';
import { createHostileHandler } from './hostile.js';
import { issueLabCertificates } from './lab-certificates.js';
import { startWebServers } from './web-servers.js';
import { startRdapServer } from './rdap.js';
import { startLabPostgres, type LabPostgres } from './postgres.js';
import { acmeCertificates, acmeConfig, acmeZone } from './scenarios/acme.js';
import { hostileCertificates, hostileConfig, hostileZone } from './scenarios/hostile.js';
import { mailCertificates, mailHostileZone, mailZone, MTA_STS_POLICIES } from './scenarios/mail.js';
import { generateMailKeys } from './scenarios/mail-keys.js';
import { createMtaStsHandler } from './scenarios/mail-web.js';
import { startRepoFixture } from './scenarios/repo.js';
import { createWidgetsHandler, widgetsCertificates, widgetsZone } from './scenarios/widgets.js';
import type { LabPorts, ScenarioVariant } from './scenarios/types.js';
import { startSmtpSink } from './smtp-sink.js';
import { startWebhookSink } from './webhook-sink.js';
import { mergeZones } from './zone.js';

export type LabVariant = ScenarioVariant;

export interface Lab {
  variant: LabVariant;
  /** The lab's clock: certificates are dated relative to it. */
  now: Date;
  dir: string;
  configPath: string;
  /** The raw config object written to `configPath`. */
  config: Record<string, unknown>;
  /** `127.0.0.1:<port>` of the lab's DNS server. */
  resolver: string;
  caPem: string;
  ports: LabPorts;
  /** Environment variables the config interpolates. */
  env: Record<string, string>;
  smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  webhooks: Awaited<ReturnType<typeof startWebhookSink>>;
  /** The app's PostgreSQL (`startLab({ postgres: true })` only); the config's `database.url` points at it. */
  postgres?: LabPostgres;
  /** Writes an edited copy of the config beside the original and returns its path. */
  writeConfig(edit: (raw: Record<string, any>) => void): Promise<string>;
  stop(): Promise<void>;
}

const DAY = 86_400_000;

/** Starts every lab service for one variant on free loopback ports. */
export async function startLab(opts: { variant?: LabVariant; now?: Date; postgres?: boolean } = {}): Promise<Lab> {
  const variant = opts.variant ?? 'default';
  const now = opts.now ?? new Date();
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };
  try {
    const dir = await mkdtemp(join(tmpdir(), `launchready-lab-${variant}-`));
    stops.push(() => rm(dir, { recursive: true, force: true }));
    // The app's database (postgres.ts) takes seconds: it starts alongside the other servers.
    const pgStart = opts.postgres && variant !== 'hostile' ? startLabPostgres({ variant: variant as 'default' | 'fixed' }) : undefined;
    pgStart?.catch(() => undefined);
    if (pgStart) stops.push(async () => (await pgStart.catch(() => undefined))?.stop());

    const hostile = variant === 'hostile';
    // The mail domains (scenarios/mail.ts) and the widget vendor (scenarios/widgets.ts) share the
    // zone, the certificates and the web listeners.
    const zone = hostile ? mergeZones(hostileZone(), mailHostileZone()) : mergeZones(acmeZone(variant), mailZone(generateMailKeys()), widgetsZone());
    const dns = await startDnsServer({ zone });
    stops.push(() => dns.stop());

    const plans = hostile ? hostileCertificates(now) : [...acmeCertificates(variant, now), ...mailCertificates(now), ...widgetsCertificates(now)];
    const certs = await issueLabCertificates(plans, now);
    const app = hostile ? undefined : createOpsApp({ variant: variant as 'default' | 'fixed', now: () => new Date() });
    const hostileHandler = hostile ? createHostileHandler() : undefined;
    const mtaSts = hostile ? undefined : createMtaStsHandler(MTA_STS_POLICIES);
    const widgets = hostile ? undefined : createWidgetsHandler();
    const web = await startWebServers({
      certificates: certs.byName,
      fallback: certs.fallback,
      legacyTlsOn: variant === 'default' ? ['127.0.0.4'] : [],
      stalledNames: hostile ? ['stall.hostile.test'] : [],
      handle: (req, res, scheme) => {
        if (hostileHandler?.(req, res)) return;
        if (mtaSts?.(req, res, scheme)) return;
        if (widgets?.(req, res, scheme)) return;
        if (app) return app.handle(req, res, scheme);
        res.writeHead(421).end();
      },
    });
    stops.push(() => web.stop());

    const smtp = await startSmtpSink({});
    stops.push(() => smtp.stop());
    const rdap = await startRdapServer({
      domains: {
        'acme.test': { expires: new Date(now.getTime() + (variant === 'fixed' ? 300 : 20) * DAY), registrar: 'Lab Registrar' },
        'hostile.test': { expires: new Date(now.getTime() + 200 * DAY) },
      },
    });
    stops.push(() => rdap.stop());
    const webhooks = await startWebhookSink({});
    stops.push(() => webhooks.stop());

    const ports: LabPorts = { dns: dns.port, http: web.httpPort, https: web.httpsPort, smtp: smtp.port, rdap: rdap.port, webhook: webhooks.port };
    // The Acme project's repository (CI files, env files, lockfile, logs) and its advisory database.
    if (!hostile) {
      const repo = await startRepoFixture({ variant, labDir: dir });
      stops.push(() => repo.stop());
    }
    const postgres = await pgStart;
    const config = hostile ? hostileConfig(ports) : acmeConfig(variant, ports, { databaseUrl: postgres?.url });
    await writeFile(join(dir, 'ca.pem'), certs.caPem);
    const configPath = join(dir, 'launchready.yml');
    await writeFile(configPath, stringify(config));

    let edits = 0;
    return {
      variant, now, dir, configPath, config, resolver: dns.address, caPem: certs.caPem, ports, env: {}, smtp, webhooks, postgres,
      async writeConfig(edit) {
        const copy = structuredClone(config) as Record<string, any>;
        edit(copy);
        const path = join(dir, `launchready.edit-${++edits}.yml`);
        await writeFile(path, stringify(copy));
        return path;
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
