/**
 * One request of a run, as an undici dispatch handler. It uses undici's callback interface
 * (`onConnect`/`onHeaders`/`onData`/`onComplete`/`onError`), which undici calls directly; the
 * newer controller interface goes through an adapter that parses every response's headers into
 * an object, a cost per request the engine has no use for.
 */
import type { Client, Dispatcher } from 'undici';
import type { OriginPool } from './connections.js';
import type { PreparedEndpoint } from './endpoints.js';
import type { LoadErrorKind } from './types.js';

/** A body over the run's cap: the request is cut and counted as `body_too_large`. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Called once per exchange, with the error when it failed. */
export type SettleFn = (ex: LoadExchange, err: Error | undefined) => void;

/** The handler of one request: status, bytes, and a single call to `settle` at its end. */
export class LoadExchange implements Dispatcher.DispatchHandler {
  /** Final status (1xx interim answers skipped); 0 until a response head arrived. */
  status = 0;
  bytes = 0;
  #abort: ((err?: Error) => void) | undefined;

  constructor(
    readonly endpoint: PreparedEndpoint,
    readonly client: Client,
    readonly pool: OriginPool,
    /**
     * performance.now() the latency counts from: the intended send time (open loop), or the
     * moment undici writes the request on its socket (closed loop, reset in `onConnect`).
     */
    public startedAt: number,
    /** Whether this exchange belongs to the measured window (not the warm-up). */
    readonly measured: boolean,
    private readonly maxBodyBytes: number,
    private readonly settle: SettleFn,
    /** Closed loop: time from the write, as wrk does, not from the dispatch call. */
    private readonly fromWrite = false,
  ) {}

  /** Called by undici right before it writes the request on a connected socket. */
  onConnect(abort: (err?: Error) => void): void {
    this.#abort = abort;
    // Between dispatch and write a closed-loop request only waits for this client to finish the
    // answers it is already reading (or for its connection): client work, not server latency.
    if (this.fromWrite) this.startedAt = performance.now();
  }

  onHeaders(status: number, rawHeaders?: Buffer[] | string[] | null): boolean {
    if (status >= 200) this.status = status;
    const ep = this.endpoint;
    // Only the first answer of each error status pays for decoding its head.
    if (status >= ep.captureHeadersFrom && !ep.headersByStatus.has(status) && rawHeaders) ep.headersByStatus.set(status, decodeHeaders(rawHeaders));
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBodyBytes) this.#abort?.(new BodyTooLargeError(`body over ${this.maxBodyBytes} bytes`));
    return true;
  }

  onComplete(): void {
    this.settle(this, undefined);
  }

  onError(err: Error): void {
    this.settle(this, err);
  }
}

/** undici's flat [name, value, name, value…] head as an object with lower-case names (repeats joined). */
export function decodeHeaders(raw: readonly (Buffer | string)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toString().toLowerCase();
    const value = raw[i + 1].toString();
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/** Connector (HttpError) and undici error codes, by the kind they are counted as. */
const KINDS: Readonly<Record<string, LoadErrorKind>> = {
  TIMEOUT: 'timeout',
  REFUSED: 'refused',
  RESET: 'reset',
  DNS: 'dns',
  TLS: 'tls',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_SOCKET: 'reset',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNREFUSED: 'refused',
  UND_ERR_HEADERS_OVERFLOW: 'protocol',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'protocol',
  UND_ERR_INFO: 'protocol',
  UND_ERR_DESTROYED: 'unfinished',
  UND_ERR_CLOSED: 'unfinished',
  UND_ERR_ABORTED: 'unfinished',
};

/** The kind an exchange failure is counted as. */
export function errorKind(err: Error): LoadErrorKind {
  if (err instanceof BodyTooLargeError) return 'body_too_large';
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (KINDS[code]) return KINDS[code];
    // llhttp parse errors: a response that is not HTTP/1.1.
    if (code.startsWith('HPE_')) return 'protocol';
  }
  return 'other';
}

/** The kind a status counts as when it is at or above the error threshold. */
export function statusKind(status: number): LoadErrorKind {
  if (status >= 500) return 'http_5xx';
  if (status >= 400) return 'http_4xx';
  return 'http_3xx';
}
