/**
 * Shared edges: CDNs and hosting platforms that answer for many customers from the same
 * addresses (anycast) or the same CNAME target. Two hosts resolving to such an edge share nothing
 * but their provider, so address overlap there says nothing about a shared origin.
 *
 * Sources: cloudflare.com/ips, GitHub Pages and Netlify/Vercel custom-domain docs (their apex A
 * records), Fastly's public IP list; header names from each provider's documentation.
 */
import { BlockList, isIP } from 'node:net';
import { isWithin, normalizeHostName } from './names.js';

interface EdgeRanges {
  provider: string;
  v4: readonly string[];
  v6: readonly string[];
}

const EDGE_RANGES: readonly EdgeRanges[] = [
  {
    provider: 'Cloudflare',
    v4: ['173.245.48.0/20', '103.21.244.0/22', '103.22.200.0/22', '103.31.4.0/22', '141.101.64.0/18', '108.162.192.0/18',
      '190.93.240.0/20', '188.114.96.0/20', '197.234.240.0/22', '198.41.128.0/17', '162.158.0.0/15', '104.16.0.0/13',
      '104.24.0.0/14', '172.64.0.0/13', '131.0.72.0/22'],
    v6: ['2400:cb00::/32', '2606:4700::/32', '2803:f800::/32', '2405:b500::/32', '2405:8100::/32', '2a06:98c0::/29', '2c0f:f248::/32'],
  },
  { provider: 'Fastly', v4: ['151.101.0.0/16', '199.232.0.0/16'], v6: ['2a04:4e40::/32', '2a04:4e42::/32'] },
  { provider: 'Vercel', v4: ['76.76.21.0/24'], v6: [] },
  { provider: 'Netlify', v4: ['75.2.60.5/32'], v6: [] },
  { provider: 'GitHub Pages', v4: ['185.199.108.0/22'], v6: ['2606:50c0::/32'] },
];

/** CNAME targets many customers share (the name is the provider's, not the customer's). */
const EDGE_CNAME_DOMAINS: readonly { provider: string; domain: string }[] = [
  { provider: 'Cloudflare', domain: 'cdn.cloudflare.net' },
  { provider: 'Vercel', domain: 'vercel-dns.com' },
  { provider: 'Netlify', domain: 'netlify.com' },
  { provider: 'GitHub Pages', domain: 'github.io' },
  { provider: 'Google', domain: 'ghs.googlehosted.com' },
  { provider: 'Fastly', domain: 'fastly.net' },
  { provider: 'Fastly', domain: 'fastlylb.net' },
  { provider: 'Akamai', domain: 'akamaiedge.net' },
  { provider: 'Akamai', domain: 'edgekey.net' },
  { provider: 'Akamai', domain: 'edgesuite.net' },
  { provider: 'Azure Front Door', domain: 'azurefd.net' },
  { provider: 'Azure CDN', domain: 'azureedge.net' },
  { provider: 'Shopify', domain: 'myshopify.com' },
  { provider: 'Squarespace', domain: 'squarespace.com' },
  { provider: 'Webflow', domain: 'webflow.com' },
];

/** The shared edge an address belongs to, if any. */
export function edgeOfAddress(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const ranges of EDGE_RANGES) {
    // Built per call: a handful of subnets, and no module-level mutable state.
    const list = new BlockList();
    for (const cidr of family === 4 ? ranges.v4 : ranges.v6) {
      const [net, prefix] = cidr.split('/');
      list.addSubnet(net, Number(prefix), type);
    }
    if (list.check(address, type)) return ranges.provider;
  }
  return undefined;
}

/** The shared edge a CNAME target belongs to, if any. */
export function edgeOfName(name: string): string | undefined {
  const n = normalizeHostName(name);
  return EDGE_CNAME_DOMAINS.find((e) => isWithin(n, e.domain))?.provider;
}

type HeaderMap = Record<string, string | string[] | undefined>;

const header = (h: HeaderMap, name: string): string => {
  const v = h[name];
  return (Array.isArray(v) ? v.join(', ') : v ?? '').toLowerCase();
};

/** The CDN or platform that served a response, from the headers it stamps on every answer. */
export function edgeOfResponse(headers: HeaderMap): string | undefined {
  const server = header(headers, 'server');
  const via = header(headers, 'via');
  if (headers['cf-ray'] !== undefined || server === 'cloudflare') return 'Cloudflare';
  if (headers['x-vercel-id'] !== undefined || server === 'vercel') return 'Vercel';
  if (headers['x-nf-request-id'] !== undefined || server === 'netlify') return 'Netlify';
  if (headers['x-amz-cf-id'] !== undefined || via.includes('cloudfront')) return 'CloudFront';
  if (headers['x-fastly-request-id'] !== undefined || /\bcache-[a-z]{3}[-\d]/.test(header(headers, 'x-served-by'))) return 'Fastly';
  if (server.startsWith('akamaighost') || headers['akamai-grn'] !== undefined) return 'Akamai';
  if (headers['x-azure-ref'] !== undefined) return 'Azure Front Door';
  if (server === 'github.com' && headers['x-github-request-id'] !== undefined) return 'GitHub Pages';
  // App Engine, Cloud Run and Firebase Hosting; not a plain `via: 1.1 google` (a customer's own load balancer).
  if (server === 'google frontend') return 'Google';
  if (headers['fly-request-id'] !== undefined || server.startsWith('fly/')) return 'Fly.io';
  if (headers['rndr-id'] !== undefined || headers['x-render-origin-server'] !== undefined) return 'Render';
  if (via.includes('vegur') || server === 'heroku-router' || server === 'heroku') return 'Heroku';
  if (headers['x-railway-request-id'] !== undefined || server === 'railway-edge') return 'Railway';
  return undefined;
}
