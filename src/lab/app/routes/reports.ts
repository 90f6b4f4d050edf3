/**
 * Reports and sync: the summary every dashboard loads, the PDF export, and
 * `GET /api/sync?since=<version>` that mobile clients poll.
 *
 * The performance scenario (TOPOLOGY.md, "Performance and caching"): in `default` the summary
 * recomputes everything on each call (a fixed 450 ms) and the export renders and mails the PDF
 * inside the request (a fixed 1,100 ms); `fixed` answers the summary at once with a validator
 * (304 on `If-None-Match`) and queues the export (202 + `Location` of the job). Delays are real
 * timers, so a slow request never holds up the others. `default` sync returns every change since
 * `since` in one answer; `fixed` caps a batch and hands out the next version to ask for.
 */
import { createHash } from 'node:crypto';
import type { Headers } from '../context.js';
import { sendJson } from '../respond.js';
import type { ApiContext, ApiRoute } from './api-route.js';
import { matchesIfNoneMatch, privateDataHeaders } from './edge.js';
import { bodyObject, clientError, notAnInteger, notFound, sqlLiteral, wrongType } from './errors.js';
import { PAGE_MAX } from './tasks.js';

/** How long the unoptimised summary query takes (above the 300 ms read budget). */
export const SUMMARY_DELAY_MS = 450;
/** How long rendering and mailing a PDF inline takes (above the 800 ms write budget). */
export const EXPORT_DELAY_MS = 1_100;
const EXPORT_FORMATS = new Set(['pdf', 'csv']);
/** Queued jobs kept in memory, so a long benchmark cannot grow the map without end. */
const MAX_JOBS = 1_000;

/** Waits on a real timer; unref'd so a pending answer never keeps a stopping process alive. */
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** A weak validator over what the summary says (not when it was generated): equal counts, equal tag. */
function summaryTag(counts: unknown): string {
  return `W/"summary-${createHash('sha256').update(JSON.stringify(counts)).digest('hex').slice(0, 16)}"`;
}

async function summary(ctx: ApiContext): Promise<void> {
  const { tasks, approvals } = ctx.state;
  const done = tasks.filter((t) => t.done).length;
  const counts = { tasks: { open: tasks.length - done, done }, approvals: { pending: approvals.filter((a) => a.state === 'pending').length } };
  if (ctx.variant === 'default') {
    await delay(SUMMARY_DELAY_MS);
    return sendJson(ctx, 200, { ...counts, generatedAt: ctx.now().toISOString() }, privateDataHeaders(ctx));
  }
  const etag = summaryTag(counts);
  // Per-user data: browsers may keep it briefly, shared caches never; Authorization varies it.
  const cache: Headers = { etag, 'cache-control': 'private, max-age=30', vary: 'Origin, Authorization' };
  if (matchesIfNoneMatch(ctx.req.headers['if-none-match'], etag)) {
    ctx.res.writeHead(304, { ...ctx.headers, ...cache }).end();
    return;
  }
  sendJson(ctx, 200, { ...counts, generatedAt: ctx.now().toISOString() }, cache);
}

async function exportReport(ctx: ApiContext): Promise<void> {
  const body = bodyObject(ctx);
  if (!body) return;
  const format = body.format ?? 'pdf';
  if (typeof format !== 'string') {
    return wrongType(ctx, 'format', 'string', format, `INSERT INTO report_exports (format) VALUES (${sqlLiteral(format)})`);
  }
  if (ctx.variant === 'fixed' && !EXPORT_FORMATS.has(format)) return clientError(ctx, 'format must be pdf or csv');
  if (ctx.variant === 'default') {
    await delay(EXPORT_DELAY_MS);
    return sendJson(ctx, 200, { status: 'sent' }, { 'cache-control': 'no-store' });
  }
  const { jobs } = ctx.state;
  if (jobs.size >= MAX_JOBS) jobs.delete(jobs.keys().next().value!);
  const id = `exp_${ctx.state.nextJobId++}`;
  jobs.set(id, { id, format, queuedAt: ctx.now().toISOString(), user: ctx.user ?? '' });
  sendJson(ctx, 202, { job: id, status: 'queued' }, { location: `/api/jobs/${id}`, 'cache-control': 'no-store' });
}

function job(ctx: ApiContext, [id]: string[]): void {
  const found = ctx.state.jobs.get(id);
  if (!found || found.user !== ctx.user) return notFound(ctx, 'job not found');
  // The lab has no worker: a queued export counts as done once asked about.
  sendJson(ctx, 200, { job: found.id, status: 'done', format: found.format, queuedAt: found.queuedAt }, { 'cache-control': 'private, no-store' });
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
  { method: 'POST', pattern: /^\/api\/reports\/export$/, access: 'user', handle: exportReport },
  { method: 'GET', pattern: /^\/api\/jobs\/([^/]+)$/, access: 'user', handle: job },
  { method: 'GET', pattern: /^\/api\/sync$/, access: 'user', handle: sync },
];
