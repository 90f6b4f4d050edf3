/**
 * The lab's HTTP and HTTPS listeners: one port number each, shared by 127.0.0.1, 127.0.0.2 and
 * 127.0.0.4, certificates chosen by SNI. Protocol limits are per listener in OpenSSL (an SNI
 * switch cannot change them), so a host that must still accept TLS 1.0 gets its own address.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Server } from 'node:net';
import tls from 'node:tls';
import type { IssuedCertificate } from './ca.js';
import { closeServer, listenShared } from './listen.js';

export const LAB_ADDRESSES = ['127.0.0.1', '127.0.0.2', '127.0.0.4'];

export interface WebServerOptions {
  certificates: Map<string, IssuedCertificate>;
  fallback: IssuedCertificate;
  /** Addresses whose HTTPS listener also accepts TLS 1.0 and 1.1. */
  legacyTlsOn: string[];
  /** SNI names whose handshake never completes. */
  stalledNames: string[];
  handle(req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): void;
}

export async function startWebServers(opts: WebServerOptions) {
  const contexts = new Map<string, tls.SecureContext>();
  for (const [name, cert] of opts.certificates) {
    contexts.set(name, tls.createSecureContext({ cert: cert.chainPem, key: cert.keyPem }));
  }
  const stalled = new Set(opts.stalledNames);
  const sniCallback = (name: string, cb: (err: Error | null, ctx?: tls.SecureContext) => void) => {
    // A stalled name never gets its context: the handshake hangs until the client gives up.
    if (stalled.has(name.toLowerCase())) return;
    cb(null, contexts.get(name.toLowerCase()));
  };

  const onRequest = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    try {
      opts.handle(req, res, scheme);
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  };

  const makeHttp = (): Server => http.createServer(onRequest('http'));
  const makeHttps = (host: string): Server => {
    const legacy = opts.legacyTlsOn.includes(host);
    return https.createServer(
      {
        cert: opts.fallback.chainPem,
        key: opts.fallback.keyPem,
        SNICallback: sniCallback,
        minVersion: legacy ? 'TLSv1' : 'TLSv1.2',
        // OpenSSL 3 refuses TLS 1.0/1.1 below security level 0; the legacy listener opts in.
        ...(legacy ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
      },
      onRequest('https'),
    );
  };

  const plain = await listenShared(LAB_ADDRESSES, makeHttp);
  let secure;
  try {
    secure = await listenShared(LAB_ADDRESSES, makeHttps);
  } catch (err) {
    await Promise.all(plain.servers.map(closeServer));
    throw err;
  }
  return {
    httpPort: plain.port,
    httpsPort: secure.port,
    stop: async () => {
      await Promise.all([...plain.servers, ...secure.servers].map(closeServer));
    },
  };
}
