/**
 * cache.intentional: every response says how it may be cached, per-user answers never land in a
 * shared cache, and fingerprinted assets are cached for a long time. Judged on the key pages (and
 * their same-site scripts and stylesheets, fetched anonymously) and on the declared GET endpoints
 * (fetched with the session of `api.login` when configured). One result per page, asset, endpoint.
 */
import type { HttpResponse } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import { describeError } from '../../core/errors.js';
import { mapLimit } from '../../core/map-limit.js';
import type { CheckContext, Evidence, Severity } from '../../core/types.js';
import {
  browserLifetime, cachePolicyOf, describeCaching, sameSiteAssets, sharedCacheability, type CachePolicy,
} from '../../engines/cache/index.js';
import { apiUrl, bearer, loginFor, type ApiSession } from '../../probes/api-session.js';
import { detectChallenge } from '../../probes/challenge.js';
import { isHtmlResponse, keyPages } from '../https/mixed-content.js';

// ---------------------------------------------------------------- judging (pure)

/** 30 days: below it a fingerprinted asset is fetched again on most returning visits. */
export const LONG_LIVED_SECONDS = 30 * 86_400;

export type IntentMessageId = 'publicPerUser' | 'notPrivate' | 'unstated' | 'shortLivedAsset';

export interface CachingSubject {
  /** Why the answer is per-user (`fetched with the session token`, `sets cookies`…); empty when it is not. */
  perUser: readonly string[];
  /** The request carried `Authorization` (RFC 9111 §3.5 keeps such answers out of shared caches by default). */
  authorized: boolean;
  /** The hash token of a fingerprinted asset's file name. */
  fingerprint?: string;
}

export type IntentVerdict =
  | { ok: true; note?: string; evidence: Evidence }
  | { ok: false; messageId: IntentMessageId; severity: Severity; evidence: Evidence };

const days = (s: number) => (s >= 86_400 ? `${Math.round(s / 86_400)} days` : `${s} s`);

/** Judges one response's caching for what it is (per-user, fingerprinted asset, anything else). */
export function judgeCaching(p: CachePolicy, s: CachingSubject): IntentVerdict {
  const caching = describeCaching(p);
  const base: Evidence = {
    caching,
    ...(s.perUser.length ? { perUser: [...s.perUser] } : {}),
    ...(s.fingerprint ? { fingerprint: s.fingerprint } : {}),
    ...(p.vary ? { vary: p.vary } : {}),
  };
  const notes: string[] = [];

  if (s.perUser.length) {
    const expected = 'Cache-Control: private (or no-store) on per-user answers';
    if (!p.stated) {
      return { ok: false, messageId: 'unstated', severity: 'medium', evidence: { ...base, expected, actual: 'no Cache-Control or Expires: caches may apply heuristic freshness (RFC 9111 §4.2.2)' } };
    }
    if (!p.noStore && !p.private) {
      const shared = sharedCacheability(p, { authorized: s.authorized });
      const sharedLifetime = p.sMaxAge ?? p.lifetime ?? 0;
      if (shared.cacheable && !p.noCache && sharedLifetime > 0) {
        // `public` and `s-maxage` speak for themselves; otherwise say why shared caches may keep it.
        const why = shared.reason === 'public' || shared.reason.startsWith('s-maxage') ? '' : ` (${shared.reason})`;
        return { ok: false, messageId: 'publicPerUser', severity: 'high', evidence: { ...base, expected, actual: `${caching}${why}: a shared cache may serve it to other users for ${days(sharedLifetime)}` } };
      }
      if (!shared.cacheable && browserLifetime(p) > 0) {
        return {
          ok: false, messageId: 'notPrivate', severity: 'low',
          evidence: { ...base, expected, actual: `${caching} without private: safe only while every cache in the path honours Authorization` },
        };
      }
      if (shared.cacheable) notes.push(`shared caches may store it but revalidate before each reuse (${shared.reason}); private, no-store says so plainly`);
    }
  }

  if (s.fingerprint) {
    const lifetime = browserLifetime(p);
    if (lifetime < LONG_LIVED_SECONDS) {
      const actual = !p.stated ? 'states no caching' : p.noStore ? 'is no-store' : p.noCache ? 'is no-cache (revalidated on every use)' : `is fresh for ${days(lifetime)} only`;
      return {
        ok: false, messageId: 'shortLivedAsset', severity: 'medium',
        evidence: { ...base, maxAgeSeconds: lifetime, expected: `max-age ≥ ${LONG_LIVED_SECONDS} (30 days), ideally public, max-age=31536000, immutable`, actual: `${actual} (${caching})` },
      };
    }
    if (!p.immutable) notes.push('add `immutable` so browsers skip revalidation on reload');
    return { ok: true, ...(notes.length ? { note: notes.join('; ') } : {}), evidence: { ...base, maxAgeSeconds: lifetime } };
  }

  if (!p.stated) {
    return { ok: false, messageId: 'unstated', severity: 'low', evidence: { ...base, expected: 'an explicit Cache-Control (or Expires)', actual: 'no Cache-Control or Expires: each cache guesses (heuristic freshness, RFC 9111 §4.2.2)' } };
  }
  return { ok: true, ...(notes.length ? { note: notes.join('; ') } : {}), evidence: base };
}

/** Endpoint headers that carry credentials of their own (an API key, a cookie, a token). */
export function credentialHeaders(headers: Record<string, string> | undefined): string[] {
  return Object.keys(headers ?? {}).filter((h) => /^(?:authorization|cookie|proxy-authorization)$|api[-_]?key|token|auth|session/i.test(h));
}

// ---------------------------------------------------------------- gathering

/** JSON answers are judged on headers only; a small cap keeps a huge list cheap. */
const ENDPOINT_BODY_CAP = 2 * 1024 * 1024;
const MAX_ASSETS = 40;
/** Characters of a page parsed for its assets. */
const PARSE_CAP_CHARS = 2 * 1024 * 1024;

function report(ctx: CheckContext, target: string, url: string, res: HttpResponse, subject: CachingSubject, extra: Evidence = {}): void {
  const verdict = judgeCaching(cachePolicyOf(res.headers, ctx.clock.now()), subject);
  const evidence = { url, status: res.status, ...extra, ...verdict.evidence };
  if (verdict.ok) {
    const caching = String(verdict.evidence.caching);
    return ctx.pass(target, { message: `${target}: ${caching}${verdict.note ? ` (${verdict.note})` : ''}`, evidence: verdict.note ? { ...evidence, note: verdict.note } : evidence });
  }
  ctx.fail({ target, messageId: verdict.messageId, severity: verdict.severity, evidence });
}

const is2xx = (status: number) => status >= 200 && status < 300;

/** Key pages and the same-site assets they load, each fetched anonymously. */
async function checkPages(ctx: CheckContext): Promise<void> {
  const pages = keyPages(ctx.config, ctx.targets);
  const chains = await mapLimit(pages, ctx.config.network.concurrency, (p) => ctx.probes.redirects(p));
  const assets = new Map<string, { fingerprint?: string; pages: string[] }>();
  pages.forEach((page, i) => {
    const chain = chains[i];
    if (chain.error || !chain.final) return ctx.error(page, chain.error ?? { code: 'NO_RESPONSE', message: `no response from ${page}` });
    const finalUrl = chain.hops[chain.hops.length - 1]?.url ?? page;
    if (!is2xx(chain.final.status)) return ctx.error(page, { code: 'HTTP_STATUS', message: `${finalUrl} answered ${chain.final.status}` });
    const cookies = chain.final.headers['set-cookie'] !== undefined;
    report(ctx, page, finalUrl, chain.final, { perUser: cookies ? ['sets cookies'] : [], authorized: false }, finalUrl !== page ? { finalUrl } : {});
    if (!isHtmlResponse(chain.final)) return;
    for (const a of sameSiteAssets(chain.final.body.toString('utf8'), finalUrl, { maxChars: PARSE_CAP_CHARS })) {
      const seen = assets.get(a.url);
      if (seen) seen.pages.push(page);
      else if (assets.size < MAX_ASSETS) assets.set(a.url, { fingerprint: a.fingerprint, pages: [page] });
    }
  });
  const list = [...assets];
  const fetched = await mapLimit(list, ctx.config.network.concurrency, ([url]) => ctx.probes.fetch(url));
  list.forEach(([url, a], i) => {
    const got = fetched[i];
    if (!got.ok) return ctx.error(url, got.error, { referencedBy: a.pages });
    if (!is2xx(got.value.status)) return ctx.error(url, { code: 'HTTP_STATUS', message: `${url} answered ${got.value.status}` }, { referencedBy: a.pages });
    const cookies = got.value.headers['set-cookie'] !== undefined;
    report(ctx, url, url, got.value, { perUser: cookies ? ['sets cookies'] : [], authorized: false, fingerprint: a.fingerprint }, { referencedBy: a.pages });
  });
}

/** The declared GET endpoints, signed in when `api.login` is configured. */
async function checkEndpoints(ctx: CheckContext): Promise<void> {
  const api = ctx.config.api;
  if (!api) return;
  const reads = api.endpoints.filter((e) => e.method.toUpperCase() === 'GET');
  if (reads.length === 0) return;
  let session: ApiSession | undefined;
  if (api.login) {
    const login = await loginFor(ctx);
    if (!login.ok) {
      for (const e of reads) ctx.error(e.name, login.error);
      return;
    }
    session = login.value;
  }
  await mapLimit(reads, ctx.config.network.concurrency, async (e) => {
    const url = apiUrl(api.base, e.path);
    const own = credentialHeaders(e.headers);
    const perUser = [
      ...(session ? ['fetched with the session token'] : []),
      ...(own.length ? [`sends ${own.join(', ')}`] : []),
      ...(e.sensitive ? ['marked sensitive'] : []),
    ];
    try {
      const res = await ctx.http.request({
        url, method: 'GET', headers: { accept: 'application/json', ...(e.headers ?? {}), ...bearer(session) },
        timeoutMs: ctx.config.network.timeoutMs, maxBodyBytes: ENDPOINT_BODY_CAP, signal: ctx.signal,
      });
      const wall = detectChallenge(res);
      if (wall) return ctx.error(e.name, { code: 'CHALLENGE', message: `GET ${url} answered ${res.status}: ${wall}, not the API` });
      if (!is2xx(res.status)) return ctx.error(e.name, { code: 'HTTP_STATUS', message: `GET ${url} answered ${res.status}${res.status === 429 ? ' (rate limited)' : ''}` });
      if (res.headers['set-cookie'] !== undefined) perUser.push('sets cookies');
      const authorized = session !== undefined || own.some((h) => /authorization/i.test(h));
      report(ctx, e.name, url, res, { perUser, authorized }, { signedIn: session !== undefined });
    } catch (err) {
      // Body-cap overruns do not matter here, but a dead endpoint does: say which and why.
      ctx.error(e.name, describeError(err), { url });
    }
  });
}

export default createCheck({
  meta: {
    id: 'cache.intentional',
    stage: 3,
    title: 'Caching is stated, per-user answers stay private, assets are long-lived',
    defaultSeverity: 'high',
    targetKind: 'url',
    needs: [],
  },
  messages: {
    publicPerUser: '{{target}} is per-user ({{perUser}}) but publicly cacheable: {{actual}}',
    notPrivate: '{{target}} is per-user ({{perUser}}) and cacheable without `private`: {{actual}}',
    unstated: '{{target}} states no caching: {{actual}}',
    shortLivedAsset: '{{target}} is fingerprinted ({{fingerprint}}) but {{actual}}: browsers download it again on most visits',
  },
  remediation: {
    publicPerUser:
      'Mark per-user answers `Cache-Control: private, no-store` (or `private, max-age=N` when the browser may keep them briefly) and drop `public` / `s-maxage`; add `Vary: Authorization` (or `Cookie`). Express: `res.set("Cache-Control", "private, no-store")` in the auth middleware; nginx: `add_header Cache-Control "private, no-store" always;` on the API location; check CDN rules that "cache everything" do not match API paths.',
    notPrivate:
      'Add `private` to per-user answers (`Cache-Control: private, max-age=30`), so a CDN rule or proxy that ignores Authorization can never store them.',
    unstated:
      'Send an explicit `Cache-Control` on every response: `no-cache` (or `private, no-store` when per-user) for HTML and API answers, a long `max-age` for fingerprinted assets. Without it every browser, proxy and CDN guesses.',
    shortLivedAsset:
      'Serve fingerprinted files with `Cache-Control: public, max-age=31536000, immutable` (nginx: `location /assets/ { add_header Cache-Control "public, max-age=31536000, immutable"; }`; Express: `express.static(dir, { immutable: true, maxAge: "1y" })`). The hash in the name changes with each build, so a new release is never stale.',
  },
  async run(ctx) {
    await Promise.all([checkPages(ctx), checkEndpoints(ctx)]);
  },
});
