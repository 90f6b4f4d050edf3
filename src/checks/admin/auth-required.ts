/**
 * admin.auth-required: admin hosts and admin routes refuse anonymous visitors. One anonymous GET
 * each (no cookies, no token); a redirect is judged where it points, and followed only when it
 * stays on the origin without reaching a sign-in page (`/admin` → `/admin/`).
 */
import type { HttpResponse } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { CheckContext } from '../../core/types.js';
import { productionCanonicalOrigin } from '../../core/production.js';
import { mapLimit } from '../../core/map-limit.js';
import { judgeAdminAnswer, judgeRedirect, type AdminAnswer, type AdminVerdict } from '../../engines/admin/verdict.js';

/**
 * The URLs to probe: `https://<host>/` of every admin host, and every `api.admin_paths` entry on
 * the API's origin and on production's canonical origin; each URL once.
 */
export function adminTargets(ctx: Pick<CheckContext, 'targets' | 'config'>): string[] {
  const urls = ctx.targets.byRole('admin').map((h) => `https://${h.name.trim().toLowerCase().replace(/\.$/, '')}/`);
  const api = ctx.config.api;
  if (api?.admin_paths.length) {
    const origins = [new URL(api.base).origin, productionCanonicalOrigin(ctx.targets)].filter((o): o is string => Boolean(o));
    for (const origin of origins) for (const path of api.admin_paths) urls.push(new URL(path, origin).href);
  }
  return [...new Set(urls.map((u) => new URL(u).href))];
}

const answerOf = (res: HttpResponse, url: string): AdminAnswer => ({ url, status: res.status, headers: res.headers, body: res.body });

/** Judges one answer; for an HTML page that looks like admin content, compares it with the host's `/` first. */
async function judgeWithRoot(ctx: CheckContext, answer: AdminAnswer): Promise<AdminVerdict> {
  const verdict = judgeAdminAnswer(answer);
  const root = new URL('/', answer.url).href;
  if (verdict.ok !== false || root === answer.url || !/html/i.test(String(answer.headers['content-type'] ?? ''))) return verdict;
  const home = await ctx.probes.fetch(root);
  return home.ok && home.value.status >= 200 && home.value.status < 300 ? judgeAdminAnswer(answer, home.value.body) : verdict;
}

async function checkOne(ctx: CheckContext, url: string): Promise<void> {
  const got = await ctx.probes.fetch(url);
  if (!got.ok) return ctx.error(url, got.error, { url });
  let verdict = await judgeWithRoot(ctx, answerOf(got.value, url));
  let chain: string[] | undefined;

  if (verdict.ok === 'follow') {
    const walked = await ctx.probes.redirects(url);
    if (walked.error) return ctx.error(url, walked.error, { url });
    chain = walked.hops.map((h) => (h.location ? `${h.status} ${h.url} → ${h.location}` : `${h.status} ${h.url}`));
    // A later hop may reach the sign-in page or leave the origin.
    for (const hop of walked.hops.slice(1)) {
      if (!hop.location) continue;
      const r = judgeRedirect(hop.url, hop.location);
      if (r.signIn) return ctx.pass(url, { message: `Anonymous visitors are sent away: ${r.reason}`, evidence: { url, chain } });
    }
    const last = walked.hops[walked.hops.length - 1];
    verdict = walked.final && last ? await judgeWithRoot(ctx, answerOf(walked.final, last.url)) : { ok: 'unjudgeable', reason: 'redirect chain without an end' };
    if (verdict.ok === 'follow') verdict = { ok: 'unjudgeable', reason: 'redirect chain without an end' };
  }

  if (verdict.ok === 'unjudgeable') return ctx.error(url, { code: 'UNJUDGEABLE', message: `${url} ${verdict.reason}` }, { url, ...(chain ? { chain } : {}) });
  if (verdict.ok === true) {
    return ctx.pass(url, { message: `Anonymous request refused: ${verdict.reason}`, evidence: { ...verdict.evidence, reason: verdict.reason, ...(chain ? { chain } : {}) } });
  }
  if (verdict.ok === false) ctx.fail({ target: url, messageId: verdict.messageId, evidence: { ...verdict.evidence, ...(chain ? { chain } : {}) } });
}

export default createCheck({
  meta: {
    id: 'admin.auth-required',
    stage: 2,
    title: 'Admin surfaces require authentication',
    defaultSeverity: 'blocker',
    targetKind: 'url',
    needs: ['environments'],
  },
  messages: {
    servedAnonymously: '{{target}} serves admin content to anonymous visitors ({{actual}})',
  },
  remediation: {
    servedAnonymously:
      'Put authentication in front of every admin route and host: the API answers 401/403 without a valid session (an auth middleware on the whole /admin router, not per handler), and the admin UI redirects to sign-in. At the edge you can add a second gate (Cloudflare Access, an IP allowlist, oauth2-proxy, nginx `auth_request`), but never rely on an unlisted URL.',
  },
  async run(ctx) {
    const urls = adminTargets(ctx);
    if (urls.length === 0) return ctx.skip(ctx.config.project, 'no admin host (role: admin) and no `api.admin_paths` declared');
    await mapLimit(urls, ctx.config.network.concurrency, (url) => checkOne(ctx, url));
  },
});
