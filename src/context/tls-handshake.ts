/**
 * One TLS handshake against one address under one deadline, with every failure mapped to a
 * `TlsError` code. The caller reads what it needs from the returned socket and destroys it.
 */
import { isIP } from 'node:net';
import tls from 'node:tls';
import { TlsError, type TlsErrorCode } from './types.js';

export interface HandshakeTarget {
  /** The host name asked about: SNI and error messages. */
  host: string;
  port: number;
  /** `performance.now()` value after which the whole attempt (lookup included) has failed. */
  deadline: number;
  /** The configured timeout, for messages. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Errors that mean the peer hung up mid-handshake rather than answering with an alert. */
const HUNG_UP = new Set(['ECONNRESET', 'EPIPE']);

/** A TlsError with its cause kept off the enumerable fields (so logs and JSON stay short). */
export function tlsError(code: TlsErrorCode, host: string, message: string, cause?: unknown): TlsError {
  const err = new TlsError(code, host, message);
  if (cause !== undefined) Object.defineProperty(err, 'cause', { value: cause, enumerable: false });
  return err;
}

/** Rejects with the caller's abort reason, untouched: cancelling is not a TLS failure. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/**
 * Resolves `host` through the injected lookup (IP literals pass through), bounded by the
 * deadline. A rejected lookup or a non-address answer is `DNS`; running out of time is `TIMEOUT`.
 */
export async function resolveAddress(
  lookup: (host: string) => Promise<string>,
  t: HandshakeTarget,
): Promise<string> {
  if (isIP(t.host)) return t.host;
  if (t.signal?.aborted) throw abortReason(t.signal);
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const bounds = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(tlsError('TIMEOUT', t.host, `resolving ${t.host} took over ${t.timeoutMs} ms`)),
      Math.max(0, t.deadline - performance.now()),
    );
    onAbort = () => reject(abortReason(t.signal as AbortSignal));
    t.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const address = await Promise.race([
      Promise.resolve()
        .then(() => lookup(t.host))
        .catch((err: unknown) => {
          throw tlsError('DNS', t.host, `cannot resolve ${t.host}: ${(err as Error)?.message ?? String(err)}`, err);
        }),
      bounds,
    ]);
    if (typeof address !== 'string' || isIP(address) === 0) {
      throw tlsError('DNS', t.host, `${t.host} resolved to no usable address`);
    }
    return address;
  } finally {
    clearTimeout(timer);
    if (onAbort) t.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Connects to `address` and completes a handshake with `options`. Resolves with the open socket
 * on `secureConnect`; rejects with TIMEOUT (deadline passed, e.g. a server that accepts TCP and
 * never answers the ClientHello), REFUSED (no TCP connection), RESET (hung up mid-handshake) or
 * HANDSHAKE (an alert or protocol failure), destroying the socket in every failure.
 */
export function handshake(address: string, t: HandshakeTarget, options: tls.ConnectionOptions): Promise<tls.TLSSocket> {
  if (t.signal?.aborted) return Promise.reject(abortReason(t.signal));
  const where = `${t.host} (${address}:${t.port})`;
  return new Promise((resolve, reject) => {
    let tcpUp = false;
    let settled = false;
    const socket = tls.connect({
      ...options,
      host: address,
      port: t.port,
      // SNI carries names only (RFC 6066 §3 forbids IP literals there).
      servername: isIP(t.host) ? undefined : t.host,
    });
    const settle = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      t.signal?.removeEventListener('abort', onAbort);
      if (err === undefined) return resolve(socket);
      socket.destroy();
      reject(err);
    };
    const onAbort = (): void => settle(abortReason(t.signal as AbortSignal));
    const timer = setTimeout(() => {
      const phase = tcpUp ? 'TLS handshake with' : 'TCP connect to';
      settle(tlsError('TIMEOUT', t.host, `${phase} ${where} did not complete within ${t.timeoutMs} ms`));
    }, Math.max(0, t.deadline - performance.now()));
    t.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      tcpUp = true;
    });
    socket.once('secureConnect', () => settle());
    // Stays attached for the socket's life: a late error after settling must not go uncaught.
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (settled) return;
      const code = err.code ?? '';
      if (!tcpUp) {
        // Before TCP is up every failure (ECONNREFUSED, EHOSTUNREACH, a RST to the SYN…) means
        // nobody accepted a connection at that address.
        const mapped: TlsErrorCode = code === 'ETIMEDOUT' ? 'TIMEOUT' : 'REFUSED';
        return settle(tlsError(mapped, t.host, `TCP connect to ${where} failed: ${code || err.message}`, err));
      }
      const mapped: TlsErrorCode = HUNG_UP.has(code) ? 'RESET' : 'HANDSHAKE';
      settle(tlsError(mapped, t.host, `TLS handshake with ${where} failed: ${code || err.message}`, err));
    });
    // A peer that closes cleanly before finishing the handshake emits 'close' without an error.
    socket.once('close', () => {
      settle(tlsError(tcpUp ? 'RESET' : 'REFUSED', t.host, `${where} closed the connection during the handshake`));
    });
  });
}
