/** Approvals: the list and the approve action (a write the baseline can time). */
import { sendJson } from '../respond.js';
import type { ApiContext, ApiRoute } from './api-route.js';
import { privateDataHeaders } from './edge.js';
import { notAnInteger, notFound } from './errors.js';

function approve(ctx: ApiContext, [idText]: string[]): void {
  if (!/^[1-9]\d{0,8}$/.test(idText)) {
    return notAnInteger(ctx, 'approval id', idText, `UPDATE approvals SET state = 'approved' WHERE id = '${idText}'`);
  }
  const approval = ctx.state.approvals.find((a) => a.id === Number(idText));
  if (!approval) return notFound(ctx, 'approval not found');
  if (approval.state !== 'approved') {
    approval.state = 'approved';
    approval.approvedAt = ctx.now().toISOString();
  }
  sendJson(ctx, 200, approval, { 'cache-control': 'no-store' });
}

export const approvalRoutes: readonly ApiRoute[] = [
  { method: 'GET', pattern: /^\/api\/approvals$/, access: 'user', handle: (ctx) => sendJson(ctx, 200, { approvals: ctx.state.approvals }, privateDataHeaders(ctx)) },
  { method: 'POST', pattern: /^\/api\/approvals\/([^/]+)\/approve$/, access: 'user', handle: approve },
];
