/**
 * Finds the external scripts and stylesheets of an HTML page and how the browser loads them:
 * whether each one holds up the first paint. Follows the HTML standard's script processing model
 * (§4.12.1): a classic `<script src>` without `async` or `defer` is parser-blocking; `defer`,
 * `async` and `type=module` are not; `blocking="render"` makes anything render-blocking. Only
 * what sits in `<head>` or before the first visible body content delays the first paint — a
 * blocking script at the end of `<body>` stalls the parser after the content has rendered.
 * Pure: htmlparser2 on a string, no network.
 */
import { Parser } from 'htmlparser2';

/** How a script element is fetched and run. */
export type ScriptLoading = 'blocking' | 'async' | 'defer' | 'module' | 'module-async';

export interface PageScript {
  /** Absolute URL, resolved against the page and its `<base href>`. */
  url: string;
  loading: ScriptLoading;
  /** In `<head>`, or in `<body>` before any visible content. */
  early: boolean;
  /** Whether the browser cannot paint until this script has been fetched and run. */
  renderBlocking: boolean;
}

export interface PageStylesheet {
  url: string;
  /** The `media` attribute when present (`print` does not block rendering on screens). */
  media?: string;
  early: boolean;
  renderBlocking: boolean;
}

export interface PageResources {
  baseUrl: string;
  /** External scripts in document order, each URL once (its first occurrence wins). */
  scripts: PageScript[];
  stylesheets: PageStylesheet[];
  /** Inline `<script>` elements (no URL, listed only as a count). */
  inlineScripts: number;
  /** The document was longer than `maxChars` and only its start was read. */
  truncated: boolean;
}

const DEFAULT_MAX_CHARS = 5 * 1024 * 1024;

/**
 * MIME types that make a `<script>` a classic script (HTML §4.12.1 "JavaScript MIME type
 * essence match"); an empty or absent type is one too. Anything else that is not `module`
 * (`application/ld+json`, `text/template`, `importmap`, `speculationrules` …) is never fetched
 * or run as a script.
 */
const JS_TYPES = new Set([
  'application/ecmascript', 'application/javascript', 'application/x-ecmascript', 'application/x-javascript',
  'text/ecmascript', 'text/javascript', 'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2',
  'text/javascript1.3', 'text/javascript1.4', 'text/javascript1.5', 'text/jscript', 'text/livescript',
  'text/x-ecmascript', 'text/x-javascript',
]);

/** Elements that may sit before the body content without being content themselves. */
const NON_CONTENT = new Set(['html', 'head', 'body', 'script', 'noscript', 'link', 'meta', 'style', 'template', 'title', 'base']);
/** Elements whose text is not page content. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'noscript', 'template']);
/** Elements whose content a scripting browser never fetches from (`<template>` is inert, `<noscript>` raw text). */
const INERT = new Set(['template', 'noscript']);

const has = (attrs: Record<string, string>, name: string) => Object.prototype.hasOwnProperty.call(attrs, name);
const tokens = (value: string | undefined) => new Set((value ?? '').toLowerCase().split(/[\t\n\f\r ]+/).filter(Boolean));

/** `classic`, `module`, or `none` (a data block the browser never runs). */
export function scriptType(type: string | undefined): 'classic' | 'module' | 'none' {
  const t = (type ?? '').trim().toLowerCase();
  if (t === '') return 'classic';
  if (t === 'module') return 'module';
  return JS_TYPES.has(t.split(';')[0].trim()) ? 'classic' : 'none';
}

/** How a `<script src>` with these attributes loads, or undefined when it never runs. */
export function scriptLoading(attrs: Record<string, string>): ScriptLoading | undefined {
  // Modern browsers skip `nomodule` scripts entirely: they are the fallback for old ones.
  if (has(attrs, 'nomodule')) return undefined;
  const kind = scriptType(attrs.type);
  if (kind === 'none') return undefined;
  if (kind === 'module') return has(attrs, 'async') ? 'module-async' : 'module';
  if (has(attrs, 'async')) return 'async';
  if (has(attrs, 'defer')) return 'defer';
  return 'blocking';
}

/**
 * Whether a stylesheet with this `media` applies to a screen at first paint. Browsers still
 * download non-matching sheets, but without blocking; `print` is the common trick.
 */
export function mediaBlocksScreen(media: string | undefined): boolean {
  if (media === undefined) return true;
  const queries = media.toLowerCase().split(',').map((q) => q.trim()).filter(Boolean);
  if (queries.length === 0) return true;
  return queries.some((q) => !/^(?:only\s+)?(?:print|speech)\b/.test(q) && !/^not\s+(?:all|screen)\b/.test(q));
}

function resolve(raw: string, base: string): string | undefined {
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return undefined;
  }
}

/**
 * The external scripts and stylesheets of `html` served at `pageUrl`, with whether each blocks
 * the first paint. `maxChars` bounds the characters parsed (default 5 MiB).
 */
export function findPageResources(html: string, pageUrl: string, opts: { maxChars?: number } = {}): PageResources {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const truncated = html.length > maxChars;
  type Raw = { kind: 'script'; raw: string; loading: ScriptLoading; early: boolean; render: boolean }
    | { kind: 'stylesheet'; raw: string; media?: string; early: boolean; render: boolean };
  const raws: Raw[] = [];
  let baseHref: string | undefined;
  let inert = 0;
  let rawText = 0;
  let contentSeen = false;
  let inlineScripts = 0;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (INERT.has(name)) inert++;
        if (RAW_TEXT.has(name)) rawText++;
        if (inert > 0) return;
        // Any other element is content (in <head> it would implicitly close the head, HTML §13.2.6.4.4).
        if (!NON_CONTENT.has(name)) contentSeen = true;
        const early = !contentSeen;
        if (name === 'base' && baseHref === undefined && attrs.href !== undefined) baseHref = attrs.href;
        // `blocking="render"` (HTML §2.5.8) holds the first paint whatever else the element says.
        const explicit = tokens(attrs.blocking).has('render');
        if (name === 'script') {
          const src = attrs.src?.trim();
          const loading = scriptLoading(attrs);
          if (!src) {
            if (loading !== undefined) inlineScripts++;
            return;
          }
          if (loading !== undefined) raws.push({ kind: 'script', raw: src, loading, early, render: explicit || (early && loading === 'blocking') });
        }
        if (name === 'link' && attrs.href?.trim()) {
          const rel = tokens(attrs.rel);
          // `alternate stylesheet` and `disabled` sheets are not applied, so never block.
          if (!rel.has('stylesheet') || rel.has('alternate') || has(attrs, 'disabled')) return;
          const media = attrs.media;
          raws.push({ kind: 'stylesheet', raw: attrs.href, ...(media !== undefined ? { media } : {}), early, render: explicit || (early && mediaBlocksScreen(media)) });
        }
      },
      ontext(text) {
        if (inert === 0 && rawText === 0 && text.trim() !== '') contentSeen = true;
      },
      onclosetag(name) {
        if (RAW_TEXT.has(name)) rawText = Math.max(0, rawText - 1);
        if (INERT.has(name)) inert = Math.max(0, inert - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(truncated ? html.slice(0, maxChars) : html);
  parser.end();

  // HTML §4.2.3: the first base element with an href wins, wherever it sits.
  const baseUrl = (baseHref !== undefined && resolve(baseHref, pageUrl)) || pageUrl;
  const scripts: PageScript[] = [];
  const stylesheets: PageStylesheet[] = [];
  const seen = new Set<string>();
  for (const r of raws) {
    const url = resolve(r.raw, baseUrl);
    if (url === undefined || seen.has(`${r.kind} ${url}`)) continue;
    seen.add(`${r.kind} ${url}`);
    if (r.kind === 'script') scripts.push({ url, loading: r.loading, early: r.early, renderBlocking: r.render });
    else stylesheets.push({ url, ...(r.media !== undefined ? { media: r.media } : {}), early: r.early, renderBlocking: r.render });
  }
  return { baseUrl, scripts, stylesheets, inlineScripts, truncated };
}
