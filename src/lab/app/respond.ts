/** Response helpers: every answer carries the request's shared headers (edge, HSTS, CORS). */
import type { IncomingMessage } from 'node:http';
import type { Headers, RequestContext } from './context.js';

/** The `Host` header as the routing table knows it: no port, no trailing dot, lower case. */
export function hostOf(req: IncomingMessage): string {
  const raw = String(req.headers.host ?? '').trim().toLowerCase();
  // `[::1]:8080` keeps its brackets; only a trailing `:port` goes.
  return raw.replace(/:\d*$/, '').replace(/\.$/, '');
}

function send(ctx: RequestContext, status: number, type: string, body: string, extra: Headers) {
  ctx.res.writeHead(status, { 'content-type': type, ...ctx.headers, ...extra }).end(body);
}

export function sendJson(ctx: RequestContext, status: number, body: unknown, extra: Headers = {}) {
  send(ctx, status, 'application/json; charset=utf-8', JSON.stringify(body), extra);
}

export function sendHtml(ctx: RequestContext, status: number, html: string, extra: Headers = {}) {
  send(ctx, status, 'text/html; charset=utf-8', html, extra);
}

export function sendText(ctx: RequestContext, status: number, text: string, extra: Headers = {}) {
  send(ctx, status, 'text/plain; charset=utf-8', text, extra);
}

export function redirect(ctx: RequestContext, status: number, location: string, extra: Headers = {}) {
  send(ctx, status, 'text/html; charset=utf-8', `<a href="${escapeHtml(location)}">Moved</a>\n`, { location, ...extra });
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
