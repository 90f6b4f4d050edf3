/**
 * Bot walls answer 403/406/429/503 with a challenge page instead of the site. Such an answer says
 * nothing about the site, so probes turn it into an error rather than let a check judge it.
 */
import type { HttpResponse } from '../context/types.js';

const WALL_STATUSES = new Set([403, 406, 429, 503]);

/** Body markers of the common challenge pages (Cloudflare, Akamai, Imperva, Sucuri, AWS WAF, DDoS-Guard). */
const BODY_MARKERS = [
  /<title>\s*just a moment\.{3}\s*<\/title>/i,
  /attention required!? \| cloudflare/i,
  /cf-chl-|challenge-platform|__cf_chl_/i,
  /checking your browser before accessing/i,
  /ddos protection by|ddos-guard/i,
  /sucuri website firewall/i,
  /incapsula incident id|_incapsula_resource/i,
  /reference #\d+\.[0-9a-f]+\.\d+/i, // Akamai "Access Denied" reference
  /captcha-delivery\.com|geo\.captcha-delivery/i, // DataDome
  /px-captcha|perimeterx/i,
];

/** The name of the wall when `res` is a challenge page, else undefined. */
export function detectChallenge(res: HttpResponse): string | undefined {
  if (!WALL_STATUSES.has(res.status)) return undefined;
  const h = res.headers;
  if (String(h['cf-mitigated'] ?? '').toLowerCase() === 'challenge') return 'Cloudflare challenge';
  if (h['x-amzn-waf-action']) return 'AWS WAF challenge';
  if (h['x-datadome'] || h['x-dd-b']) return 'DataDome';
  const body = res.body.subarray(0, 64 * 1024).toString('utf8');
  for (const marker of BODY_MARKERS) if (marker.test(body)) return 'bot-wall challenge page';
  if (res.status === 429) return 'rate limited (429)';
  return undefined;
}
