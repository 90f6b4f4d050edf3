/** A webhook receiver on loopback that records every delivery, for alert-channel tests. */
import http, { type IncomingMessage } from 'node:http';
import { closeServer } from './listen.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: Date;
}

const MAX_BODY = 1024 * 1024;

export async function startWebhookSink(opts: {
  host?: string;
  port?: number;
  respond?: (req: RecordedRequest) => { status: number; body?: string };
}) {
  const recorded: RecordedRequest[] = [];
  const waiters = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const entry: RecordedRequest = {
        method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: new Date(),
      };
      recorded.push(entry);
      for (const wake of waiters) wake();
      const answer = opts.respond?.(entry) ?? { status: 200, body: 'ok' };
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host,
    port,
    url: `http://${host}:${port}`,
    requests: (): RecordedRequest[] => [...recorded],
    waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs: number): Promise<RecordedRequest> {
      return new Promise((resolve, reject) => {
        const wake = () => {
          const hit = recorded.find(predicate);
          if (hit) {
            cleanup();
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
        wake();
      });
    },
    stop: () => closeServer(server),
  };
}
