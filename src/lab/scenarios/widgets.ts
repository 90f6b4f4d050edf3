/**
 * A third-party widget vendor, `widgets.test` (../TOPOLOGY.md, "Third-party widgets"): the Acme
 * app's pages load `https://cdn.widgets.test/widget.js`, which this host serves the way a slow
 * vendor CDN does — about 2.5 s before the first byte and ~150 KB of uncompressed JavaScript.
 * The vendor is the same in `default` and `fixed`; only how the pages load it differs (a
 * render-blocking `<script>` in `<head>` versus `async`), which is what `web.third-party` and
 * `web.lighthouse` judge. The plain-http URLs the `default` layout references (planted mixed
 * content) answer too, quickly, so a tool that does fetch them finds something.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildZone, type Zone } from '../zone.js';
import type { CertPlan } from './types.js';

const DAY = 86_400_000;

export const WIDGET_HOST = 'cdn.widgets.test';
export const HELP_HOST = 'help.widgets.test';
/** The vendor's loader, as the pages reference it. */
export const WIDGET_URL = `https://${WIDGET_HOST}/widget.js`;
/** Time to first byte of `widget.js`: long enough to dominate a mobile page load when it blocks. */
export const WIDGET_DELAY_MS = 2_500;
/** Approximate size of `widget.js` in bytes. */
export const WIDGET_BYTES = 150_000;

/** The vendor's names: the CDN and the help-chat frame, both on the lab's first address. */
export function widgetsZone(): Zone {
  return buildZone({
    'widgets.test': {
      NS: 'ns1.widgets.test',
      SOA: { mname: 'ns1.widgets.test', rname: 'hostmaster.widgets.test', serial: 2026030101 },
    },
    'ns1.widgets.test': { A: '127.0.0.1' },
    [WIDGET_HOST]: { A: '127.0.0.1' },
    [HELP_HOST]: { A: '127.0.0.1' },
  });
}

/** A publicly trusted-looking (lab ACME) certificate for each vendor host. */
export function widgetsCertificates(now: Date): CertPlan[] {
  const t = now.getTime();
  return [{ names: [WIDGET_HOST, HELP_HOST], issuer: 'acme', notBefore: new Date(t - 30 * DAY), notAfter: new Date(t + 60 * DAY) }];
}

/**
 * ~150 KB of JavaScript that costs almost nothing to run: an inlined sprite sheet (one string
 * literal, which the parser only scans) and a loader that records itself on `window`. What hurts
 * the page is then purely the wait while the script blocks rendering — and nothing when it is
 * `async`, so `fixed` scores well even on a busy machine.
 */
function widgetSource(): string {
  const head = '/*! widgets.test chat widget v4.2.0 (lab copy) */\n(function () {\n  var sprite = "data:image/png;base64,';
  const tail = '";\n  window.WidgetsTest = { version: "4.2.0", spriteBytes: sprite.length, ready: true };\n}());\n';
  // Deterministic pseudo-random bytes (an LCG), so the file neither changes between runs nor compresses to nothing.
  const raw = Buffer.alloc(Math.ceil(((WIDGET_BYTES - head.length - tail.length) * 3) / 4));
  let x = 2463534242;
  for (let i = 0; i < raw.length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    raw[i] = x >>> 24;
  }
  return head + raw.toString('base64') + tail;
}

const hostOf = (req: IncomingMessage) => String(req.headers.host ?? '').toLowerCase().replace(/:\d*$/, '').replace(/\.$/, '');

/**
 * Returns a handler that answers requests for the vendor's hosts and says whether it did.
 * Pending slow answers are dropped when the client goes away, so no timer outlives a socket.
 */
export function createWidgetsHandler(opts: { delayMs?: number } = {}) {
  const delayMs = opts.delayMs ?? WIDGET_DELAY_MS;
  const widget = Buffer.from(widgetSource());
  const small = {
    '/w.js': { type: 'text/javascript; charset=utf-8', body: 'window.WidgetsLegacy = true;\n' },
    '/w.css': { type: 'text/css; charset=utf-8', body: '.widgets-badge{display:none}\n' },
  } as Record<string, { type: string; body: string }>;

  return (req: IncomingMessage, res: ServerResponse, _scheme: 'http' | 'https'): boolean => {
    const host = hostOf(req);
    if (host !== WIDGET_HOST && host !== HELP_HOST) return false;
    const path = (req.url ?? '/').split('?')[0];
    const read = req.method === 'GET' || req.method === 'HEAD';
    const end = (status: number, headers: Record<string, string | number>, body?: string | Buffer) =>
      res.writeHead(status, { server: 'widgets-edge', ...headers }).end(req.method === 'HEAD' ? undefined : body);

    if (!read) {
      end(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'method not allowed\n');
      return true;
    }
    if (host === HELP_HOST) {
      if (path === '/chat') end(200, { 'content-type': 'text/html; charset=utf-8' }, '<!doctype html><title>Help</title><p>How can we help?</p>\n');
      else end(404, { 'content-type': 'text/plain; charset=utf-8' }, 'not found\n');
      return true;
    }
    if (path === '/widget.js') {
      const timer = setTimeout(() => {
        end(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'content-length': widget.length,
          'cache-control': 'public, max-age=300',
          'access-control-allow-origin': '*',
        }, widget);
      }, delayMs);
      res.once('close', () => clearTimeout(timer));
      return true;
    }
    const file = small[path];
    if (file) end(200, { 'content-type': file.type, 'cache-control': 'public, max-age=300' }, file.body);
    else end(404, { 'content-type': 'text/plain; charset=utf-8' }, 'not found\n');
    return true;
  };
}
