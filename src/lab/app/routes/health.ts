/**
 * Readiness: `fixed` reports its dependencies (`deploy.health-endpoint`); `default` has no
 * endpoint at all (404).
 */
import { sendJson } from '../respond.js';
import type { ApiContext, ApiRoute } from './api-route.js';
import { notFound } from './errors.js';

function health(ctx: ApiContext): void {
  if (ctx.variant === 'default') return notFound(ctx);
  sendJson(ctx, 200, { status: 'ok', checks: { database: 'ok', queue: 'ok' } }, { 'cache-control': 'no-store' });
}

export const healthRoutes: readonly ApiRoute[] = [
  { method: 'GET', pattern: /^\/health$/, access: 'public', handle: health },
];
