/**
 * The pure part of https.mixed-content: which pages are key pages, whether a response is HTML,
 * whether a CSP upgrades insecure requests, and the verdict on a page's subresources following
 * the W3C Mixed Content spec's split between blockable (active) and upgradeable (passive) content.
 */
import type { LaunchConfig } from '../../config/types.js';
import type { HttpResponse } from '../../context/types.js';
import type { Targets } from '../../core/targets.js';
import type { Evidence } from '../../core/types.js';
import type { Subresource } from '../html/index.js';

/** Evidence lists at most this many insecure references (the count says how many there were). */
const MAX_LISTED = 50;

/**
 * `pages:` when declared; otherwise each environment's canonical URL and `https://<host>/` of
 * every app or marketing host, each once, in config order.
 */
export function keyPages(config: Pick<LaunchConfig, 'pages' | 'environments'>, targets: Pick<Targets, 'environments' | 'hostsOf'>): string[] {
  if (config.pages.length) return [...new Set(config.pages)];
  const pages = new Set<string>();
  for (const env of targets.environments()) {
    const canonical = config.environments[env]?.canonical;
    if (canonical) {
      try {
        pages.add(new URL(canonical).href);
      } catch {
        // The config loader validates URLs; an unparsable one simply contributes no page.
      }
    }
    for (const h of targets.hostsOf(env)) {
      if (h.role === 'app' || h.role === 'marketing') pages.add(`https://${h.name.toLowerCase().replace(/\.$/, '')}/`);
    }
  }
  return [...pages];
}

/** The media type of a response (`text/html`), lower-cased, without parameters. */
export function mediaType(headers: HttpResponse['headers']): string | undefined {
  const raw = headers['content-type'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.split(';')[0].trim().toLowerCase() || undefined;
}

/** HTML by Content-Type, or, when there is none, by its first bytes (a doctype or `<html`). */
export function isHtmlResponse(res: Pick<HttpResponse, 'headers' | 'body'>): boolean {
  const type = mediaType(res.headers);
  if (type) return type === 'text/html' || type === 'application/xhtml+xml';
  const head = res.body.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/**
 * Whether any enforced policy carries `upgrade-insecure-requests` (W3C Upgrade Insecure Requests):
 * the browser then fetches every `http://` subresource over HTTPS, so none is mixed content.
 * Header values may join several policies with commas; report-only policies are not passed here.
 */
export function hasUpgradeInsecureRequests(policies: readonly string[]): boolean {
  return policies
    .flatMap((p) => p.split(','))
    .flatMap((p) => p.split(';'))
    .some((d) => d.trim().split(/\s+/)[0].toLowerCase() === 'upgrade-insecure-requests');
}

/**
 * Blockable ("active") content: browsers refuse to load it over HTTP on an HTTPS page, so the page
 * breaks, and an attacker on the path could have rewritten it. Images, audio, video (and preloads
 * of them) are upgradeable ("passive"): auto-upgraded or loaded with a warning.
 */
export function isBlockable(s: Pick<Subresource, 'kind' | 'as'>): boolean {
  switch (s.kind) {
    case 'image': case 'media': case 'icon': case 'css-url': return false;
    case 'preload': return !['image', 'audio', 'video'].includes(s.as ?? '');
    default: return true;
  }
}

/**
 * Secure Contexts §3.2: loopback and `localhost` URLs are potentially trustworthy, so browsers
 * never treat them as mixed content.
 */
export function isInsecureUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:') return false;
  const host = u.hostname;
  const loopback = host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
  return !loopback;
}

export type MixedContentVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; severity: 'high' | 'medium'; evidence: Evidence };

/** Judges one HTTPS page's subresources against its CSP (header and meta policies together). */
export function judgeMixedContent(input: { subresources: readonly Subresource[]; csp: { header: string[]; meta: string[] } }): MixedContentVerdict {
  const seen = new Set<string>();
  const insecure = input.subresources.filter((s) => {
    const key = `${s.tag} ${s.url}`;
    if (!isInsecureUrl(s.url) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const expected = 'only https:// subresources';
  if (insecure.length === 0) {
    return { ok: true, evidence: { expected, actual: 'no http:// subresources', subresources: input.subresources.length } };
  }
  const listed = insecure.slice(0, MAX_LISTED).map((s) => ({ tag: s.tag, url: s.url, kind: s.kind }));
  const more = insecure.length > MAX_LISTED ? { more: insecure.length - MAX_LISTED } : {};
  const upgradedBy = hasUpgradeInsecureRequests(input.csp.header) ? 'header' : hasUpgradeInsecureRequests(input.csp.meta) ? 'meta' : undefined;
  if (upgradedBy) {
    return {
      ok: true,
      evidence: {
        expected,
        actual: `${insecure.length} http:// reference(s), upgraded to https:// by the browser`,
        upgradeInsecureRequests: upgradedBy === 'header' ? 'Content-Security-Policy header' : '<meta http-equiv="Content-Security-Policy">',
        note: 'CSP upgrade-insecure-requests makes the browser fetch these over HTTPS; they still fail where the host has no HTTPS',
        resources: listed,
        ...more,
      },
    };
  }
  const active = insecure.filter(isBlockable).length;
  return {
    ok: false,
    severity: active > 0 ? 'high' : 'medium',
    evidence: {
      expected,
      actual: `${insecure.length} http:// subresource(s), ${active} active (blocked by browsers), ${insecure.length - active} passive`,
      count: insecure.length,
      active,
      passive: insecure.length - active,
      resources: listed,
      ...more,
    },
  };
}
