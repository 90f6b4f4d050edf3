/**
 * Tasks: list, create, read, update. `fixed` paginates the list (bounded `limit`, a cursor in
 * `next` and a `Link` header); `default` returns every row at once (`api.pagination`). Bad ids
 * and wrongly-typed fields go through `errors.ts` (a leak in `default`, a 400 in `fixed`).
 */
import type { Task } from '../state.js';
import { sendJson } from '../respond.js';
import type { ApiContext, ApiRoute } from './api-route.js';
import { privateDataHeaders } from './edge.js';
import { bodyObject, clientError, notAnInteger, notFound, sqlLiteral, wrongType } from './errors.js';

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 100;
const TITLE_MAX = 200;

/** `limit`/`after` of a paginated list, or an error message for the clean 400. */
export function pageOf(url: URL, defaultLimit = PAGE_DEFAULT): { limit: number; after: number } | { error: string } {
  const limitText = url.searchParams.get('limit');
  const afterText = url.searchParams.get('after');
  const limit = limitText === null ? defaultLimit : Number(limitText);
  const after = afterText === null ? 0 : Number(afterText);
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) return { error: `limit must be an integer from 1 to ${PAGE_MAX}` };
  if (!Number.isInteger(after) || after < 0) return { error: 'after must be a non-negative integer' };
  return { limit, after };
}

function listTasks(ctx: ApiContext): void {
  const cache = privateDataHeaders(ctx);
  if (ctx.variant === 'default') return sendJson(ctx, 200, { tasks: ctx.state.tasks }, cache);
  const page = pageOf(ctx.url);
  if ('error' in page) return clientError(ctx, page.error);
  const rows = ctx.state.tasks.filter((t) => t.id > page.after).slice(0, page.limit);
  const last = rows.at(-1);
  const more = last !== undefined && ctx.state.tasks.some((t) => t.id > last.id);
  const next = more ? `/api/tasks?limit=${page.limit}&after=${last.id}` : null;
  sendJson(ctx, 200, { tasks: rows, next }, { ...cache, ...(next ? { link: `<https://api.acme.test${next}>; rel="next"` } : {}) });
}

function createTask(ctx: ApiContext): void {
  const body = bodyObject(ctx);
  if (!body) return;
  const title = body.title;
  if (typeof title !== 'string') {
    return wrongType(ctx, 'title', 'string', title, `INSERT INTO tasks (title, done) VALUES (${sqlLiteral(title)}, false) RETURNING *`);
  }
  if (ctx.variant === 'fixed' && (title.trim() === '' || title.length > TITLE_MAX)) {
    return clientError(ctx, `title must be 1 to ${TITLE_MAX} characters`);
  }
  const state = ctx.state;
  const task: Task = { id: state.nextTaskId++, title, done: false, updatedAt: ctx.now().toISOString(), version: ++state.version };
  state.tasks.push(task);
  sendJson(ctx, 201, task, { location: `/api/tasks/${task.id}`, 'cache-control': 'no-store' });
}

/** Finds the task for an id segment, answering the request itself when it cannot. */
function findTask(ctx: ApiContext, idText: string): Task | undefined {
  if (!/^[1-9]\d{0,8}$/.test(idText)) {
    notAnInteger(ctx, 'task id', idText, `SELECT * FROM tasks WHERE id = '${idText}'`);
    return undefined;
  }
  const task = ctx.state.tasks.find((t) => t.id === Number(idText));
  if (!task) notFound(ctx, 'task not found');
  return task;
}

function getTask(ctx: ApiContext, [id]: string[]): void {
  const task = findTask(ctx, id);
  if (task) sendJson(ctx, 200, task, privateDataHeaders(ctx));
}

function patchTask(ctx: ApiContext, [id]: string[]): void {
  const task = findTask(ctx, id);
  if (!task) return;
  const body = bodyObject(ctx);
  if (!body) return;
  if ('title' in body && typeof body.title !== 'string') {
    return wrongType(ctx, 'title', 'string', body.title, `UPDATE tasks SET title = ${sqlLiteral(body.title)} WHERE id = ${task.id}`);
  }
  if ('done' in body && typeof body.done !== 'boolean') {
    return wrongType(ctx, 'done', 'boolean', body.done, `UPDATE tasks SET done = ${sqlLiteral(body.done)} WHERE id = ${task.id}`);
  }
  if (typeof body.title === 'string') task.title = body.title;
  if (typeof body.done === 'boolean') task.done = body.done;
  task.updatedAt = ctx.now().toISOString();
  task.version = ++ctx.state.version;
  sendJson(ctx, 200, task, { 'cache-control': 'no-store' });
}

export const taskRoutes: readonly ApiRoute[] = [
  { method: 'GET', pattern: /^\/api\/tasks$/, access: 'user', handle: listTasks },
  { method: 'POST', pattern: /^\/api\/tasks$/, access: 'user', handle: createTask },
  { method: 'GET', pattern: /^\/api\/tasks\/([^/]+)$/, access: 'user', handle: getTask },
  { method: 'PATCH', pattern: /^\/api\/tasks\/([^/]+)$/, access: 'user', handle: patchTask },
];
