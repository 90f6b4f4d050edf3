/**
 * Signs that a list answer is paginated: a `Link: <…>; rel="next"` header (RFC 8288, GitHub,
 * GitLab), next-page headers (`X-Next-Page`, `X-Total-Pages`), and the body fields APIs use for
 * cursors and pages — `next`, `nextCursor`/`next_cursor` (Slack `response_metadata`), `cursor`,
 * `next_page`/`next_page_url` (Laravel), `nextPageToken` (Google), `@odata.nextLink`,
 * `links.next` (JSON:API), `_links.next.href` (HAL), `paging.next`/`paging.cursors.after`
 * (Facebook), `has_more` (Stripe), `hasNextPage`, `continuationToken`, `total_pages`/`last_page`…
 * A field that is present but null (`"next": null` on a last page) still shows the endpoint pages.
 */
import { headerValue, type HeaderBag } from '../cache/cache-control.js';

export type SignalKind = 'cursor' | 'more' | 'pages';

export interface PaginationSignal {
  /** Where it was found: `Link rel="next"`, `body.next`, `body.meta.next_cursor`, `header x-next-page`. */
  where: string;
  kind: SignalKind;
  /** The cursor or URL (shortened), the flag, or null when the field is present and empty. */
  value: string | boolean | number | null;
}

/** Field names after lower-casing and dropping `_`, `-`, `@` and `.`. */
const CURSOR_FIELDS = new Set([
  'next', 'nextcursor', 'cursor', 'nextpage', 'nextpageurl', 'nextpagetoken', 'nextlink', 'odatanextlink', 'nexturl',
  'continuationtoken', 'continuation', 'nexttoken', 'nextkey', 'endcursor', 'nextoffset', 'nextpagecursor', 'after',
]);
const MORE_FIELDS = new Set(['hasmore', 'hasnextpage', 'hasnext', 'more', 'moreavailable', 'istruncated']);
const PAGE_FIELDS = new Set(['totalpages', 'lastpage', 'pagecount', 'numpages', 'pagesize', 'perpage', 'currentpage', 'pagenumber']);
/** Objects that hold pagination metadata (one level, or two for `paging.cursors`). */
const CONTAINERS = new Set(['meta', 'pagination', 'paging', 'page', 'links', 'cursors', 'pageinfo', 'metadata', 'pager', 'responsemetadata', 'pageable']);
/** `after` alone is too common a word at the top level; only inside a container. */
const CONTAINER_ONLY = new Set(['after']);

const norm = (key: string) => key.toLowerCase().replace(/[_\-@.]/g, '');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const short = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

function cursorValue(v: unknown): string | null | undefined {
  if (v === null || v === '') return null;
  if (typeof v === 'string') return short(v);
  if (typeof v === 'number') return String(v);
  // HAL / JSON:API link objects: `{ "href": "…" }`.
  if (isObject(v) && typeof v.href === 'string') return short(v.href);
  return undefined;
}

function scan(obj: Record<string, unknown>, path: string, inContainer: boolean, depth: number, out: PaginationSignal[]): void {
  for (const [key, v] of Object.entries(obj)) {
    const n = norm(key);
    const where = `${path}.${key}`;
    if (CURSOR_FIELDS.has(n) && (inContainer || !CONTAINER_ONLY.has(n))) {
      if (typeof v === 'boolean') out.push({ where, kind: 'more', value: v });
      else {
        const value = cursorValue(v);
        if (value !== undefined) out.push({ where, kind: 'cursor', value });
      }
    } else if (MORE_FIELDS.has(n) && typeof v === 'boolean') {
      out.push({ where, kind: 'more', value: v });
    } else if (PAGE_FIELDS.has(n) && (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)))) {
      out.push({ where, kind: 'pages', value: Number(v) });
    } else if (CONTAINERS.has(n) && isObject(v) && depth < 2) {
      scan(v, where, true, depth + 1, out);
    }
  }
}

/** The `rel="next"` target of a `Link` header (RFC 8288), when there is one. */
export function linkNext(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const m of link.matchAll(/<([^>]*)>([^,<]*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2])?.[1];
    if (rel && rel.toLowerCase().split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

/** Every pagination signal of an answer: headers first, then body fields. */
export function paginationSignals(json: unknown, headers: HeaderBag): PaginationSignal[] {
  const out: PaginationSignal[] = [];
  const next = linkNext(headerValue(headers, 'link'));
  if (next !== undefined) out.push({ where: 'Link rel="next"', kind: 'cursor', value: short(next) });
  for (const name of ['x-next-page', 'x-next-cursor', 'x-pagination-next', 'x-continuation-token']) {
    const v = headerValue(headers, name);
    if (v !== undefined) out.push({ where: `header ${name}`, kind: 'cursor', value: v.trim() === '' ? null : short(v.trim()) });
  }
  for (const name of ['x-total-pages', 'x-pagination-page-count', 'x-per-page']) {
    const v = headerValue(headers, name);
    if (v !== undefined && /^\d+$/.test(v.trim())) out.push({ where: `header ${name}`, kind: 'pages', value: Number(v.trim()) });
  }
  if (isObject(json)) scan(json, 'body', false, 0, out);
  return out;
}

/** True when a signal points at a further page (a cursor or URL, `has_more: true`). */
export function hasNextPage(signals: readonly PaginationSignal[]): boolean {
  return signals.some((s) => (s.kind === 'cursor' && s.value !== null) || (s.kind === 'more' && s.value === true));
}
