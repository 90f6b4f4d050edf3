/**
 * The HTML sites: the app (and its staging copy), the marketing apex and the status page. The
 * app's screens are `/`, `/login` and `/tasks`; its sign-in form works (a session cookie, with
 * `Secure; HttpOnly; SameSite` only in `fixed`), and `/static/*` serves the logo (the
 * fingerprinted bundles live under `/assets/`, `routes/assets.ts`).
 */
import type { RequestContext } from '../context.js';
import { readBody } from '../body.js';
import { ADMIN_LOGIN } from '../hosts.js';
import { redirect, sendHtml, sendText } from '../respond.js';
import {
  adminUsersPage, appPage, dashboardScreen, loginScreen, marketingPage, notFoundPage, STATIC_FILES, statusPage, tasksScreen,
} from '../views.js';
import { DEMO_USER, issueToken } from './auth.js';
import { pageCacheHeaders, staticAssetHeaders } from './edge.js';

const FORM_LIMIT = 64 * 1024;

const isRead = (ctx: RequestContext) => ctx.req.method === 'GET' || ctx.req.method === 'HEAD';

function page(ctx: RequestContext, status: number, title: string, main: string, environment?: string): void {
  sendHtml(ctx, status, appPage({ variant: ctx.variant, title, main, environment }), pageCacheHeaders(ctx));
}

/** Only same-site paths: `next=//evil.test` must not become an open redirect. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

function sessionCookie(ctx: RequestContext, token: string): string {
  return ctx.variant === 'fixed' ? `session=${token}; Path=/; Secure; HttpOnly; SameSite=Lax` : `session=${token}; Path=/`;
}

function sessionUser(ctx: RequestContext): string | undefined {
  const match = /(?:^|;\s*)session=([0-9a-f]+)/.exec(String(ctx.req.headers.cookie ?? ''));
  return match ? ctx.state.tokens.get(match[1]) : undefined;
}

async function readForm(ctx: RequestContext): Promise<URLSearchParams | undefined> {
  const body = await readBody(ctx.req, FORM_LIMIT);
  if (!body.ok) {
    sendText(ctx, 413, 'form too large');
    return undefined;
  }
  return new URLSearchParams(body.text);
}

async function signIn(ctx: RequestContext, environment?: string): Promise<void> {
  const form = await readForm(ctx);
  if (!form) return;
  const next = safeNext(form.get('next'));
  if (form.get('email')?.toLowerCase() === DEMO_USER.email && form.get('password') === DEMO_USER.password) {
    const token = issueToken(ctx, DEMO_USER.email);
    return redirect(ctx, 303, next, { 'set-cookie': sessionCookie(ctx, token), 'cache-control': 'no-store' });
  }
  page(ctx, 401, 'Sign in', loginScreen(ctx.variant, next, 'Wrong e-mail or password.'), environment);
}

async function quickAdd(ctx: RequestContext): Promise<void> {
  const form = await readForm(ctx);
  if (!form) return;
  const title = form.get('title')?.trim() ?? '';
  if (!sessionUser(ctx)) return redirect(ctx, 303, '/login?next=%2Ftasks');
  if (title !== '' && title.length <= 200) {
    const state = ctx.state;
    state.tasks.push({ id: state.nextTaskId++, title, done: false, updatedAt: ctx.now().toISOString(), version: ++state.version });
  }
  redirect(ctx, 303, '/tasks');
}

/** The app host (`environment` set on the staging copy, which shows a banner). */
export async function appSite(ctx: RequestContext, environment?: string): Promise<void> {
  const path = ctx.url.pathname;
  const asset = STATIC_FILES[path];
  if (asset && isRead(ctx)) return void ctx.res.writeHead(200, { 'content-type': asset.type, ...ctx.headers, ...staticAssetHeaders(ctx) }).end(asset.body);
  if (ctx.req.method === 'POST' && path === '/login') return signIn(ctx, environment);
  if (ctx.req.method === 'POST' && path === '/tasks') return quickAdd(ctx);
  if (!isRead(ctx)) return sendText(ctx, 405, 'method not allowed', { allow: 'GET, HEAD, POST' });

  const tasks = ctx.state.tasks;
  switch (path) {
    case '/': return page(ctx, 200, 'Dashboard', dashboardScreen(ctx.variant, tasks), environment);
    case '/tasks': return page(ctx, 200, 'Tasks', tasksScreen(ctx.variant, tasks), environment);
    case '/login': return page(ctx, 200, 'Sign in', loginScreen(ctx.variant, safeNext(ctx.url.searchParams.get('next'))), environment);
    case '/admin':
      if (ctx.variant === 'fixed' && !sessionUser(ctx)) return redirect(ctx, 302, ADMIN_LOGIN);
      return sendHtml(ctx, 200, adminUsersPage(ctx.state.users), pageCacheHeaders(ctx));
    default:
      return page(ctx, 404, 'Not found', '<h1>Not found</h1>', environment);
  }
}

/** The apex in `default`: a marketing page instead of a redirect to the app. */
export function marketingSite(ctx: RequestContext): void {
  if (ctx.url.pathname === '/') return sendHtml(ctx, 200, marketingPage, pageCacheHeaders(ctx));
  sendHtml(ctx, 404, notFoundPage);
}

export function statusSite(ctx: RequestContext): void {
  if (ctx.url.pathname === '/') return sendHtml(ctx, 200, statusPage(ctx.now()), { 'cache-control': 'public, max-age=30' });
  sendHtml(ctx, 404, notFoundPage);
}
