/**
 * The real HttpClient, on undici. One exchange per call, never following redirects (the probes
 * walk chains hop by hop), bounded in time (a whole-exchange deadline), in header and body size
 * (decoded size, so bombs stop at the cap), and routed only through the network overrides.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { Agent, type Dispatcher } from 'undici';
import { TOOL_VERSION } from '../version.js';
import { readBody } from './decode-body.js';
import { createConnector, type SocketFacts } from './http-connector.js';
import { toHttpError } from './http-errors.js';
import { dispatchExchange } from './http-exchange.js';
import {
  declaredLength,
  hasBody,
  normalizeHeaders,
  requestHeaders,
  resolveTarget,
  type PortOverrides,
} from './http-message.js';
import { HttpError, type HttpClient, type HttpRequest, type HttpResponse } from './types.js';

export interface HttpClientOptions {
  /** A/AAAA addresses of a name via the injected DNS client; the only way names resolve. */
  lookup: (host: string) => Promise<string[]>;
  /** `network.ports`: the ports behind URLs that carry none. */
  ports?: PortOverrides;
  /** Extra trusted roots (`network.ca`), added to node's default ones. */
  ca?: string | Buffer;
  /** Whole-exchange deadline per request unless the request sets its own; default 5000. */
  timeoutMs?: number;
  /** Cap on the decoded body unless the request sets its own; default 5 MiB. */
  maxBodyBytes?: number;
  /** Cap on the response head; default 64 KiB. */
  maxHeaderBytes?: number;
  userAgent?: string;
}

export type ClosableHttpClient = HttpClient & {
  /** Destroys pooled and in-flight connections; requests after it fail. */
  close(): Promise<void>;
};

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_BODY = 5 * 1024 * 1024;
const DEFAULT_MAX_HEADERS = 64 * 1024;
/** Keep-alive pool bounds: per origin, and how long an idle socket lingers. */
const CONNECTIONS_PER_ORIGIN = 4;
const KEEP_ALIVE_MS = 4_000;

/**
 * Published synchronously by undici right after it hands a request to our handler and before it
 * writes it, with the socket that carries it: the only public way to tie a response to its
 * connection (for `remoteAddress` and `tls`) while still pooling connections.
 */
const SEND_HEADERS_CHANNEL = 'undici:client:sendHeaders';

/** Builds the client; call `close()` when the run is over. */
export function createHttpClient(opts: HttpClientOptions): ClosableHttpClient {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const userAgent = opts.userAgent ?? `launchready/${TOOL_VERSION}`;
  // `ca` in tls.connect replaces the defaults, so extra roots go beside node's bundled ones.
  const ca = opts.ca === undefined ? undefined : [...tls.rootCertificates, opts.ca];
  const facts = new WeakMap<Socket, SocketFacts>();

  const makeAgent = (verifyTls: boolean): Agent =>
    new Agent({
      connect: createConnector({
        lookup: opts.lookup,
        verifyTls,
        ca,
        timeoutMs,
        record: (socket, f) => facts.set(socket, f),
      }),
      connections: CONNECTIONS_PER_ORIGIN,
      pipelining: 1,
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
      maxHeaderSize: opts.maxHeaderBytes ?? DEFAULT_MAX_HEADERS,
    });
  // Verification is per connection, so verified and unverified requests never share a socket.
  const agents = { verified: makeAgent(true), lenient: makeAgent(false) };

  // The request whose socket we are waiting to learn (see SEND_HEADERS_CHANNEL).
  let awaitingSocket: ((f: SocketFacts) => void) | undefined;
  const onSendHeaders = (message: unknown): void => {
    const socket = (message as { socket?: Socket }).socket;
    const known = socket ? facts.get(socket) : undefined;
    // Another client's request (or node's own fetch) uses the same channel: ignore its sockets.
    if (!known) return;
    awaitingSocket?.(known);
    awaitingSocket = undefined;
  };
  diagnosticsChannel.subscribe(SEND_HEADERS_CHANNEL, onSendHeaders);
  let closed = false;

  async function request(req: HttpRequest): Promise<HttpResponse> {
    if (closed) throw new HttpError('ABORTED', req.url, 'HTTP client is closed');
    const target = resolveTarget(req.url, opts.ports);
    const method = (req.method ?? 'GET').toUpperCase();
    const deadlineMs = req.timeoutMs ?? timeoutMs;
    const cap = req.maxBodyBytes ?? maxBodyBytes;
    if (req.signal?.aborted) throw new HttpError('ABORTED', req.url, 'aborted by the caller before sending');

    // One controller for everything that can end the exchange early; its reason says why.
    const stop = new AbortController();
    const timer = setTimeout(
      () => stop.abort(new HttpError('TIMEOUT', req.url, `no complete response within ${deadlineMs} ms`)),
      deadlineMs,
    );
    const onCallerAbort = (): void => stop.abort(new HttpError('ABORTED', req.url, 'aborted by the caller'));
    req.signal?.addEventListener('abort', onCallerAbort, { once: true });

    const started = performance.now();
    let socketFacts: SocketFacts | undefined;
    const dispatchOptions: Dispatcher.DispatchOptions = {
      origin: target.origin,
      path: target.path,
      method,
      headers: requestHeaders(target.url, req.headers, userAgent),
      body: req.body ?? null,
      // Backstops only: the deadline above is what normally fires.
      headersTimeout: deadlineMs,
      bodyTimeout: deadlineMs,
    };
    try {
      const head = await dispatchExchange(req.verifyTls ? agents.verified : agents.lenient, dispatchOptions, {
        signal: stop.signal,
        onWrite: () => {
          awaitingSocket = (f) => (socketFacts = f);
        },
      });
      const length = declaredLength(head.headers);
      if (hasBody(method, head.status) && length !== undefined && length > cap) {
        head.body.destroy();
        throw new HttpError('BODY_TOO_LARGE', req.url, `Content-Length ${length} exceeds the ${cap}-byte cap`);
      }
      const encoding = head.headers['content-encoding'];
      const body = await readBody(head.body, {
        contentEncoding: Array.isArray(encoding) ? encoding.join(', ') : encoding,
        maxBytes: cap,
        signal: stop.signal,
      });
      const ended = performance.now();
      return {
        url: req.url,
        status: head.status,
        headers: normalizeHeaders(head.headers),
        body,
        timings: { totalMs: ended - started, ttfbMs: Math.max(0, head.firstByteAt - started) },
        ...(socketFacts?.remoteAddress ? { remoteAddress: socketFacts.remoteAddress } : {}),
        ...(socketFacts?.tls ? { tls: socketFacts.tls } : {}),
      };
    } catch (err) {
      throw toHttpError(err, req.url, stop.signal);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return {
    request,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      diagnosticsChannel.unsubscribe(SEND_HEADERS_CHANNEL, onSendHeaders);
      await Promise.all([agents.verified.destroy(), agents.lenient.destroy()]);
    },
  };
}
