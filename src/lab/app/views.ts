/**
 * The app's HTML. The screens are the same in both variants; only the layout's subresources
 * differ: `default` loads a script, a stylesheet, an image and an iframe over plain http:// and
 * posts its forms to http:// (`https.mixed-content`), and blocks rendering on a slow third-party
 * widget (`web.third-party`, `web.lighthouse`); `fixed` uses https:// or same-origin paths and
 * loads the widget `async`.
 */
import type { Variant } from './context.js';
import { escapeHtml } from './respond.js';
import { APP_ASSETS } from './routes/assets.js';
import type { Task, User } from './state.js';

/** Fingerprinted asset names (`routes/assets.ts` serves them), long-lived in `fixed` (`cache.intentional`). */
export const ASSETS = APP_ASSETS;

/** The third-party widget every layout loads (scenarios/widgets.ts serves it, slowly). */
export const WIDGET_SCRIPT = 'https://cdn.widgets.test/widget.js';

/** The (deliberately insecure) third-party URLs of the `default` layout. */
export const INSECURE = {
  script: 'http://cdn.widgets.test/w.js',
  stylesheet: 'http://cdn.widgets.test/w.css',
  image: 'http://img.acme.test/logo.png',
  iframe: 'http://help.widgets.test/chat',
  formAction: 'http://app.acme.test',
};

function head(variant: Variant, title: string): string {
  const assets = variant === 'fixed'
    // The widget still loads, but `async`: it no longer holds up the first paint.
    ? `<link rel="stylesheet" href="${ASSETS.css}">
  <script src="${ASSETS.js}" defer></script>
  <script src="${WIDGET_SCRIPT}" async></script>`
    // A classic script in <head> without async/defer: nothing renders until the vendor answers.
    : `<link rel="stylesheet" href="${ASSETS.css}">
  <link rel="stylesheet" href="${INSECURE.stylesheet}">
  <script src="${INSECURE.script}"></script>
  <script src="${WIDGET_SCRIPT}"></script>
  <script src="${ASSETS.js}" defer></script>`;
  return `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  ${assets}
</head>`;
}

/** Where a form posts: same-origin in `fixed`, an absolute http:// URL in `default`. */
export function formAction(variant: Variant, path: string): string {
  return variant === 'fixed' ? path : `${INSECURE.formAction}${path}`;
}

export interface PageOptions {
  variant: Variant;
  title: string;
  /** Shown as a banner and in the title on the staging copy of the app. */
  environment?: string;
  main: string;
}

/** The app layout around one screen. */
export function appPage(opts: PageOptions): string {
  const { variant, environment } = opts;
  const title = `${opts.title} · Acme Ops${environment ? ` (${environment})` : ''}`;
  const logo = variant === 'fixed' ? '/static/logo.svg' : INSECURE.image;
  const help = variant === 'fixed' ? 'https://help.widgets.test/chat' : INSECURE.iframe;
  const banner = environment ? `\n  <div class="env-banner" data-environment="${escapeHtml(environment)}">${escapeHtml(environment)} environment</div>` : '';
  return `<!doctype html>
<html lang="en">${head(variant, title)}
<body>${banner}
  <header><img src="${logo}" alt="Acme Ops" width="120" height="32">
    <nav><a href="/">Dashboard</a> <a href="/tasks">Tasks</a> <a href="/login">Sign in</a></nav></header>
  <main>${opts.main}</main>
  <iframe src="${help}" title="Help chat" loading="lazy"></iframe>
</body></html>
`;
}

function taskItems(tasks: Task[], limit: number): string {
  return tasks.slice(0, limit).map((t) => `<li data-id="${t.id}">${t.done ? '✓ ' : ''}${escapeHtml(t.title)}</li>`).join('');
}

function quickAdd(variant: Variant): string {
  return `<form method="post" action="${formAction(variant, '/tasks')}"><input name="title" aria-label="New task"><button>Add</button></form>`;
}

export function dashboardScreen(variant: Variant, tasks: Task[]): string {
  const open = tasks.filter((t) => !t.done);
  return `<h1>Dashboard</h1><p>${open.length} open tasks</p>${quickAdd(variant)}<ul id="tasks">${taskItems(open, 10)}</ul>`;
}

export function tasksScreen(variant: Variant, tasks: Task[]): string {
  return `<h1>Tasks</h1>${quickAdd(variant)}<ul id="tasks">${taskItems(tasks, 50)}</ul>`;
}

export function loginScreen(variant: Variant, next: string, error?: string): string {
  return `<h1>Sign in</h1>${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
  <form method="post" action="${formAction(variant, '/login')}">
    <input type="hidden" name="next" value="${escapeHtml(next)}">
    <label>E-mail <input type="email" name="email" autocomplete="username"></label>
    <label>Password <input type="password" name="password" autocomplete="current-password"></label>
    <button>Sign in</button>
  </form>`;
}

export function adminUsersPage(users: User[]): string {
  const rows = users.map((u) => `<tr><td>${escapeHtml(u.email)}</td><td>${escapeHtml(u.name)}</td><td>${u.role}</td><td><button>Delete user</button></td></tr>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Admin · Users · Acme Ops</title></head>
<body><h1>Admin: users</h1><table id="users"><tr><th>E-mail</th><th>Name</th><th>Role</th><th></th></tr>${rows}</table>
<p><a href="/settings">Settings</a> · <a href="/audit-log">Audit log</a></p></body></html>
`;
}

export const marketingPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Ops: operations, handled</title></head>
<body><h1>Acme Ops</h1><p>Run approvals, tasks and reports in one place.</p>
<a href="https://app.acme.test/login">Sign in</a></body></html>
`;

export function statusPage(now: Date): string {
  const components = ['App', 'API', 'Notifications'].map((c) => `<li>${c}: <strong>operational</strong></li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Ops status</title></head>
<body><h1>All systems operational</h1><ul>${components}</ul>
<p>Updated <time datetime="${now.toISOString()}">${now.toISOString()}</time></p></body></html>
`;
}

export const notFoundPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found · Acme Ops</title></head>
<body><h1>Not found</h1></body></html>
`;

export const nginxWelcome = `<!DOCTYPE html>
<html><head><title>Welcome to nginx!</title></head>
<body><h1>Welcome to nginx!</h1><p>If you see this page, the nginx web server is successfully installed and working.</p></body></html>
`;

export const STATIC_FILES: Record<string, { type: string; body: string }> = {
  '/static/logo.svg': { type: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><text y="24">Acme Ops</text></svg>\n' },
};
