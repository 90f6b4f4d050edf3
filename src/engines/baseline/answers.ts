/**
 * The evidence kept from single answers: an allowlist of response headers (caching, validators,
 * pagination, rate limits — never cookies or anything that could carry a credential), the body's
 * size and, for JSON lists, its row count and the signs of pagination it shows.
 */
import type { HttpResponse } from '../../context/types.js';
import type { AnswerSample } from './types.js';

/** Headers kept in samples. Anything else (set-cookie, auth challenges, custom ids) is dropped. */
const KEPT_HEADERS = new Set([
  'cache-control', 'etag', 'last-modified', 'expires', 'age', 'vary', 'pragma',
  'content-type', 'content-length', 'content-encoding',
  'link', 'location', 'x-total-count', 'x-next-page', 'x-next-cursor', 'x-pagination',
  'retry-after', 'ratelimit', 'ratelimit-policy', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset',
  'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset',
  'cf-cache-status', 'x-cache', 'x-cache-status', 'cdn-cache-control', 'surrogate-control',
]);
/** A kept header value longer than this is cut: evidence, not a copy of the answer. */
const MAX_HEADER_CHARS = 300;

/** The kept headers of an answer, lower-case names, repeated ones joined. */
export function keptHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (value === undefined || !KEPT_HEADERS.has(name)) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = text.length > MAX_HEADER_CHARS ? `${text.slice(0, MAX_HEADER_CHARS)}…` : text;
  }
  return out;
}

/** Keys of a JSON answer (or of its `meta`/`pagination`/`links` objects) that only paginated lists carry. */
const PAGE_KEYS = new Set([
  'next', 'next_cursor', 'nextcursor', 'cursor', 'next_page', 'nextpage', 'next_page_token', 'nextpagetoken',
  'has_more', 'hasmore', 'hasnextpage', 'page', 'per_page', 'perpage', 'page_size', 'pagesize', 'total_pages',
  'totalpages', 'offset', 'limit', 'continuation', 'continuationtoken', 'starting_after', 'endcursor',
]);
const PAGE_CONTAINERS = ['meta', 'pagination', 'page_info', 'pageInfo', 'links', '_links', 'paging'];
/** Query parameters that ask a list for one page. */
const PAGE_QUERY = /[?&](limit|page|per_page|page_size|pagesize|cursor|after|offset|starting_after)=/i;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Rows of a list answer: a top-level array, or the longest array directly or one object down. */
export function countRows(doc: unknown): number | undefined {
  if (Array.isArray(doc)) return doc.length;
  if (!isObject(doc)) return undefined;
  let best: number | undefined;
  const consider = (obj: Record<string, unknown>) => {
    for (const v of Object.values(obj)) if (Array.isArray(v) && (best === undefined || v.length > best)) best = v.length;
  };
  consider(doc);
  // `{ data: { items: [...] } }` and `{ result: { rows: [...] } }` shapes.
  if (best === undefined) for (const v of Object.values(doc)) if (isObject(v)) consider(v);
  return best;
}

/** The signs of pagination an answer (and the request path) shows; empty when there are none. */
export function paginationSignals(path: string, headers: Record<string, string>, doc: unknown): string[] {
  const signals: string[] = [];
  if (PAGE_QUERY.test(path)) signals.push(`query ${PAGE_QUERY.exec(path)![1]}=`);
  // RFC 8288: rel may be quoted and hold several relation types.
  if (/;\s*rel\s*=\s*"?[^";]*\bnext\b/i.test(headers.link ?? '')) signals.push('Link rel="next"');
  if (headers['x-total-count'] !== undefined) signals.push('X-Total-Count');
  if (headers['x-next-page'] !== undefined || headers['x-next-cursor'] !== undefined) signals.push('X-Next-* header');
  if (isObject(doc)) {
    const keys = (obj: Record<string, unknown>, prefix: string) => {
      for (const k of Object.keys(obj)) if (PAGE_KEYS.has(k.toLowerCase())) signals.push(`${prefix}${k}`);
    };
    keys(doc, '');
    for (const c of PAGE_CONTAINERS) if (isObject(doc[c])) keys(doc[c] as Record<string, unknown>, `${c}.`);
  }
  return signals;
}

/** An answer as evidence. The body is read for its row count only, never kept. */
export function sampleOf(path: string, res: Pick<HttpResponse, 'status' | 'headers' | 'body' | 'timings'>): AnswerSample {
  const headers = keptHeaders(res.headers);
  const sample: AnswerSample = { status: res.status, headers, bytes: res.body.length, ms: Math.round(res.timings.totalMs * 1000) / 1000 };
  if (res.status >= 200 && res.status < 300 && /json/i.test(headers['content-type'] ?? 'json')) {
    let doc: unknown;
    try {
      doc = JSON.parse(res.body.toString('utf8'));
    } catch {
      return sample;
    }
    const rows = countRows(doc);
    if (rows !== undefined) sample.rows = rows;
    sample.pagination = paginationSignals(path, headers, doc);
  }
  return sample;
}
