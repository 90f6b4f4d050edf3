/**
 * A minimal RDAP server (RFC 9082 paths, RFC 9083 JSON) so registration-expiry checks run offline.
 */
import http from 'node:http';
import { closeServer } from './listen.js';

export interface RdapDomain {
  expires: Date;
  registered?: Date;
  registrar?: string;
  status?: string[];
}

const CONTENT_TYPE = 'application/rdap+json';

/** The RFC 9083 domain object for one registration. */
export function rdapDomainObject(name: string, d: RdapDomain): Record<string, unknown> {
  return {
    rdapConformance: ['rdap_level_0'],
    objectClassName: 'domain',
    handle: `${name.toUpperCase().replace(/\./g, '_')}-LAB`,
    ldhName: name,
    status: d.status ?? ['client transfer prohibited'],
    events: [
      { eventAction: 'registration', eventDate: (d.registered ?? new Date(d.expires.getTime() - 365 * 86_400_000)).toISOString() },
      { eventAction: 'expiration', eventDate: d.expires.toISOString() },
      { eventAction: 'last changed', eventDate: new Date(d.expires.getTime() - 200 * 86_400_000).toISOString() },
    ],
    entities: [
      {
        objectClassName: 'entity',
        roles: ['registrar'],
        vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', d.registrar ?? 'Lab Registrar']]],
      },
    ],
  };
}

export async function startRdapServer(opts: { domains: Record<string, RdapDomain>; host?: string; port?: number }) {
  const domains = new Map(Object.entries(opts.domains).map(([k, v]) => [k.toLowerCase(), v]));
  const server = http.createServer((req, res) => {
    const match = /^\/domain\/([^/?#]+)$/i.exec((req.url ?? '').split('?')[0]);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': CONTENT_TYPE }).end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || !match) {
      return send(400, { rdapConformance: ['rdap_level_0'], errorCode: 400, title: 'Bad request', description: ['Only GET /domain/<name> is served.'] });
    }
    const name = decodeURIComponent(match[1]).toLowerCase().replace(/\.$/, '');
    const d = domains.get(name);
    if (!d) return send(404, { rdapConformance: ['rdap_level_0'], errorCode: 404, title: 'Not Found', description: [`${name} is not registered here.`] });
    return send(200, rdapDomainObject(name, d));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { host, port, url: `http://${host}:${port}/`, stop: () => closeServer(server) };
}
