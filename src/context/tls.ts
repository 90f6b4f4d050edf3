/**
 * The real TlsClient. It dials the address the injected lookup gives (never node's resolver)
 * with the asked host as SNI, completes a handshake without rejecting anything, and reports
 * what a browser would judge: chain trust, hostname match, protocol, cipher and the chain.
 * Trust and hostname are separate facts here, so the checks can tell them apart.
 */
import tls from 'node:tls';
import { peerChain, toCertificateInfo } from './certificate-info.js';
import { handshake, resolveAddress, tlsError, type HandshakeTarget } from './tls-handshake.js';
import { TlsError, type TlsClient, type TlsInspection } from './types.js';

export interface TlsClientOptions {
  /** Resolves a host name to one IP address (through the injected DNS client); throwing means a DNS failure. */
  lookup: (host: string) => Promise<string>;
  /** `network.ports.https`: the port dialled unless a call passes its own; default 443. */
  httpsPort?: number;
  /** Extra trusted roots (`network.ca`, PEM), added to node's bundled roots rather than replacing them. */
  ca?: string | Buffer;
  /** Deadline for lookup, TCP connect and handshake together; default 5000. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_HTTPS_PORT = 443;

/**
 * OpenSSL 3 puts TLS 1.0/1.1 (SHA-1 signatures) below its default security level 1 and will not
 * even offer them; level 0 lets a version probe ask the question. Only `accepts` uses it: the
 * inspection keeps the default level so `authorized` is what a default client would conclude.
 */
const PROBE_CIPHERS = 'DEFAULT:@SECLEVEL=0';

/** Offered like a browser would; some servers pick certificates or protocols by ALPN. */
const ALPN = ['h2', 'http/1.1'];

/** Builds the client. A `ca` without any PEM certificate adds nothing (node ignores it silently). */
export function createTlsClient(opts: TlsClientOptions): TlsClient {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const defaultPort = opts.httpsPort ?? DEFAULT_HTTPS_PORT;
  // `ca` in tls.connect replaces node's roots; a context built once keeps both and spares
  // re-parsing ~150 roots on every connection.
  const secureContext = opts.ca === undefined
    ? undefined
    : tls.createSecureContext({ ca: [...tls.rootCertificates, opts.ca] });

  const target = (host: string, callOpts?: { port?: number; signal?: AbortSignal }): HandshakeTarget => ({
    host: normalizeHost(host),
    port: callOpts?.port ?? defaultPort,
    deadline: performance.now() + timeoutMs,
    timeoutMs,
    signal: callOpts?.signal,
  });

  return {
    async inspect(host, callOpts) {
      const t = target(host, callOpts);
      const address = await resolveAddress(opts.lookup, t);
      const socket = await handshake(address, t, {
        ...(secureContext ? { secureContext } : {}),
        rejectUnauthorized: false,
        // Name matching is reported separately (`hostnameMatches`), so `authorized` is about
        // the chain alone; node would otherwise fold ERR_TLS_CERT_ALTNAME_INVALID into it.
        checkServerIdentity: () => undefined,
        ALPNProtocols: ALPN,
      });
      try {
        return describe(socket, t);
      } finally {
        socket.destroy();
      }
    },

    async accepts(host, version, callOpts) {
      const t = target(host, callOpts);
      const address = await resolveAddress(opts.lookup, t);
      try {
        const socket = await handshake(address, t, {
          minVersion: version,
          maxVersion: version,
          ciphers: PROBE_CIPHERS,
          rejectUnauthorized: false,
          checkServerIdentity: () => undefined,
          ALPNProtocols: ALPN,
        });
        socket.destroy();
        return true;
      } catch (err) {
        if (isRefusal(err)) return false;
        throw err;
      }
    },
  };
}

/**
 * After TCP is up, a failed pinned handshake is the server's answer: a protocol_version or
 * handshake_failure alert, "unsupported protocol", "wrong version number", or a hang-up on a
 * ClientHello it dislikes (how some stacks refuse old versions). Timeouts, refused connections
 * and DNS failures are not answers and propagate.
 */
function isRefusal(err: unknown): boolean {
  return err instanceof TlsError && (err.code === 'HANDSHAKE' || err.code === 'RESET');
}

function describe(socket: tls.TLSSocket, t: HandshakeTarget): TlsInspection {
  const leaf = socket.getPeerCertificate(true);
  const chain = peerChain(leaf);
  if (chain.length === 0) {
    throw tlsError('HANDSHAKE', t.host, `${t.host}:${t.port} presented no certificate`);
  }
  // node types it as Error, but sets the OpenSSL/node code string (CERT_HAS_EXPIRED …).
  const authorizationError = socket.authorizationError as unknown;
  const cipher = socket.getCipher();
  return {
    host: t.host,
    port: t.port,
    authorized: socket.authorized,
    ...(authorizationError ? { authorizationError: String(authorizationError) } : {}),
    // RFC 6125 matching as node's own clients do it: SANs first, wildcards one label deep.
    hostnameMatches: tls.checkServerIdentity(t.host, chain[0]) === undefined,
    protocol: socket.getProtocol() ?? 'unknown',
    cipher: cipher?.standardName ?? cipher?.name ?? 'unknown',
    chain: chain.map(toCertificateInfo),
  };
}

/** Host names compare case-insensitively and without the root's trailing dot. */
function normalizeHost(host: string): string {
  const lower = host.trim().toLowerCase();
  const bare = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return bare.endsWith('.') ? bare.slice(0, -1) : bare;
}
