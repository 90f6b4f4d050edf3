/**
 * Reports and sync: the summary every dashboard loads, and `GET /api/sync?since=<version>` that
 * mobile clients poll. `default` returns every change since `since` in one answer; `fixed` caps a
 * batch and hands out the next version to ask for.
 */
import { sendJson } from '../respond.js';
import type { ApiContext, ApiRoute } from './api-route.js';
import { privateDataHeaders } from './edge.js';
import { clientError, notAnInteger } from './errors.js';
import { PAGE_MAX } from './tasks.js';

function summary(ctx: ApiContext): void {
  const { tasks, approvals } = ctx.state;
  const done = tasks.filter((t) => t.done).length;
  sendJson(ctx, 200, {
    tasks: { open: tasks.length - done, done },
    approvals: { pending: approvals.filter((a) => a.state === 'pending').length },
    generatedAt: ctx.now().toISOString(),
  }, privateDataHeaders(ctx));
}

function sync(ctx: ApiContext): void {
  const sinceText = ctx.url.searchParams.get('since') ?? '0';
  if (!/^\d{1,9}$/.test(sinceText)) {
    if (ctx.variant === 'fixed') return clientError(ctx, 'since must be a non-negative integer');
    return notAnInteger(ctx, 'since', sinceText, `SELECT * FROM tasks WHERE version > '${sinceText}' ORDER BY version`);
  }
  const since = Number(sinceText);
  const changed = ctx.state.tasks.filter((t) => t.version > since).sort((a, b) => a.version - b.version);
  if (ctx.variant === 'default') return sendJson(ctx, 200, { changes: changed, version: ctx.state.version }, privateDataHeaders(ctx));
  const batch = changed.slice(0, PAGE_MAX);
  const more = changed.length > batch.length;
  const version = more ? batch[batch.length - 1].version : ctx.state.version;
  sendJson(ctx, 200, { changes: batch, version, more }, privateDataHeaders(ctx));
}

export const reportRoutes: readonly ApiRoute[] = [
  { method: 'GET', pattern: /^\/api\/reports\/summary$/, access: 'user', handle: summary },
  { method: 'GET', pattern: /^\/api\/sync$/, access: 'user', handle: sync },
];
