/**
 * The JSON API on api.acme.test: login, tasks, approvals, reports, sync, admin, health — with
 * CORS, rate limiting and error handling done wrong in `default` and right in `fixed`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendHtml, sendJson, sendText, type Headers } from './http-util.js';
import { nginxWelcome, type Variant } from './pages.js';
import type { AppState } from './state.js';
import { leakyParseError, leakyPayloadTooLarge, leakySqlError } from './leaks.js';

const BODY_LIMIT = 1024 * 1024;
const APP_ORIGIN = 'https://app.acme.test';
const LOGIN_WINDOW_MS = 60_000;
const LOGIN_ATTEMPTS = 10;

export interface ApiContext {
  variant: Variant;
  state: AppState;
  now: () => Date;
}

function corsHeaders(variant: Variant, req: IncomingMessage): Headers {
  const origin = req.headers.origin;
  if (!origin) return {};
  if (variant === 'default' || origin === APP_ORIGIN) {
    return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
  }
  return { vary: 'Origin' };
}

type Json = { ok: true; value: any } | { ok: false; status: number; send: () => void };

async function jsonBody(c: ApiContext, req: IncomingMessage, res: ServerResponse, h: Headers): Promise<Json> {
  const body = await readBody(req, BODY_LIMIT);
  const fixed = c.variant === 'fixed';
  if (!body.ok) {
    return { ok: false, status: 413, send: () => (fixed
      ? sendJson(res, 413, { error: 'request body too large (max 1 MB)' }, h)
      : sendText(res, 500, leakyPayloadTooLarge(body.size), h)) };
  }
  try {
    return { ok: true, value: body.text ? JSON.parse(body.text) : {} };
  } catch (err) {
    return { ok: false, status: 400, send: () => (fixed
      ? sendJson(res, 400, { error: 'invalid JSON body' }, h)
      : sendText(res, 500, leakyParseError((err as Error).message), h)) };
  }
}

function authorized(c: ApiContext, req: IncomingMessage): boolean {
  const m = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''));
  return Boolean(m && c.state.tokens.has(m[1]));
}

async function login(c: ApiContext, req: IncomingMessage, res: ServerResponse, h: Headers) {
  const body = await jsonBody(c, req, res, h);
  if (!body.ok) return body.send();
  const email = String(body.value?.email ?? '');
  if (c.variant === 'fixed') {
    // Per client and account, like most brute-force guards: a probe account cannot lock a real one.
    const key = `${req.socket.remoteAddress}|${email}`;
    const now = c.now().getTime();
    const recent = (c.state.loginAttempts.get(key) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);
    recent.push(now);
    c.state.loginAttempts.set(key, recent);
    if (recent.length > LOGIN_ATTEMPTS) return sendJson(res, 429, { error: 'too many attempts, try again later' }, { ...h, 'retry-after': '60' });
  }
  if (email === 'a@acme.test' && body.value?.password === 'demo-password') {
    const token = randomBytes(16).toString('hex');
    c.state.tokens.add(token);
    return sendJson(res, 200, { token, user: { email } }, h);
  }
  return sendJson(res, 401, { error: 'invalid credentials' }, h);
}

async function createTask(c: ApiContext, req: IncomingMessage, res: ServerResponse, h: Headers) {
  const body = await jsonBody(c, req, res, h);
  if (!body.ok) return body.send();
  const title = body.value?.title;
  if (typeof title !== 'string' || Array.isArray(body.value)) {
    return c.variant === 'fixed'
      ? sendJson(res, 400, { error: 'title must be a string' }, h)
      : sendJson(res, 500, leakySqlError(`INSERT INTO tasks (title) VALUES ('${String(title)}')`), h);
  }
  const task = { id: c.state.nextId++, title, done: false };
  c.state.tasks.push(task);
  return sendJson(res, 201, task, h);
}

async function taskById(c: ApiContext, idText: string, req: IncomingMessage, res: ServerResponse, h: Headers) {
  if (!/^\d+$/.test(idText)) {
    return c.variant === 'fixed'
      ? sendJson(res, 400, { error: 'id must be an integer' }, h)
      : sendJson(res, 500, leakySqlError(`SELECT * FROM tasks WHERE id = '${decodeURIComponent(idText)}'`), h);
  }
  const task = c.state.tasks.find((t) => t.id === Number(idText));
  if (!task) return sendJson(res, 404, { error: 'task not found' }, h);
  if (req.method === 'PATCH') {
    const body = await jsonBody(c, req, res, h);
    if (!body.ok) return body.send();
    if (typeof body.value?.done === 'boolean') task.done = body.value.done;
    if (typeof body.value?.title === 'string') task.title = body.value.title;
  }
  return sendJson(res, 200, task, h);
}

/** Routes one request on the API host. */
export async function handleApi(c: ApiContext, req: IncomingMessage, res: ServerResponse, base: Headers) {
  const h = { ...base, ...corsHeaders(c.variant, req) };
  const url = new URL(req.url ?? '/', 'https://api.acme.test');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';

  if (method === 'OPTIONS') {
    const allow = h['access-control-allow-origin']
      ? { 'access-control-allow-methods': 'GET, POST, PATCH, DELETE', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' }
      : {};
    res.writeHead(204, { ...h, ...allow }).end();
    return;
  }
  if (path === '/') {
    return c.variant === 'fixed' ? sendJson(res, 200, { name: 'acme-api', version: '1.4.2' }, h) : sendHtml(res, 200, nginxWelcome, h);
  }
  if (path === '/health') {
    return c.variant === 'fixed'
      ? sendJson(res, 200, { status: 'ok', checks: { database: 'ok', queue: 'ok' } }, h)
      : sendJson(res, 404, { error: 'not found' }, h);
  }
  if (path === '/api/login' && method === 'POST') return login(c, req, res, h);
  if (path === '/api/admin/users') {
    if (c.variant === 'fixed' && !authorized(c, req)) return sendJson(res, 401, { error: 'authentication required' }, h);
    return sendJson(res, 200, { users: [{ email: 'a@acme.test', role: 'admin' }, { email: 'b@acme.test', role: 'member' }] }, h);
  }
  if (!path.startsWith('/api/')) return sendJson(res, 404, { error: 'not found' }, h);
  if (!authorized(c, req)) return sendJson(res, 401, { error: 'authentication required' }, h);

  const taskMatch = /^\/api\/tasks\/([^/]+)$/.exec(path);
  if (path === '/api/tasks' && method === 'GET') return sendJson(res, 200, { tasks: c.state.tasks }, h);
  if (path === '/api/tasks' && method === 'POST') return createTask(c, req, res, h);
  if (taskMatch && (method === 'GET' || method === 'PATCH')) return taskById(c, taskMatch[1], req, res, h);
  if (path === '/api/approvals' && method === 'GET') return sendJson(res, 200, { approvals: c.state.approvals }, h);
  const approve = /^\/api\/approvals\/(\d+)\/approve$/.exec(path);
  if (approve && method === 'POST') {
    const a = c.state.approvals.find((x) => x.id === Number(approve[1]));
    if (!a) return sendJson(res, 404, { error: 'approval not found' }, h);
    a.state = 'approved';
    return sendJson(res, 200, a, h);
  }
  if (path === '/api/reports/summary') {
    const done = c.state.tasks.filter((t) => t.done).length;
    return sendJson(res, 200, { open: c.state.tasks.length - done, done }, h);
  }
  if (path === '/api/sync') return sendJson(res, 200, { changes: c.state.tasks.slice(0, 10), next: String(c.state.nextId) }, h);
  return sendJson(res, 404, { error: 'not found' }, h);
}
