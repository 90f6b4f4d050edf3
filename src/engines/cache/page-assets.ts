/**
 * The static assets a page loads from its own site: `<script src>`, stylesheets and script/style
 * preloads whose host shares the page's registrable domain (a vendor's CDN is not the product's
 * to configure). Pure: takes the HTML the caller fetched.
 */
import { getDomain } from 'tldts';
import { extractSubresources } from '../html/index.js';
import { fingerprintOf } from './fingerprint.js';

export interface PageAsset {
  url: string;
  kind: 'script' | 'stylesheet';
  /** The hash-looking token of its file name, when it has one. */
  fingerprint?: string;
}

/** eTLD+1 of a host (`app.acme.test` → `acme.test`), the host itself when there is none. */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  return getDomain(h, { allowPrivateDomains: false }) ?? h;
}

function assetKind(tag: string, kind: string, as: string | undefined): PageAsset['kind'] | undefined {
  if (kind === 'script' && tag === 'script') return 'script';
  if (kind === 'stylesheet') return 'stylesheet';
  if (kind === 'preload' && (as === 'script' || as === 'style')) return as === 'script' ? 'script' : 'stylesheet';
  return undefined;
}

/** Same-site scripts and stylesheets of a page, each once, in document order, at most `max`. */
export function sameSiteAssets(html: string, pageUrl: string, opts: { max?: number; maxChars?: number } = {}): PageAsset[] {
  const page = new URL(pageUrl);
  const site = siteOf(page.hostname);
  const seen = new Set<string>();
  const out: PageAsset[] = [];
  for (const ref of extractSubresources(html, pageUrl, { maxChars: opts.maxChars }).subresources) {
    const kind = assetKind(ref.tag, ref.kind, ref.as);
    if (!kind) continue;
    let url: URL;
    try {
      url = new URL(ref.url);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    if (siteOf(url.hostname) !== site) continue;
    url.hash = '';
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const fingerprint = fingerprintOf(url.href);
    out.push({ url: url.href, kind, ...(fingerprint ? { fingerprint } : {}) });
    if (out.length >= (opts.max ?? 50)) break;
  }
  return out;
}
