/**
 * `blockingScriptHints`: for a list of pages, the third-party scripts that hold up their first
 * paint — the one-line fix the baseline report can recommend ("load `…/widget.js` async").
 * Fetches each page through the injected HTTP client (redirects followed, bounded), never the
 * scripts themselves.
 */
import type { HttpClient } from '../../context/types.js';
import { classifyResources, getFollowing } from './inventory.js';
import { findPageResources } from './page-scripts.js';
import { firstPartySites } from './party.js';

export interface BlockingScriptHint {
  /** The page as asked. */
  page: string;
  /** Absolute URL of the third-party script that blocks rendering. */
  script: string;
}

export interface HintOptions {
  timeoutMs: number;
  /** Page bodies above this are not read (default 5 MiB). */
  maxBytes?: number;
  /** Hosts the product declares (config environments): their sites are first party too. */
  firstPartyHosts?: readonly string[];
  signal?: AbortSignal;
}

/** Pages that cannot be fetched or are not HTML contribute no hint (the checks report those). */
export async function blockingScriptHints(
  http: Pick<HttpClient, 'request'>,
  pages: readonly string[],
  opts: HintOptions,
): Promise<BlockingScriptHint[]> {
  const hints: BlockingScriptHint[] = [];
  for (const page of pages) {
    let html: string;
    let finalUrl = page;
    try {
      const res = await getFollowing(http, page, { timeoutMs: opts.timeoutMs, maxBodyBytes: opts.maxBytes ?? 5 * 1024 * 1024, signal: opts.signal });
      if (res.status !== 200 || !/html/i.test(String(res.headers['content-type'] ?? 'text/html'))) continue;
      html = res.body.toString('utf8');
      finalUrl = res.url;
    } catch {
      continue;
    }
    hints.push(...blockingThirdPartyScripts(html, finalUrl, opts.firstPartyHosts).map((script) => ({ page, script })));
  }
  return hints;
}

/** Pure: the third-party scripts of `html` (served at `pageUrl`) that block its first paint. */
export function blockingThirdPartyScripts(html: string, pageUrl: string, firstPartyHosts: readonly string[] = []): string[] {
  const { scripts } = classifyResources(findPageResources(html, pageUrl), pageUrl, firstPartySites(pageUrl, firstPartyHosts));
  return scripts.filter((s) => s.party === 'third' && s.blocking).map((s) => s.url);
}
