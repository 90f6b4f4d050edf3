/**
 * cache.repeat-reads: cacheable GETs read twice must be answered by a cache the second time — a
 * CDN hit (`cf-cache-status: HIT`, `x-cache: Hit from cloudfront`, `Age` > 0 …) or a `304` to the
 * conditional request built from the first answer's validators. Reads: the same-site scripts and
 * stylesheets of the key pages (anonymous), and the declared GET endpoints whose answers a shared
 * cache may keep or that carry a validator (signed in through `api.login` when configured). One
 * result per origin with its hit rate.
 */
import type { HttpResponse } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import { describeError } from '../../core/errors.js';
import { mapLimit } from '../../core/map-limit.js';
import type { CheckContext, Evidence } from '../../core/types.js';
import {
  cachePolicyOf, cacheSignals, describeSignals, hasValidator, sameSiteAssets, sharedCacheability, type CachePolicy, type HeaderBag,
} from '../../engines/cache/index.js';
import { apiUrl, bearer, loginFor, type ApiSession } from '../../probes/api-session.js';
import { detectChallenge } from '../../probes/challenge.js';
import { isHtmlResponse, keyPages } from '../https/mixed-content.js';

// ---------------------------------------------------------------- judging (pure)

export interface Answer { status: number; headers: HeaderBag }

/**
 * Whether a declared endpoint's answer is a cacheable read whose reuse can be seen from outside:
 * shared caches may keep it, or it carries a validator for a 304. A `private` answer without a
 * validator is reused only inside the browser, which no outside request can observe.
 */
export function countedRead(p: CachePolicy, authorized: boolean): { counted: boolean; reason: string } {
  if (p.noStore) return { counted: false, reason: 'no-store' };
  if (hasValidator(p)) return { counted: true, reason: `validator (${p.etag !== undefined ? 'ETag' : 'Last-Modified'})` };
  const shared = sharedCacheability(p, { authorized });
  if (shared.cacheable && !shared.heuristic && !p.noCache) return { counted: true, reason: shared.reason };
  if (p.private) return { counted: false, reason: 'private without a validator: only the browser reuses it' };
  return { counted: false, reason: p.stated ? 'not cacheable by a shared cache, no validator' : 'states no caching, no validator' };
}

/** The conditional headers the first answer's validators allow (RFC 9110 §13.1). */
export function conditionalHeaders(p: CachePolicy): Record<string, string> {
  if (p.etag !== undefined) return { 'if-none-match': p.etag };
  if (p.lastModified !== undefined) return { 'if-modified-since': p.lastModified };
  return {};
}

/** Whether the pair of reads shows a cache at work, and how. */
export function readHit(first: Answer, second: Answer): { hit: boolean; how: string } {
  if (second.status === 304) return { hit: true, how: '304 Not Modified (revalidated)' };
  const again = cacheSignals(second.headers);
  if (again.some((s) => s.hit)) return { hit: true, how: `cache hit on the repeat read (${describeSignals(again)})` };
  const before = cacheSignals(first.headers);
  if (before.some((s) => s.hit)) return { hit: true, how: `already cached on the first read (${describeSignals(before)})` };
  return { hit: false, how: `${second.status}, ${describeSignals(again)}` };
}

export interface ReadOutcome {
  target: string;
  hit?: boolean;
  how?: string;
  /** Set when the read could not be made. */
  error?: string;
}

export type RepeatVerdict =
  | { status: 'pass'; evidence: Evidence }
  | { status: 'fail'; messageId: 'neverHit' | 'someMissed'; severity: 'medium' | 'low'; evidence: Evidence }
  | { status: 'error'; message: string; evidence: Evidence }
  | { status: 'skip'; reason: string };

/** The verdict for one origin from its reads. */
export function judgeRepeatReads(reads: readonly ReadOutcome[], notCounted: readonly string[]): RepeatVerdict {
  const measured = reads.filter((r) => r.hit !== undefined);
  const errors = reads.filter((r) => r.error !== undefined).map((r) => `${r.target}: ${r.error}`);
  if (measured.length === 0) {
    if (errors.length) return { status: 'error', message: errors[0], evidence: { errors, ...(notCounted.length ? { notCounted } : {}) } };
    return { status: 'skip', reason: `no cacheable GET to read twice (${notCounted.join('; ') || 'none found'})` };
  }
  const hits = measured.filter((r) => r.hit).length;
  const evidence: Evidence = {
    reads: measured.map((r) => `${r.target}: ${r.hit ? 'hit' : 'miss'}, ${r.how}`),
    hits,
    cacheableReads: measured.length,
    hitRate: Math.round((100 * hits) / measured.length),
    ...(notCounted.length ? { notCounted: [...notCounted] } : {}),
    ...(errors.length ? { errors } : {}),
    expected: 'the repeat read served by a cache: a CDN hit or a 304',
  };
  if (hits === measured.length) return { status: 'pass', evidence };
  const missed = measured.filter((r) => !r.hit).map((r) => r.target);
  if (hits === 0) return { status: 'fail', messageId: 'neverHit', severity: 'medium', evidence: { ...evidence, missed } };
  return { status: 'fail', messageId: 'someMissed', severity: 'low', evidence: { ...evidence, missed } };
}

// ---------------------------------------------------------------- gathering

const ENDPOINT_BODY_CAP = 2 * 1024 * 1024;
const MAX_ASSETS = 40;
const PARSE_CAP_CHARS = 2 * 1024 * 1024;

interface OriginReads { reads: ReadOutcome[]; notCounted: string[] }

const is2xx = (status: number) => status >= 200 && status < 300;
const originOf = (url: string) => new URL(url).origin;

/** Same-site assets of the key pages, each once. */
async function pageAssets(ctx: CheckContext): Promise<string[]> {
  const pages = keyPages(ctx.config, ctx.targets);
  const chains = await mapLimit(pages, ctx.config.network.concurrency, (p) => ctx.probes.redirects(p));
  const urls = new Set<string>();
  for (const chain of chains) {
    const final = chain.final;
    if (chain.error || !final || !is2xx(final.status) || !isHtmlResponse(final)) continue;
    const finalUrl = chain.hops[chain.hops.length - 1]?.url ?? chain.start;
    for (const a of sameSiteAssets(final.body.toString('utf8'), finalUrl, { maxChars: PARSE_CAP_CHARS })) {
      if (urls.size < MAX_ASSETS) urls.add(a.url);
    }
  }
  return [...urls];
}

/** The second read: the same request, conditional when the first answer had a validator. */
async function readAgain(ctx: CheckContext, url: string, headers: Record<string, string>, first: HttpResponse): Promise<ReadOutcome & { target: string }> {
  const policy = cachePolicyOf(first.headers, ctx.clock.now());
  const conditional = conditionalHeaders(policy);
  const res = await ctx.http.request({
    url, method: 'GET', headers: { ...headers, ...conditional },
    timeoutMs: ctx.config.network.timeoutMs, maxBodyBytes: ENDPOINT_BODY_CAP, signal: ctx.signal,
  });
  if (res.status !== 304 && !is2xx(res.status)) return { target: url, error: `repeat read answered ${res.status}` };
  const verdict = readHit(first, res);
  const asked = Object.keys(conditional).map((h) => (h === 'if-none-match' ? 'If-None-Match' : 'If-Modified-Since'));
  return { target: url, hit: verdict.hit, how: asked.length ? `${verdict.how}; asked with ${asked.join(', ')}` : verdict.how };
}

async function readAssets(ctx: CheckContext, into: (origin: string) => OriginReads): Promise<void> {
  const assets = await pageAssets(ctx);
  await mapLimit(assets, ctx.config.network.concurrency, async (url) => {
    const bucket = into(originOf(url));
    const first = await ctx.probes.fetch(url);
    if (!first.ok) return void bucket.reads.push({ target: url, error: `${first.error.code}: ${first.error.message}` });
    if (!is2xx(first.value.status)) return void bucket.reads.push({ target: url, error: `answered ${first.value.status}` });
    try {
      bucket.reads.push(await readAgain(ctx, url, {}, first.value));
    } catch (err) {
      bucket.reads.push({ target: url, error: describeError(err).message });
    }
  });
}

async function readEndpoints(ctx: CheckContext, into: (origin: string) => OriginReads): Promise<void> {
  const api = ctx.config.api;
  if (!api) return;
  const reads = api.endpoints.filter((e) => e.method.toUpperCase() === 'GET');
  if (reads.length === 0) return;
  const bucket = into(originOf(api.base));
  let session: ApiSession | undefined;
  if (api.login) {
    const login = await loginFor(ctx);
    if (!login.ok) {
      for (const e of reads) bucket.reads.push({ target: e.name, error: `login failed: ${login.error.message}` });
      return;
    }
    session = login.value;
  }
  await mapLimit(reads, ctx.config.network.concurrency, async (e) => {
    const url = apiUrl(api.base, e.path);
    const headers = { accept: 'application/json', ...(e.headers ?? {}), ...bearer(session) };
    try {
      const first = await ctx.http.request({ url, method: 'GET', headers, timeoutMs: ctx.config.network.timeoutMs, maxBodyBytes: ENDPOINT_BODY_CAP, signal: ctx.signal });
      const wall = detectChallenge(first);
      if (wall) return void bucket.reads.push({ target: e.name, error: `answered ${first.status}: ${wall}` });
      if (!is2xx(first.status)) return void bucket.reads.push({ target: e.name, error: `answered ${first.status}${first.status === 429 ? ' (rate limited)' : ''}` });
      const authorized = session !== undefined || Object.keys(e.headers ?? {}).some((h) => /^authorization$/i.test(h));
      const counted = countedRead(cachePolicyOf(first.headers, ctx.clock.now()), authorized);
      if (!counted.counted) return void bucket.notCounted.push(`${e.name}: ${counted.reason}`);
      const again = await readAgain(ctx, url, headers, first);
      bucket.reads.push({ ...again, target: e.name });
    } catch (err) {
      bucket.reads.push({ target: e.name, error: describeError(err).message });
    }
  });
}

export default createCheck({
  meta: {
    id: 'cache.repeat-reads',
    stage: 3,
    title: 'Repeat reads of cacheable GETs hit a cache',
    defaultSeverity: 'medium',
    targetKind: 'url',
    needs: [],
  },
  messages: {
    neverHit: '{{target}}: none of {{cacheableReads}} cacheable repeat reads hit a cache (no CDN hit, no 304)',
    someMissed: '{{target}}: {{hits}} of {{cacheableReads}} cacheable repeat reads hit a cache ({{hitRate}} %); missed: {{missed}}',
  },
  remediation: {
    neverHit:
      'Put the static files behind a CDN (or a caching reverse proxy) that honours their Cache-Control, and give cacheable API answers a validator: an `ETag` (Express sets weak ETags by default; nginx `etag on;`) answered with `304 Not Modified` on `If-None-Match`. Check the CDN is not bypassing the cache (`cf-cache-status: BYPASS/DYNAMIC`, a cookie in the cache key, `Vary: *`).',
    someMissed:
      'Look at the missed reads: give them a validator (`ETag`/`Last-Modified`) or route them through the CDN, and check their Cache-Control does not stop shared caching by accident.',
  },
  async run(ctx) {
    const origins = new Map<string, OriginReads>();
    const into = (origin: string) => {
      let b = origins.get(origin);
      if (!b) origins.set(origin, (b = { reads: [], notCounted: [] }));
      return b;
    };
    await Promise.all([readAssets(ctx, into), readEndpoints(ctx, into)]);
    for (const [origin, bucket] of [...origins].sort(([a], [b]) => a.localeCompare(b))) {
      const verdict = judgeRepeatReads(bucket.reads, bucket.notCounted);
      switch (verdict.status) {
        case 'pass':
          ctx.pass(origin, { message: `${origin}: ${String(verdict.evidence.hits)} of ${String(verdict.evidence.cacheableReads)} repeat reads hit a cache (100 %)`, evidence: verdict.evidence });
          break;
        case 'fail':
          ctx.fail({ target: origin, messageId: verdict.messageId, severity: verdict.severity, evidence: verdict.evidence });
          break;
        case 'error':
          ctx.error(origin, { code: 'READ_FAILED', message: verdict.message }, verdict.evidence);
          break;
        case 'skip':
          ctx.skip(origin, verdict.reason);
      }
    }
  },
});
