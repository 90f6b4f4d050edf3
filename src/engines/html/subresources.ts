/**
 * Extracts what an HTML page makes the browser fetch (its subresources) with htmlparser2: scripts,
 * stylesheets, preloads, icons, images, media, frames, plugins, form targets and the URLs inside
 * inline CSS, resolved against the page URL and its `<base href>`. Navigation links (`<a href>`)
 * are not subresources and are left out. Knows nothing of checks: the mixed-content check, the
 * third-party inventory and others judge what this returns.
 */
import { Parser } from 'htmlparser2';
import { cssUrls, type CssReferenceKind } from './css-urls.js';
import { parseSrcset } from './srcset.js';

export type SubresourceKind =
  | 'script' | 'stylesheet' | 'preload' | 'icon' | 'image' | 'media' | 'frame' | 'object' | 'embed' | 'form'
  | 'css-import' | 'font' | 'css-url';

export interface Subresource {
  /** Element that references it (`script`, `link`, `img`, `style` …). */
  tag: string;
  /** Attribute it came from (`src`, `href`, `srcset`, `style`, or `#text` for a `<style>` body). */
  attribute: string;
  kind: SubresourceKind;
  /** Absolute URL after resolution against the document's base URL. */
  url: string;
  /** `as` of a `<link rel=preload>` (`script`, `style`, `image`, `font` …). */
  as?: string;
}

export interface HtmlSubresources {
  /** The URL relative references resolve against (the first valid `<base href>`, else the page URL). */
  baseUrl: string;
  subresources: Subresource[];
  /** `content` of every `<meta http-equiv="Content-Security-Policy">`. */
  metaCsp: string[];
  /** True when the document was longer than `maxChars` and only its start was parsed. */
  truncated: boolean;
}

export interface ExtractOptions {
  /** Characters parsed at most (default 5 MiB worth), so a huge page costs bounded CPU. */
  maxChars?: number;
}

const DEFAULT_MAX_CHARS = 5 * 1024 * 1024;

type Raw = Omit<Subresource, 'url'> & { raw: string };

/** Elements whose content a script-enabled browser never fetches from (`<template>` is inert, `<noscript>` is raw text). */
const INERT = new Set(['template', 'noscript']);

const CSS_KIND: Record<CssReferenceKind, SubresourceKind> = { import: 'css-import', font: 'font', url: 'css-url' };

/** `rel` tokens that make a `<link>` fetch something, strongest first. */
function linkKind(rel: string): { kind: SubresourceKind; as?: string } | undefined {
  const tokens = new Set(rel.toLowerCase().split(/[\t\n\f\r ]+/));
  if (tokens.has('stylesheet')) return { kind: 'stylesheet' };
  if (tokens.has('modulepreload')) return { kind: 'preload', as: 'script' };
  if (tokens.has('preload')) return { kind: 'preload' };
  if (tokens.has('icon') || tokens.has('apple-touch-icon')) return { kind: 'icon' };
  return undefined;
}

/** What one start tag references, before resolution. */
function fromElement(tag: string, a: Record<string, string>): Raw[] {
  const out: Raw[] = [];
  const add = (attribute: string, kind: SubresourceKind, extra: Partial<Raw> = {}) => {
    const value = a[attribute];
    if (value !== undefined && value.trim() !== '') out.push({ tag, attribute, kind, raw: value, ...extra });
  };
  const addSrcset = (kind: SubresourceKind) => {
    if (a.srcset) for (const raw of parseSrcset(a.srcset)) out.push({ tag, attribute: 'srcset', kind, raw });
  };
  switch (tag) {
    case 'script': add('src', 'script'); break;
    case 'link': {
      const k = linkKind(a.rel ?? '');
      const as = k?.as ?? a.as?.toLowerCase();
      if (k) add('href', k.kind, as ? { as } : {});
      break;
    }
    case 'img': add('src', 'image'); addSrcset('image'); break;
    case 'source': {
      // <source> inside <picture> is an image; inside <video>/<audio> it is media.
      const kind = a.srcset !== undefined ? 'image' : 'media';
      add('src', kind); addSrcset('image');
      break;
    }
    case 'video': add('src', 'media'); add('poster', 'image'); break;
    case 'audio': add('src', 'media'); break;
    case 'iframe': case 'frame': add('src', 'frame'); break;
    case 'object': add('data', 'object'); break;
    case 'embed': add('src', 'embed'); break;
    case 'form': add('action', 'form'); break;
    case 'button': add('formaction', 'form'); break;
    case 'input':
      add('formaction', 'form');
      if ((a.type ?? '').toLowerCase() === 'image') add('src', 'image');
      break;
  }
  if (a.style) for (const ref of cssUrls(a.style)) out.push({ tag, attribute: 'style', kind: CSS_KIND[ref.kind], raw: ref.url });
  return out;
}

function resolve(raw: string, base: string): string | undefined {
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return undefined;
  }
}

/**
 * Every subresource of `html` served at `pageUrl`, in document order, each resolved to an absolute
 * URL (unresolvable references are dropped). The base URL is the first `<base href>` of the
 * document (HTML §4.2.3: the first base element with href wins, wherever it sits).
 */
export function extractSubresources(html: string, pageUrl: string, opts: ExtractOptions = {}): HtmlSubresources {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const truncated = html.length > maxChars;
  const raws: Raw[] = [];
  const metaCsp: string[] = [];
  let baseHref: string | undefined;
  let inert = 0;
  let styleText: string | undefined;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (INERT.has(name)) inert++;
        if (inert > 0) return;
        if (name === 'base' && baseHref === undefined && attribs.href !== undefined) baseHref = attribs.href;
        if (name === 'meta' && (attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy' && attribs.content) {
          metaCsp.push(attribs.content);
        }
        if (name === 'style') styleText = '';
        raws.push(...fromElement(name, attribs));
      },
      ontext(text) {
        if (styleText !== undefined) styleText += text;
      },
      onclosetag(name) {
        if (INERT.has(name)) {
          inert = Math.max(0, inert - 1);
          return;
        }
        if (name === 'style' && styleText !== undefined) {
          for (const ref of cssUrls(styleText)) raws.push({ tag: 'style', attribute: '#text', kind: CSS_KIND[ref.kind], raw: ref.url });
          styleText = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(truncated ? html.slice(0, maxChars) : html);
  parser.end();

  const baseUrl = (baseHref !== undefined && resolve(baseHref, pageUrl)) || pageUrl;
  const subresources: Subresource[] = [];
  for (const { raw, ...rest } of raws) {
    const url = resolve(raw, baseUrl);
    if (url !== undefined) subresources.push({ ...rest, url });
  }
  return { baseUrl, subresources, metaCsp, truncated };
}
