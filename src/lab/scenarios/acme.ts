/**
 * The "Acme Ops" scenario (see ../TOPOLOGY.md): its DNS zone, its certificates and its
 * launchready.yml, for the `default` (risks planted) and `fixed` (launch ready) variants.
 */
import { buildZone, type Zone } from '../zone.js';
import { repoConfig } from './repo.js';
import { mailConfig } from './mail.js';
import type { CertPlan, LabPorts, ScenarioVariant } from './types.js';

const DAY = 86_400_000;

export function acmeZone(variant: ScenarioVariant): Zone {
  const fixed = variant === 'fixed';
  return buildZone({
    'acme.test': {
      A: '127.0.0.1',
      NS: 'ns1.acme.test',
      SOA: { mname: 'ns1.acme.test', rname: 'hostmaster.acme.test', serial: 2026112901 },
      ...(fixed ? { CAA: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } } : {}),
    },
    'ns1.acme.test': { A: '127.0.0.1' },
    'www.acme.test': { A: '127.0.0.1' },
    'app.acme.test': { A: '127.0.0.1' },
    'api.acme.test': { CNAME: 'edge.acme-cdn.test' },
    'edge.acme-cdn.test': { A: '127.0.0.4' },
    'admin.acme.test': { A: '127.0.0.1' },
    'status.acme.test': { A: '127.0.0.1' },
    'staging.acme.test': { A: fixed ? '127.0.0.2' : '127.0.0.1' },
    ...(fixed ? {} : { 'docs.acme.test': { CNAME: 'acme-docs.ghost-pages.test' } }),
  });
}

/** Which certificate each host presents, relative to the lab's clock. */
export function acmeCertificates(variant: ScenarioVariant, now: Date): CertPlan[] {
  const fixed = variant === 'fixed';
  const t = now.getTime();
  const acme90 = (names: string[]): CertPlan => ({
    names, issuer: 'acme', notBefore: new Date(t - 30 * DAY), notAfter: new Date(t + 60 * DAY),
  });
  return [
    acme90(['acme.test']),
    fixed
      ? acme90(['www.acme.test'])
      : { names: ['www.acme.test'], issuer: 'acme', notBefore: new Date(t - 93 * DAY), notAfter: new Date(t - 3 * DAY) },
    fixed
      ? acme90(['app.acme.test'])
      : { names: ['app.acme.test'], issuer: 'internal', notBefore: new Date(t - 378 * DAY), notAfter: new Date(t + 20 * DAY) },
    // Short-lived (6-day) certificate issued yesterday: 5 days left is healthy for its lifetime.
    { names: ['api.acme.test'], issuer: 'acme', notBefore: new Date(t - 1 * DAY), notAfter: new Date(t + 5 * DAY) },
    fixed
      ? acme90(['admin.acme.test'])
      : { ...acme90(['acme.test', 'www.acme.test']), serveFor: ['admin.acme.test'] },
    acme90(['staging.acme.test']),
    acme90(['status.acme.test']),
  ];
}

const LOGIN = { method: 'POST', path: '/api/login', body: { email: 'a@acme.test', password: 'demo-password' }, token: 'token' };

/** The scenario's launchready.yml as a plain object (written next to `ca.pem`). */
export function acmeConfig(variant: ScenarioVariant, ports: LabPorts, extra: { databaseUrl?: string } = {}): Record<string, unknown> {
  const fixed = variant === 'fixed';
  const repo = repoConfig();
  return {
    project: fixed ? 'Acme Ops (launch ready)' : 'Acme Ops',
    repo: repo.repo,
    env: repo.env,
    network: {
      resolver: `127.0.0.1:${ports.dns}`,
      ca: './ca.pem',
      ports: { http: ports.http, https: ports.https },
      rdap: `http://127.0.0.1:${ports.rdap}/`,
      timeout: '3s',
      concurrency: 8,
    },
    environments: {
      production: {
        canonical: 'https://app.acme.test',
        env_file: repo.envFiles.production,
        hosts: [
          { name: 'acme.test' },
          { name: 'www.acme.test' },
          { name: 'app.acme.test', role: 'app', expect: { a: ['127.0.0.1'] } },
          { name: 'api.acme.test', role: 'api', expect: { cname: 'edge.acme-cdn.test' } },
          { name: 'admin.acme.test', role: 'admin' },
          { name: 'status.acme.test', role: 'status', expect: { a: [fixed ? '127.0.0.1' : '127.0.0.9'] } },
        ],
      },
      staging: {
        canonical: 'https://staging.acme.test',
        env_file: repo.envFiles.staging,
        hosts: [{ name: 'staging.acme.test', role: 'app' }],
      },
    },
    // The flawed mail domains by default, the clean ones when fixed (scenarios/mail.ts).
    email: mailConfig(variant, ports),
    api: {
      base: 'https://api.acme.test',
      login: LOGIN,
      health: '/health',
      admin_paths: ['/admin', '/api/admin/users'],
      cors: { allowed_origins: ['https://app.acme.test'] },
      endpoints: [
        { name: 'list tasks', method: 'GET', path: '/api/tasks', kind: 'read', list: true, critical: true },
        { name: 'create task', method: 'POST', path: '/api/tasks', body: { title: 'probe' }, kind: 'write' },
        // The performance scenario (TOPOLOGY.md, "Performance and caching"): same declarations in
        // both variants, planted slowness, caching and rate-limit flaws in `default` only.
        { name: 'task report', method: 'GET', path: '/api/reports/summary', kind: 'read' },
        { name: 'export report', method: 'POST', path: '/api/reports/export', body: { format: 'pdf' }, kind: 'write' },
        { name: 'my profile', method: 'GET', path: '/api/me', kind: 'read' },
        { name: 'search tasks', method: 'GET', path: '/api/tasks/search?q=task', kind: 'read' },
      ],
    },
    pages: ['https://app.acme.test/', 'https://app.acme.test/tasks'],
    audit: { rate_limit_probe: true, rate_limit_burst: 30 },
    // The lab's PostgreSQL when started (`startLab({ postgres: true })`): slow-query analysis.
    ...(extra.databaseUrl ? { database: { url: extra.databaseUrl } } : {}),
    ownership: {
      logs: repo.logs,
      dns: { provider: 'Lab DNS', owner: 'ops@acme.test' },
      rollback: 'npm run deploy -- --rollback',
      deploy: 'npm run deploy',
    },
  };
}
