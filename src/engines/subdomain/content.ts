/**
 * Pure judging for subdomain.mapping: what kind of content an answer is, which role a host plays
 * when none is declared, and whether the answer fits the role.
 */
import type { HostRole } from '../../config/types.js';
import type { HttpResponse } from '../../context/types.js';
import type { RedirectChain } from '../../probes/types.js';

export type ContentKind = 'json' | 'html' | 'empty' | 'other';

/** Roles inferred from the first label when a host declares none. */
const INFERRED: Readonly<Record<string, HostRole>> = { app: 'app', api: 'api', admin: 'admin' };

/** The host's declared role, else the one its first label spells (`api.example.com` → api), else undefined. */
export function roleOf(host: { name: string; role?: HostRole }): HostRole | undefined {
  return host.role ?? INFERRED[host.name.toLowerCase().split('.')[0]];
}

/** Bodies above this are not parsed as JSON to find out whether they are JSON. */
const MAX_SNIFFED_JSON = 1024 * 1024;

const mediaType = (res: Pick<HttpResponse, 'headers'>) => String(res.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

function parsesAsJsonDocument(text: string): boolean {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('[')) || t.length > MAX_SNIFFED_JSON) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/**
 * What an answer carries: JSON by media type (`application/json`, `…+json`, RFC 6839) or by a body
 * that parses as a JSON object/array; HTML by media type or by its first tag (WHATWG MIME sniffing
 * looks at the same `<!doctype html` / `<html` openings); empty when there is no visible byte,
 * whatever the media type says.
 */
export function contentKind(res: Pick<HttpResponse, 'headers' | 'body'>): ContentKind {
  const text = res.body.subarray(0, MAX_SNIFFED_JSON + 1).toString('utf8');
  // A page with nothing in it is empty whatever its header claims.
  if (text.trim() === '') return 'empty';
  const type = mediaType(res);
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (parsesAsJsonDocument(text)) return 'json';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  const head = text.trimStart().slice(0, 64).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return 'other';
}

/** Words of a login page's URL (path, query or host): `/login`, `signin.`, `/sso/`, `/oauth2/auth`. */
const LOGIN_URL = /log-?in|sign-?in|\bsso\b|auth|saml|openid/i;

/** The chain as `"301 https://a/ → https://b/"` lines, the last one the final status. */
export function describeChain(chain: Pick<RedirectChain, 'hops'>): string[] {
  return chain.hops.map((h) => (h.location ? `${h.status} ${h.url} → ${h.location}` : `${h.status} ${h.url}`));
}

export type MappingVerdict =
  | { ok: true; note?: string }
  | { ok: false; messageId: 'wrongContent' | 'serverError'; expected: string; actual: string };

/** What each role must serve, for the evidence. */
export const ROLE_EXPECTATION: Readonly<Record<HostRole, string>> = {
  api: 'a JSON answer',
  app: 'an HTML page',
  marketing: 'an HTML page',
  admin: 'an HTML page, 401/403, or a redirect to a login page',
  status: 'any answer below 500',
  other: 'any answer below 500',
};

/**
 * Judges the final answer of `https://<host>/` against the host's role.
 * - api: JSON passes at any status (401/404 are normal for an API root); an HTML *page* (2xx)
 *   fails; a 4xx that is not JSON passes with a note — frameworks answer unrouted roots with their
 *   own HTML or text 404 (Express "Cannot GET /", Go "404 page not found").
 * - app / marketing: HTML passes; 401/403 passes with a note (behind a login wall); JSON, empty
 *   or other content fails.
 * - admin: HTML, 401/403, or a redirect to a login URL or to another host pass.
 * - status / other: anything below 500.
 * Any role: 5xx fails as serverError.
 */
export function judgeMapping(role: HostRole, startHost: string, final: Pick<HttpResponse, 'url' | 'status' | 'headers' | 'body'>, redirected: boolean): MappingVerdict {
  const kind = contentKind(final);
  const actual = `${final.status} ${kind === 'other' ? mediaType(final) || 'untyped content' : kind}${redirected ? ` at ${final.url}` : ''}`;
  const expected = ROLE_EXPECTATION[role];
  if (final.status >= 500) return { ok: false, messageId: 'serverError', expected, actual };
  const authWall = final.status === 401 || final.status === 403;
  const wrong = (): MappingVerdict => ({ ok: false, messageId: 'wrongContent', expected, actual });
  switch (role) {
    case 'api':
      if (kind === 'json') return { ok: true };
      if (final.status >= 400) return { ok: true, note: `the API root answers ${actual}: an unrouted root, content not judged` };
      return kind === 'html' ? wrong() : { ok: true, note: `the API root answers ${actual}` };
    case 'app':
    case 'marketing':
      if (kind === 'html') return { ok: true };
      if (authWall) return { ok: true, note: `behind authentication (${final.status})` };
      return wrong();
    case 'admin': {
      if (kind === 'html' || authWall) return { ok: true };
      let finalHost = '';
      try {
        finalHost = new URL(final.url).hostname.toLowerCase();
      } catch {
        // An unparsable final URL is judged by its text alone.
      }
      if (redirected && (LOGIN_URL.test(final.url) || (finalHost !== '' && finalHost !== startHost))) {
        return { ok: true, note: `redirects to ${final.url}` };
      }
      return wrong();
    }
    default:
      return { ok: true };
  }
}
