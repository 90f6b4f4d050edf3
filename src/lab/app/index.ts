/**
 * "Acme Ops", the lab's sample internal-operations app: one handler for every `*.acme.test`
 * host, routed by Host and by the scheme of the listener that received the request.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApi } from './api.js';
import { handleFront } from './front.js';
import { hostOf, sendText, type Headers } from './http-util.js';
import type { Variant } from './pages.js';
import { seedState } from './state.js';

export interface OpsApp {
  handle(req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): void;
  reset(): void;
}

const TWO_YEARS = 63_072_000;

/** Edge and transport headers: a CDN in front and long HSTS only when launch ready. */
function baseHeaders(variant: Variant, host: string, scheme: 'http' | 'https'): Headers {
  if (variant === 'fixed') {
    return {
      server: 'cloudflare',
      'cf-ray': `${randomBytes(8).toString('hex')}-LAB`,
      'cf-cache-status': 'DYNAMIC',
      ...(scheme === 'https' ? { 'strict-transport-security': `max-age=${TWO_YEARS}; includeSubDomains` } : {}),
    };
  }
  return {
    server: 'nginx/1.18.0',
    ...(scheme === 'https' && host === 'api.acme.test' ? { 'strict-transport-security': 'max-age=300' } : {}),
  };
}

export function createOpsApp(opts: { variant: Variant; now: () => Date }): OpsApp {
  let state = seedState();
  return {
    handle(req, res, scheme) {
      const host = hostOf(req);
      const headers = baseHeaders(opts.variant, host, scheme);
      if (host === 'api.acme.test') {
        if (scheme === 'http') {
          res.writeHead(301, { ...headers, location: `https://api.acme.test${req.url ?? '/'}` }).end();
          return;
        }
        handleApi({ variant: opts.variant, state, now: opts.now }, req, res, headers).catch(() => {
          if (!res.headersSent) sendText(res, 500, 'internal error');
        });
        return;
      }
      if (!handleFront(opts.variant, req, res, scheme, headers)) sendText(res, 421, `misdirected request for ${host}`);
    },
    reset() {
      state = seedState();
    },
  };
}
