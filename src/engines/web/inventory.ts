/**
 * The script inventory of a page: each external script with its host, party, loading mode and
 * whether it holds up the first paint, plus its size, measured through an injected HTTP client
 * (bounded in time and bytes, each URL once per meter).
 */
import type { HttpClient, HttpResponse } from '../../context/types.js';
import { hostOfUrl, isThirdParty } from './party.js';
import type { PageResources, ScriptLoading } from './page-scripts.js';

export interface ScriptEntry {
  url: string;
  host: string;
  party: 'first' | 'third';
  loading: ScriptLoading;
  /** Holds up the first paint (and the browser does load it). */
  blocking: boolean;
  /** An `http://` script on an `https://` page: browsers refuse to load it (https.mixed-content). */
  mixedContentBlocked?: true;
}

export interface StylesheetEntry {
  url: string;
  host: string;
  party: 'first' | 'third';
  blocking: boolean;
  mixedContentBlocked?: true;
}

/** Secure Contexts §3.2: loopback and localhost are potentially trustworthy even over http. */
function trustworthyHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1';
}

/** Whether a browser refuses `url` as mixed content on `pageUrl`. */
export function blockedAsMixedContent(url: string, pageUrl: string): boolean {
  const host = hostOfUrl(url);
  return pageUrl.toLowerCase().startsWith('https:') && url.toLowerCase().startsWith('http:') && host !== undefined && !trustworthyHost(host);
}

/** Classifies a page's external scripts and stylesheets against the first-party sites. */
export function classifyResources(
  resources: Pick<PageResources, 'scripts' | 'stylesheets'>,
  pageUrl: string,
  firstParty: ReadonlySet<string>,
): { scripts: ScriptEntry[]; stylesheets: StylesheetEntry[] } {
  const common = (url: string, renderBlocking: boolean) => {
    const mixed = blockedAsMixedContent(url, pageUrl);
    return {
      url,
      host: hostOfUrl(url) ?? '',
      party: isThirdParty(url, firstParty) ? 'third' as const : 'first' as const,
      // A script the browser never fetches cannot hold the paint.
      blocking: renderBlocking && !mixed,
      ...(mixed ? { mixedContentBlocked: true as const } : {}),
    };
  };
  return {
    scripts: resources.scripts.map((s) => ({ ...common(s.url, s.renderBlocking), loading: s.loading })),
    stylesheets: resources.stylesheets.map((s) => common(s.url, s.renderBlocking)),
  };
}

/** What fetching one script found. */
export interface ScriptSize {
  /** Decoded body size. */
  bytes?: number;
  /** Bytes on the wire: the `Content-Length` of a compressed answer, else the body size. */
  transferBytes?: number;
  status?: number;
  timeMs?: number;
  /** Why the size is unknown (`TIMEOUT`, `BODY_TOO_LARGE`, `HTTP_404` …). */
  error?: string;
}

export interface SizeMeterOptions {
  timeoutMs: number;
  /** Bodies above this are not read to the end; the size is reported as over the cap. */
  maxBytes: number;
  signal?: AbortSignal;
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Redirects a browser would follow for one subresource before giving up (we stop earlier). */
const MAX_REDIRECTS = 5;

/**
 * GET `url` following up to five redirects, as the browser would; the last answer is returned
 * (a redirect still pointing on after five hops comes back as is). `timings` add up the hops.
 */
export async function getFollowing(
  http: Pick<HttpClient, 'request'>,
  url: string,
  opts: { timeoutMs: number; maxBodyBytes: number; signal?: AbortSignal },
): Promise<HttpResponse> {
  let current = url;
  let spent = 0;
  for (let hop = 0; ; hop++) {
    const res = await http.request({ url: current, method: 'GET', headers: { accept: '*/*' }, ...opts });
    spent += res.timings.totalMs;
    const location = single(res.headers.location);
    if (hop >= MAX_REDIRECTS || res.status < 300 || res.status > 399 || !location) {
      return { ...res, timings: { ...res.timings, totalMs: spent } };
    }
    try {
      current = new URL(location, current).href;
    } catch {
      return res;
    }
  }
}

/** The transfer size when the headers state one for an encoded body. */
function transferSize(headers: Record<string, string | string[]>, decoded: number): number {
  const encoding = single(headers['content-encoding'])?.trim().toLowerCase();
  const length = Number(single(headers['content-length']));
  return encoding && encoding !== 'identity' && Number.isFinite(length) && length >= 0 ? length : decoded;
}

/**
 * Returns `measure(url)`, which GETs a script once (later calls share the answer) and reports its
 * size; failures are data, never exceptions.
 */
export function createSizeMeter(http: Pick<HttpClient, 'request'>, opts: SizeMeterOptions): (url: string) => Promise<ScriptSize> {
  const memo = new Map<string, Promise<ScriptSize>>();
  const measure = async (url: string): Promise<ScriptSize> => {
    try {
      const res = await getFollowing(http, url, { timeoutMs: opts.timeoutMs, maxBodyBytes: opts.maxBytes, signal: opts.signal });
      const timeMs = Math.round(res.timings.totalMs);
      if (res.status < 200 || res.status > 299) return { status: res.status, timeMs, error: `HTTP_${res.status}` };
      return { bytes: res.body.length, transferBytes: transferSize(res.headers, res.body.length), status: res.status, timeMs };
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      return { error: typeof code === 'string' ? code : 'FETCH_FAILED' };
    }
  };
  return (url) => {
    let answer = memo.get(url);
    if (!answer) {
      answer = measure(url);
      memo.set(url, answer);
    }
    return answer;
  };
}
