/**
 * "Acme Ops", the lab's sample internal-operations app: one handler for every `*.acme.test`
 * host, routed by the `Host` header and the scheme of the listener that received the request
 * (TOPOLOGY.md, "HTTP behaviour"). Pure request handling: mount it on any HTTP/HTTPS server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler, RequestContext, Scheme, Variant } from './context.js';
import { hostTable, type Site } from './hosts.js';
import { hostOf, redirect, sendText } from './respond.js';
import { adminSite } from './routes/admin.js';
import { handleApi } from './routes/api.js';
import { assetRoute, isAssetPath } from './routes/assets.js';
import { edgeHeaders } from './routes/edge.js';
import { internalError } from './routes/errors.js';
import { appSite, marketingSite, statusSite } from './routes/pages.js';
import { seedState } from './state.js';

export type { Variant } from './context.js';

export interface OpsAppOptions {
  variant: Variant;
  /** The app's clock: rate-limit windows and timestamps follow it. */
  now: () => Date;
}

export interface OpsApp {
  /** Answers one request; `scheme` is what the listener speaks (the app never sees TLS itself). */
  handle(req: IncomingMessage, res: ServerResponse, scheme: Scheme): void;
  /** Forgets every task, token and rate-limit window: back to the seeded state. */
  reset(): void;
}

const SITES: Readonly<Record<Site, Handler>> = {
  marketing: marketingSite,
  // `/assets/*` (fingerprinted bundles) is served before the app's own routes.
  app: (ctx) => (isAssetPath(ctx.url.pathname) ? assetRoute(ctx) : appSite(ctx)),
  staging: (ctx) => (isAssetPath(ctx.url.pathname) ? assetRoute(ctx) : appSite(ctx, 'staging')),
  api: handleApi,
  admin: adminSite,
  status: statusSite,
};

/** Creates one app instance with its own in-memory state. */
export function createOpsApp(opts: OpsAppOptions): OpsApp {
  const table = hostTable(opts.variant);
  let state = seedState(opts.now());

  return {
    handle(req, res, scheme) {
      const host = hostOf(req);
      let url: URL;
      try {
        // Prefixing the origin keeps a target like `//evil.test/x` a path instead of a new host.
        const target = req.url ?? '/';
        const origin = `${scheme}://${host || 'invalid.test'}`;
        url = target.startsWith('/') ? new URL(`${origin}${target}`) : new URL(target, origin);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request target\n');
        return;
      }
      const ctx: RequestContext = {
        req, res, scheme, host, url, variant: opts.variant, state, now: opts.now, headers: edgeHeaders(opts.variant, host, scheme),
      };
      const rule = table.get(host)?.[scheme];
      // RFC 9110 §15.5.20: this origin is not configured to answer for that host.
      if (!rule) return sendText(ctx, 421, `Misdirected Request: no site for ${host || '(no Host header)'}\n`);
      if ('redirect' in rule) return redirect(ctx, rule.redirect, rule.to(url));
      try {
        Promise.resolve(SITES[rule.site](ctx)).catch(() => internalError(ctx));
      } catch {
        internalError(ctx);
      }
    },
    reset() {
      state = seedState(opts.now());
    },
  };
}
