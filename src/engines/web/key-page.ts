/**
 * Loads a key page the way a browser would before judging what it loads: through the shared
 * redirect chain (memoised per run, so the mixed-content, third-party and Lighthouse checks fetch
 * each page once), ending on an HTML answer. What is not a page is said so, not guessed at.
 */
import { isHtmlResponse, mediaType } from '../https/mixed-content.js';
import { formatChain } from '../redirects/chain.js';
import type { ProbeError, Probes } from '../../probes/types.js';
import { hostOfUrl } from './party.js';

export type KeyPage =
  | {
    status: 'ok';
    page: string;
    /** Where the redirects ended: the URL the browser renders. */
    finalUrl: string;
    httpStatus: number;
    html: string;
    /** Every host of the redirect chain, in order (a browser must reach them all). */
    chainHosts: string[];
  }
  | { status: 'error'; page: string; error: ProbeError; chain: string[] }
  | { status: 'skip'; page: string; reason: string };

/** Fetches `page` through `probes.redirects` and says whether it is an HTML page to judge. */
export async function loadKeyPage(probes: Pick<Probes, 'redirects'>, page: string): Promise<KeyPage> {
  const chain = await probes.redirects(page);
  const final = chain.final;
  if (chain.error || !final) {
    return { status: 'error', page, error: chain.error ?? { code: 'NO_RESPONSE', message: `no response from ${page}` }, chain: formatChain(chain) };
  }
  const finalUrl = chain.hops[chain.hops.length - 1]?.url ?? page;
  if (!isHtmlResponse(final)) {
    return { status: 'skip', page, reason: `${finalUrl} answers ${final.status} ${mediaType(final.headers) ?? 'of an unknown type'}, not an HTML page` };
  }
  // An error page's scripts are not the product's: the page must answer before it can be judged.
  if (final.status >= 400) {
    return { status: 'error', page, error: { code: `HTTP_${final.status}`, message: `${finalUrl} answers ${final.status}` }, chain: formatChain(chain) };
  }
  const chainHosts = [...new Set(chain.hops.map((h) => hostOfUrl(h.url)).filter((h): h is string => h !== undefined))];
  return { status: 'ok', page, finalUrl, httpStatus: final.status, html: final.body.toString('utf8'), chainHosts };
}
