/**
 * The web-facing hosts: apex, www, app, admin, status and staging — redirects, pages and the
 * admin exposure, per TOPOLOGY.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostOf, redirect, sendHtml, type Headers } from './http-util.js';
import { adminUsersPage, appPage, dashboard, loginForm, marketingPage, statusPage, tasksScreen, type Variant } from './pages.js';

const LOGIN_FOR_ADMIN = 'https://app.acme.test/login?next=%2Fadmin';

function appScreens(variant: Variant, path: string, res: ServerResponse, headers: Headers, marker = '') {
  const page = (title: string, inner: string) => sendHtml(res, 200, appPage(variant, title, inner, marker), headers);
  switch (path) {
    case '/': return page('Dashboard', dashboard);
    case '/login': return page('Sign in', loginForm(variant));
    case '/tasks': return page('Tasks', tasksScreen);
    case '/admin':
      if (variant === 'fixed') return redirect(res, 302, LOGIN_FOR_ADMIN, headers);
      return sendHtml(res, 200, adminUsersPage, headers);
    default:
      return sendHtml(res, 404, appPage(variant, 'Not found', '<h1>Not found</h1>', marker), headers);
  }
}

/** Handles a front host; returns false when the host is not one of them. */
export function handleFront(
  variant: Variant,
  req: IncomingMessage,
  res: ServerResponse,
  scheme: 'http' | 'https',
  headers: Headers,
): boolean {
  const host = hostOf(req);
  const url = new URL(req.url ?? '/', `${scheme}://${host}`);
  const pathAndQuery = `${url.pathname}${url.search}`;
  const fixed = variant === 'fixed';
  const toHttpsSameHost = () => redirect(res, 301, `https://${host}${pathAndQuery}`, headers);

  switch (host) {
    case 'acme.test':
      if (fixed) redirect(res, 301, `https://app.acme.test${pathAndQuery}`, headers);
      else if (scheme === 'http') redirect(res, 302, 'http://www.acme.test/', headers);
      else sendHtml(res, 200, marketingPage, headers);
      return true;
    case 'www.acme.test':
      if (fixed) redirect(res, 301, `https://app.acme.test${pathAndQuery}`, headers);
      else if (scheme === 'http') toHttpsSameHost();
      else redirect(res, 302, 'https://app.acme.test/', headers);
      return true;
    case 'app.acme.test':
      if (scheme === 'http' && fixed) toHttpsSameHost();
      else appScreens(variant, url.pathname, res, headers);
      return true;
    case 'staging.acme.test':
      if (scheme === 'http') toHttpsSameHost();
      else appScreens(variant, url.pathname, res, headers, ' (staging)');
      return true;
    case 'admin.acme.test':
      if (scheme === 'http') toHttpsSameHost();
      else if (fixed) redirect(res, 302, LOGIN_FOR_ADMIN, headers);
      else sendHtml(res, 200, adminUsersPage, headers);
      return true;
    case 'status.acme.test':
      if (scheme === 'http') toHttpsSameHost();
      else sendHtml(res, 200, statusPage, headers);
      return true;
    default:
      return false;
  }
}
