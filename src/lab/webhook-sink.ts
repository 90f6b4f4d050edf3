/** A webhook receiver on loopback that records every delivery, for notifier and alert-channel tests. */
import { EventEmitter, once } from 'node:events';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './listen.js';

export interface RecordedRequest {
  method: string;
  /** Path and query as requested. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text (cut at the size limit; see `truncated`). */
  body: string;
  /** True when the body was larger than the limit; such requests are answered 413. */
  truncated: boolean;
  at: Date;
}

export interface WebhookReply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface WebhookSinkOptions {
  host?: string;
  port?: number;
  /** Decides each answer (default 200 `ok`); may be async, e.g. to simulate a slow endpoint. */
  respond?: (req: RecordedRequest) => WebhookReply | Promise<WebhookReply>;
  /** Default 1 MB. */
  maxBodyBytes?: number;
  /** Only the newest requests are kept. Default 1000. */
  maxRequests?: number;
  now?: () => Date;
}

export interface WebhookSink {
  host: string;
  port: number;
  /** `http://host:port`, no trailing slash: append the path you configure. */
  url: string;
  requests(): RecordedRequest[];
  /** Resolves with the first request matching `predicate`, or rejects after `timeoutMs`. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs: number): Promise<RecordedRequest>;
  clear(): void;
  stop(): Promise<void>;
}

/** Starts the sink on `host` (default 127.0.0.1) and `port` (default 0: a free one). */
export async function startWebhookSink(opts: WebhookSinkOptions = {}): Promise<WebhookSink> {
  const maxBody = opts.maxBodyBytes ?? 1024 * 1024;
  const maxRequests = opts.maxRequests ?? 1000;
  const now = opts.now ?? (() => new Date());
  const recorded: RecordedRequest[] = [];
  const arrivals = new EventEmitter().setMaxListeners(0);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      const kept = Math.min(size, maxBody);
      size += chunk.length;
      if (kept < maxBody) chunks.push(chunk.subarray(0, maxBody - kept));
      // Keep reading (and discarding) past the limit so the sender sees a 413, not a reset.
      if (size > 8 * maxBody) req.destroy();
    });
    req.on('end', () => {
      const entry: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        truncated: size > maxBody,
        at: now(),
      };
      recorded.push(entry);
      if (recorded.length > maxRequests) recorded.splice(0, recorded.length - maxRequests);
      arrivals.emit('request');
      const reply = entry.truncated
        ? Promise.resolve<WebhookReply>({ status: 413, body: 'payload too large' })
        : Promise.resolve().then(() => opts.respond?.(entry) ?? { status: 200, body: 'ok' });
      reply
        .catch((): WebhookReply => ({ status: 500, body: 'respond() failed' }))
        .then((r) => {
          if (!res.destroyed) res.writeHead(r.status, { 'content-type': 'text/plain; charset=utf-8', ...r.headers }).end(r.body ?? '');
        });
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    host,
    port,
    url: `http://${host}:${port}`,
    requests: () => [...recorded],
    async waitFor(predicate, timeoutMs) {
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      try {
        // Bounded by the timer: each arrival re-checks, the abort ends the wait.
        for (;;) {
          const hit = recorded.find(predicate);
          if (hit) return hit;
          await once(arrivals, 'request', { signal: timeout.signal });
        }
      } catch (err) {
        if (timeout.signal.aborted) throw new Error(`no matching request within ${timeoutMs} ms`);
        throw err;
      } finally {
        clearTimeout(timer);
      }
    },
    clear: () => {
      recorded.length = 0;
    },
    stop: () => closeServer(server),
  };
}
