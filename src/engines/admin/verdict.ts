/**
 * Judging one anonymous answer from an admin surface: refused (401/403), sent to sign in, not
 * there at all (404/410), a sign-in form or an SPA shell — or admin content served to anyone.
 */
import type { Evidence } from '../../core/types.js';
import { isLoginForm, isSpaShell, summarizeHtml } from './html-page.js';

export interface AdminAnswer {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type AdminVerdict =
  | { ok: true; reason: string; evidence: Evidence }
  | { ok: false; messageId: 'servedAnonymously'; evidence: Evidence }
  /** A same-origin redirect that is not a sign-in page (`/admin` → `/admin/`): follow it, then judge. */
  | { ok: 'follow'; location: string }
  /** A 5xx or a redirect without a usable Location: says nothing either way. */
  | { ok: 'unjudgeable'; reason: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Path segments of sign-in and identity-provider pages (`/login`, `/users/sign_in`, `/oauth2/authorize`, `/sso/saml`…). */
const SIGN_IN_PATH = /(?:^|[/._-])(?:log-?in|sign-?in|sign_in|logon|sso|auth|authorize|oauth2?|openid|saml2?|cas|idp|session|sessions|challenge)(?:$|[/._-])/i;

const header = (h: AdminAnswer['headers'], name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** Media type without parameters, lower case. */
const mediaType = (h: AdminAnswer['headers']) => (header(h, 'content-type') ?? '').split(';')[0].trim().toLowerCase();

/** Whether a redirect from `from` to `location` hands the visitor to a sign-in page or another origin. */
export function judgeRedirect(from: string, location: string): { signIn: true; reason: string } | { signIn: false; target: string } {
  const target = new URL(location, from);
  const origin = new URL(from).origin;
  if (target.origin !== origin) return { signIn: true, reason: `redirects to another origin (${target.origin})` };
  if (SIGN_IN_PATH.test(target.pathname)) return { signIn: true, reason: `redirects to the sign-in page ${target.pathname}` };
  return { signIn: false, target: target.href };
}

function jsonShape(text: string): { keys: string[]; authError: boolean } | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (Array.isArray(doc)) return { keys: [`array of ${doc.length}`], authError: false };
  if (!doc || typeof doc !== 'object') return { keys: [typeof doc], authError: false };
  const keys = Object.keys(doc).slice(0, 10);
  // Some APIs answer 200 with an error envelope; one saying "sign in first" is still a refusal.
  const err = (doc as Record<string, unknown>).error ?? (doc as Record<string, unknown>).errors ?? (doc as Record<string, unknown>).message;
  const authError = keys.length <= 4 && /unauthori[sz]ed|unauthenticated|forbidden|not authenticated|log ?in|sign ?in|authentication required/i.test(JSON.stringify(err ?? ''));
  return { keys, authError };
}

/**
 * Judges one anonymous answer. `rootBody` is the same host's `/` page, when it was fetched: an
 * admin route answering byte for byte the same HTML is the SPA's shell, not admin content.
 */
export function judgeAdminAnswer(a: AdminAnswer, rootBody?: Buffer): AdminVerdict {
  const { status } = a;
  const base = { url: a.url, status };
  if (status === 401 || status === 403) return { ok: true, reason: `refused with ${status}`, evidence: base };
  if (REDIRECTS.has(status)) {
    const location = header(a.headers, 'location');
    if (!location) return { ok: 'unjudgeable', reason: `${status} without a Location header` };
    let r: ReturnType<typeof judgeRedirect>;
    try {
      r = judgeRedirect(a.url, location);
    } catch {
      return { ok: 'unjudgeable', reason: `unparsable Location "${location.slice(0, 100)}"` };
    }
    return r.signIn ? { ok: true, reason: r.reason, evidence: { ...base, location } } : { ok: 'follow', location: r.target };
  }
  if (status === 404 || status === 410) return { ok: true, reason: `nothing served there (${status})`, evidence: base };
  if (status >= 500) return { ok: 'unjudgeable', reason: `answered ${status}` };
  if (status >= 400) return { ok: true, reason: `refused with ${status}`, evidence: base };
  if (status < 200 || status >= 300) return { ok: true, reason: `answered ${status}: nothing served`, evidence: base };

  // A 2xx: what was served?
  const type = mediaType(a.headers);
  const text = a.body.toString('utf8');
  const served = { ...base, contentType: type || '(none)', size: a.body.length };
  if (a.body.length === 0 || !text.trim()) return { ok: true, reason: 'empty answer: nothing served', evidence: served };

  const json = /json/.test(type) || (!/html/.test(type) && /^\s*[[{]/.test(text)) ? jsonShape(text) : undefined;
  if (json) {
    if (json.authError) return { ok: true, reason: `answered ${status} with an authentication error`, evidence: served };
    return { ok: false, messageId: 'servedAnonymously', evidence: { ...served, expected: '401/403 or a redirect to sign in', actual: `${status} JSON`, excerpt: `keys: ${json.keys.join(', ')}` } };
  }
  if (/html/.test(type) || /^\s*<(?:!doctype|html)/i.test(text)) {
    const page = summarizeHtml(text);
    const titled = { ...served, ...(page.title ? { title: page.title } : {}) };
    if (isLoginForm(page)) return { ok: true, reason: 'a sign-in form', evidence: titled };
    if (rootBody && rootBody.length > 0 && rootBody.equals(a.body)) {
      return { ok: true, reason: "the same HTML as the host's / page (an SPA shell): the data is behind the API", evidence: { ...titled, note: 'SPA shell: make sure the admin API paths are listed in api.admin_paths' } };
    }
    if (isSpaShell(page)) {
      return { ok: true, reason: 'an SPA shell with no content of its own: the data is behind the API', evidence: { ...titled, note: 'SPA shell: make sure the admin API paths are listed in api.admin_paths' } };
    }
    return { ok: false, messageId: 'servedAnonymously', evidence: { ...titled, expected: '401/403 or a redirect to sign in', actual: `${status} HTML page, not a sign-in form`, excerpt: page.title ? `<title>${page.title}</title>` : `${page.visibleTextLength} characters of text` } };
  }
  return { ok: false, messageId: 'servedAnonymously', evidence: { ...served, expected: '401/403 or a redirect to sign in', actual: `${status} ${type || 'content'}`, excerpt: `${a.body.length} bytes` } };
}
