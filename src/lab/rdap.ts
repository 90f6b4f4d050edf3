/**
 * A small RDAP server (RFC 9082 paths, RFC 9083 JSON) so registration-expiry checks run
 * offline: `GET <base>/domain/<name>` answers the domain object, anything unknown a 404 with an
 * RDAP error body.
 */
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './listen.js';

export interface RdapDomain {
  expires: Date;
  /** Default: whole years before `expires`, the latest such date not after now. */
  registered?: Date;
  /** Default: 30 days ago, or the registration date if later. */
  lastChanged?: Date;
  registrar?: string;
  /** RFC 9083 §10.2.2 status values. Default `active`, `client transfer prohibited`. */
  status?: string[];
}

export interface RdapServerOptions {
  domains: Record<string, RdapDomain>;
  host?: string;
  port?: number;
  now?: () => Date;
}

export interface RdapServer {
  host: string;
  port: number;
  /** The base URL a client appends `domain/<name>` to. */
  url: string;
  stop(): Promise<void>;
}

const CONTENT_TYPE = 'application/rdap+json';
const CONFORMANCE = ['rdap_level_0'];
const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** Registration dates that are consistent with `expires` and never in the future. */
function datesOf(d: RdapDomain, now: Date): { registered: Date; lastChanged: Date } {
  let registered = d.registered;
  if (!registered) {
    const years = Math.max(1, Math.ceil((d.expires.getTime() - now.getTime()) / YEAR));
    registered = new Date(d.expires.getTime() - years * YEAR);
  }
  const lastChanged = d.lastChanged ?? new Date(Math.max(registered.getTime(), now.getTime() - 30 * DAY));
  return { registered, lastChanged };
}

/** The RFC 9083 domain object for one registration. */
export function rdapDomainObject(name: string, d: RdapDomain, now: Date = new Date(), baseUrl?: string): Record<string, unknown> {
  const { registered, lastChanged } = datesOf(d, now);
  const registrar = d.registrar ?? 'Lab Registrar';
  return {
    rdapConformance: CONFORMANCE,
    objectClassName: 'domain',
    handle: `${name.toUpperCase().replace(/\./g, '_')}-LAB`,
    ldhName: name,
    status: d.status ?? ['active', 'client transfer prohibited'],
    events: [
      { eventAction: 'registration', eventDate: registered.toISOString() },
      { eventAction: 'expiration', eventDate: d.expires.toISOString() },
      { eventAction: 'last changed', eventDate: lastChanged.toISOString() },
    ],
    entities: [
      {
        objectClassName: 'entity',
        handle: 'LAB-REGISTRAR',
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: '9999' }],
        vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', registrar]]],
      },
    ],
    ...(baseUrl ? { links: [{ value: `${baseUrl}domain/${name}`, rel: 'self', href: `${baseUrl}domain/${name}`, type: CONTENT_TYPE }] } : {}),
  };
}

function send(res: ServerResponse, status: number, body: unknown, head: boolean): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(text), 'access-control-allow-origin': '*' });
  res.end(head ? undefined : text);
}

/** RFC 9083 §6: an error response body. */
const rdapError = (errorCode: number, title: string, description: string) => ({ rdapConformance: CONFORMANCE, errorCode, title, description: [description] });

/** Starts the server on `host` (default 127.0.0.1) and `port` (default 0: a free one). */
export async function startRdapServer(opts: RdapServerOptions): Promise<RdapServer> {
  const domains = new Map(Object.entries(opts.domains).map(([k, v]) => [k.toLowerCase().replace(/\.$/, ''), v]));
  const now = opts.now ?? (() => new Date());
  const host = opts.host ?? '127.0.0.1';
  let base = '';

  const server = http.createServer((req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) return send(res, 405, rdapError(405, 'Method Not Allowed', 'Only GET and HEAD are served.'), false);
    // Any base path works (`http://host:port/rdap/`): the query type is the path's last two segments.
    const path = (req.url ?? '/').split('?')[0];
    const match = /\/domain\/([^/]+)\/?$/i.exec(path);
    if (!match) return send(res, 400, rdapError(400, 'Bad Request', 'Only domain look-ups are served: GET /domain/<name>.'), head);
    let name: string;
    try {
      name = decodeURIComponent(match[1]).toLowerCase().replace(/\.$/, '');
    } catch {
      return send(res, 400, rdapError(400, 'Bad Request', 'The domain name is not valid percent-encoding.'), head);
    }
    const domain = domains.get(name);
    if (!domain) return send(res, 404, rdapError(404, 'Not Found', `${name} is not registered here.`), head);
    send(res, 200, rdapDomainObject(name, domain, now(), base), head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://${host}:${port}/`;
  return { host, port, url: base, stop: () => closeServer(server) };
}
