/**
 * The hostile scenario (../TOPOLOGY.md, zone `hostile.test`): hosts that trickle, loop, flood,
 * bomb, stall, wall, refuse and time out. Every check must turn them into `error` or `fail`
 * within its bounds.
 */
import { buildZone, type Zone } from '../zone.js';
import type { CertPlan, LabPorts } from './types.js';

const DAY = 86_400_000;

export const HOSTILE_HOSTS = [
  'slow.hostile.test', 'loop.hostile.test', 'big.hostile.test', 'bomb.hostile.test',
  'headers.hostile.test', 'stall.hostile.test', 'wall.hostile.test',
  'refused.hostile.test', 'timeout.hostile.test', 'servfail.hostile.test',
] as const;

export function hostileZone(): Zone {
  return buildZone({
    'hostile.test': { A: '127.0.0.1' },
    ...Object.fromEntries(
      HOSTILE_HOSTS.filter((h) => !['refused.hostile.test', 'timeout.hostile.test', 'servfail.hostile.test'].includes(h))
        .map((h) => [h, { A: '127.0.0.1' }]),
    ),
    'refused.hostile.test': { A: '127.0.0.3' },
    'timeout.hostile.test': 'timeout',
    'servfail.hostile.test': 'servfail',
  });
}

export function hostileCertificates(now: Date): CertPlan[] {
  return [{
    names: ['hostile.test', ...HOSTILE_HOSTS],
    issuer: 'acme',
    notBefore: new Date(now.getTime() - 10 * DAY),
    notAfter: new Date(now.getTime() + 80 * DAY),
  }];
}

export function hostileConfig(ports: LabPorts): Record<string, unknown> {
  return {
    project: 'Hostile lab',
    network: {
      resolver: `127.0.0.1:${ports.dns}`,
      ca: './ca.pem',
      ports: { http: ports.http, https: ports.https },
      rdap: `http://127.0.0.1:${ports.rdap}/`,
      timeout: '2s',
      concurrency: 8,
    },
    environments: {
      production: {
        canonical: 'https://loop.hostile.test',
        hosts: HOSTILE_HOSTS.map((name) => ({ name, role: 'app' })),
      },
    },
    api: {
      base: 'https://wall.hostile.test',
      login: { method: 'POST', path: '/api/login', body: { email: 'a@hostile.test', password: 'x' }, token: 'token' },
      health: '/health',
      admin_paths: ['/admin'],
      cors: { allowed_origins: ['https://app.hostile.test'] },
      endpoints: [{ name: 'list', method: 'GET', path: '/api/items', kind: 'read', list: true }],
    },
    pages: HOSTILE_HOSTS.map((h) => `https://${h}/`),
    audit: { rate_limit_probe: true, rate_limit_burst: 5 },
  };
}
