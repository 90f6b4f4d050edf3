/**
 * Serves MTA-STS policy files (RFC 8461 §3.3) for the lab's policy hosts: HTTPS only, at the
 * well-known path, as text/plain. Anything else on those hosts is a 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Returns a handler that answers requests for `policies`' hosts and says whether it did. */
export function createMtaStsHandler(policies: Readonly<Record<string, string>>) {
  return (req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): boolean => {
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    const policy = policies[host];
    if (policy === undefined) return false;
    const path = (req.url ?? '/').split('?')[0];
    if (scheme === 'https' && path === '/.well-known/mta-sts.txt' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'max-age=3600' });
      res.end(req.method === 'HEAD' ? undefined : policy);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
    return true;
  };
}
