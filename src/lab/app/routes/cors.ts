/**
 * CORS on the API. `default` reflects any Origin, `null` included, with credentials — any page
 * on the internet can read a signed-in user's data. `fixed` allows only the app's own origin.
 */
import type { Headers, RequestContext } from '../context.js';

const APP_ORIGIN = 'https://app.acme.test';
const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'authorization, content-type';

function allowedOrigin(ctx: RequestContext): string | undefined {
  const origin = ctx.req.headers.origin;
  if (typeof origin !== 'string' || origin === '') return undefined;
  if (ctx.variant === 'default') return origin;
  return origin === APP_ORIGIN ? origin : undefined;
}

/** Headers for an actual (non-preflight) request; `Vary: Origin` because the answer depends on it. */
export function corsHeaders(ctx: RequestContext): Headers {
  const origin = allowedOrigin(ctx);
  if (!origin) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
}

/**
 * Answers a preflight (OPTIONS). A refused origin gets 204 without any `Access-Control-Allow-*`,
 * which is how browsers are told no (Fetch standard, CORS check).
 */
export function preflight(ctx: RequestContext): void {
  const origin = allowedOrigin(ctx);
  const requested = ctx.req.headers['access-control-request-headers'];
  const allow: Headers = origin
    ? {
      'access-control-allow-methods': ALLOWED_METHODS,
      // The leaky variant echoes whatever headers were asked for, as permissive middleware does.
      'access-control-allow-headers': ctx.variant === 'default' && typeof requested === 'string' ? requested : ALLOWED_HEADERS,
      'access-control-max-age': '600',
    }
    : {};
  ctx.res.writeHead(204, { ...ctx.headers, ...allow }).end();
}
