/**
 * The socket factory behind the HTTP client's undici agents. It is where the network overrides
 * bite: names resolve only through the injected lookup (never node's resolver), addresses are
 * tried in order, and TLS is negotiated with the URL's host name as SNI whatever address we dial.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { buildConnector } from 'undici';
import { HttpError, type HttpErrorCode } from './types.js';

/** What a response reports about the connection that carried it. */
export interface SocketFacts {
  remoteAddress?: string;
  tls?: { authorized: boolean; authorizationError?: string; protocol?: string };
}

export interface ConnectorOptions {
  /** A/AAAA addresses of a name, through the injected DNS client; throwing means a DNS failure. */
  lookup: (host: string) => Promise<string[]>;
  /** Reject certificates that do not verify (else connect anyway and report `authorized: false`). */
  verifyTls: boolean;
  /** Trusted roots; undefined keeps node's defaults. */
  ca?: Array<string | Buffer>;
  /** Bound on the whole connect phase: lookup, TCP and TLS handshake together. */
  timeoutMs: number;
  /** Called once per socket before undici receives it. */
  record: (socket: net.Socket, facts: SocketFacts) => void;
}

/** Bounds how many addresses of one name we dial before giving up. */
const MAX_ADDRESSES = 8;

/** Errors on which the next address is worth a try: nobody listens, or that address family is unreachable. */
const TRY_NEXT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** An undici `connect` function honouring the options above. */
export function createConnector(opts: ConnectorOptions): buildConnector.connector {
  return (target, callback) => {
    openSocket(target, opts).then(
      (socket) => callback(null, socket),
      (err: Error) => callback(err, null),
    );
  };
}

function fail(code: HttpErrorCode, origin: string, message: string, cause?: unknown): HttpError {
  const err = new HttpError(code, origin, message);
  if (cause !== undefined) Object.defineProperty(err, 'cause', { value: cause, enumerable: false });
  return err;
}

async function openSocket(target: buildConnector.Options, opts: ConnectorOptions): Promise<net.Socket> {
  const { hostname, protocol } = target;
  const origin = `${protocol}//${target.host ?? hostname}`;
  const port = Number(target.port);
  const deadline = performance.now() + opts.timeoutMs;
  const addresses = net.isIP(hostname) ? [hostname] : await resolve(hostname, origin, opts);
  // SNI carries the name, never an address (RFC 6066 §3 forbids IP literals there).
  const servername = target.servername || (net.isIP(hostname) ? undefined : hostname);
  let lastError: unknown;
  for (const address of addresses.slice(0, MAX_ADDRESSES)) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) break;
    try {
      return await dial({ address, port, protocol, servername, origin, timeoutMs: remaining }, opts);
    } catch (err) {
      lastError = err;
      const code = (err as { cause?: { code?: string } }).cause?.code;
      if (!code || !TRY_NEXT.has(code)) throw err;
    }
  }
  throw lastError ?? fail('TIMEOUT', origin, `connect to ${hostname} timed out after ${opts.timeoutMs} ms`);
}

async function resolve(hostname: string, origin: string, opts: ConnectorOptions): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(fail('TIMEOUT', origin, `resolving ${hostname} took over ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
  });
  try {
    const addresses = await Promise.race([
      opts.lookup(hostname).catch((err: unknown) => {
        throw fail('DNS', origin, `cannot resolve ${hostname}: ${(err as Error)?.message ?? String(err)}`, err);
      }),
      timeout,
    ]);
    const usable = addresses.filter((a) => net.isIP(a) !== 0);
    if (usable.length === 0) throw fail('DNS', origin, `${hostname} has no address`);
    return usable;
  } finally {
    clearTimeout(timer);
  }
}

interface DialTarget {
  address: string;
  port: number;
  protocol: string;
  servername?: string;
  origin: string;
  timeoutMs: number;
}

/** One TCP (+ TLS) connection attempt to one address, settled by connect, error or timeout. */
function dial(t: DialTarget, opts: ConnectorOptions): Promise<net.Socket> {
  const secure = t.protocol === 'https:';
  const socket: net.Socket = secure
    ? tls.connect({
        host: t.address,
        port: t.port,
        servername: t.servername,
        ca: opts.ca,
        rejectUnauthorized: opts.verifyTls,
        // We speak HTTP/1.1 only; advertising it keeps ALPN-strict servers talking to us.
        ALPNProtocols: ['http/1.1'],
      })
    : net.connect({ host: t.address, port: t.port });
  return new Promise((resolve, reject) => {
    let tcpUp = false;
    let settled = false;
    const settle = (err?: HttpError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!err) return resolve(socket);
      socket.destroy();
      reject(err);
    };
    const timer = setTimeout(() => {
      const phase = secure && tcpUp ? 'TLS handshake with' : 'connect to';
      settle(fail('TIMEOUT', t.origin, `${phase} ${t.address}:${t.port} timed out`));
    }, t.timeoutMs);
    socket.once('connect', () => {
      tcpUp = true;
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 60_000);
      if (!secure) {
        opts.record(socket, { remoteAddress: socket.remoteAddress });
        settle();
      }
    });
    if (secure) {
      socket.once('secureConnect', () => {
        const s = socket as tls.TLSSocket;
        const authorizationError = s.authorizationError as unknown;
        opts.record(socket, {
          remoteAddress: s.remoteAddress,
          tls: {
            authorized: s.authorized,
            ...(authorizationError ? { authorizationError: String(authorizationError) } : {}),
            protocol: s.getProtocol() ?? undefined,
          },
        });
        settle();
      });
    }
    // Stays attached for the socket's life, like undici's own connector: an error that arrives
    // between our callback and undici's listeners must not become an uncaught exception.
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (settled) return;
      const where = `${t.address}:${t.port}`;
      // Once TCP is up on an https: origin, any failure is the handshake's (untrusted chain,
      // protocol mismatch, a server that hangs up on our ClientHello).
      if (secure && tcpUp) return settle(fail('TLS', t.origin, `TLS handshake with ${where} failed: ${err.code ?? err.message}`, err));
      const code: HttpErrorCode = err.code === 'ECONNREFUSED' || TRY_NEXT.has(err.code ?? '') ? 'REFUSED'
        : err.code === 'ETIMEDOUT' ? 'TIMEOUT' : 'RESET';
      settle(fail(code, t.origin, `connect to ${where} failed: ${err.code ?? err.message}`, err));
    });
  });
}
