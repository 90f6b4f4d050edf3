/** Small response helpers for the lab app: it is plain node:http so any lab listener can mount it. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Headers = Record<string, string | number | string[]>;

export const hostOf = (req: IncomingMessage) => String(req.headers.host ?? '').replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(html);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text);
}

export function redirect(res: ServerResponse, status: number, location: string, headers: Headers = {}) {
  res.writeHead(status, { location, 'content-type': 'text/html; charset=utf-8', ...headers }).end(`<a href="${location}">moved</a>`);
}

/** Bodies above the limit are drained (bounded) so the client sees an answer, not a reset. */
const DRAIN_LIMIT = 8 * 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true; size: number };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    const done = () => resolve(size > limit ? { ok: false, tooLarge: true, size } : { ok: true, text: Buffer.concat(chunks).toString('utf8') });
    req.on('end', done);
    req.on('error', done);
    req.on('close', done);
  });
}
