/**
 * Fingerprints of CDNs and DDoS-protecting reverse proxies: the response headers their edges add
 * and the CNAME targets customers point at them. Each entry names the provider; the first match
 * wins, so the most specific signatures come first.
 */

/** Lower-case response headers as the HTTP client returns them. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

export interface HeaderSignature {
  provider: string;
  /** Header name (lower case), or a prefix ending in `*` (`x-akamai-*`). */
  header: string;
  /** When given, the header's value must match; otherwise its presence is enough. */
  value?: RegExp;
}

/**
 * Header signatures, from each provider's documentation of the headers its edge sets
 * (Cloudflare `cf-ray`, Fastly `x-served-by: cache-…`, CloudFront `x-amz-cf-id`, Akamai
 * `akamai-grn`, Vercel `x-vercel-id`, Netlify `x-nf-request-id`, Azure Front Door `x-azure-ref`,
 * Google's front end `via: 1.1 google`, Sucuri `x-sucuri-id`, Imperva `x-iinfo`, Bunny `cdn-pullzone`).
 */
export const HEADER_SIGNATURES: readonly HeaderSignature[] = Object.freeze([
  { provider: 'Cloudflare', header: 'cf-ray' },
  { provider: 'Cloudflare', header: 'server', value: /^cloudflare/i },
  { provider: 'Cloudflare', header: 'cf-cache-status' },
  { provider: 'Fastly', header: 'x-fastly-request-id' },
  { provider: 'Fastly', header: 'fastly-debug-digest' },
  { provider: 'Fastly', header: 'x-served-by', value: /\bcache-[a-z0-9-]+\d/i },
  { provider: 'Fastly', header: 'server', value: /^fastly\b/i },
  { provider: 'Amazon CloudFront', header: 'x-amz-cf-id' },
  { provider: 'Amazon CloudFront', header: 'x-amz-cf-pop' },
  { provider: 'Amazon CloudFront', header: 'via', value: /cloudfront/i },
  { provider: 'Amazon CloudFront', header: 'server', value: /^cloudfront/i },
  { provider: 'Akamai', header: 'akamai-grn' },
  { provider: 'Akamai', header: 'akamai-cache-status' },
  { provider: 'Akamai', header: 'x-akamai-*' },
  { provider: 'Akamai', header: 'server', value: /^akamai(?:ghost|netstorage)/i },
  { provider: 'Vercel', header: 'x-vercel-id' },
  { provider: 'Vercel', header: 'server', value: /^vercel$/i },
  { provider: 'Netlify', header: 'x-nf-request-id' },
  { provider: 'Netlify', header: 'server', value: /^netlify/i },
  { provider: 'Azure Front Door', header: 'x-azure-ref' },
  { provider: 'Google Cloud front end', header: 'via', value: /\b1\.1 google\b/i },
  { provider: 'Google Cloud front end', header: 'server', value: /^google frontend$/i },
  { provider: 'Sucuri', header: 'x-sucuri-id' },
  { provider: 'Sucuri', header: 'server', value: /^sucuri/i },
  { provider: 'Imperva', header: 'x-iinfo' },
  { provider: 'Imperva', header: 'x-cdn', value: /incapsula|imperva/i },
  { provider: 'Bunny CDN', header: 'server', value: /^bunnycdn/i },
  { provider: 'Bunny CDN', header: 'cdn-pullzone' },
  { provider: 'KeyCDN', header: 'server', value: /^keycdn/i },
  { provider: 'DDoS-Guard', header: 'server', value: /^ddos-guard/i },
]);

export interface CnameSignature {
  provider: string;
  /** A CNAME target equal to this name or ending in `.` + it. */
  suffix: string;
}

/** CNAME targets from each provider's custom-domain setup instructions. */
export const CNAME_SIGNATURES: readonly CnameSignature[] = Object.freeze([
  { provider: 'Cloudflare', suffix: 'cdn.cloudflare.net' },
  { provider: 'Cloudflare', suffix: 'pages.dev' },
  { provider: 'Fastly', suffix: 'fastly.net' },
  { provider: 'Fastly', suffix: 'fastlylb.net' },
  { provider: 'Amazon CloudFront', suffix: 'cloudfront.net' },
  { provider: 'Akamai', suffix: 'akamaiedge.net' },
  { provider: 'Akamai', suffix: 'edgekey.net' },
  { provider: 'Akamai', suffix: 'edgesuite.net' },
  { provider: 'Akamai', suffix: 'akamaized.net' },
  { provider: 'Azure CDN', suffix: 'azureedge.net' },
  { provider: 'Azure Front Door', suffix: 'azurefd.net' },
  { provider: 'Vercel', suffix: 'vercel-dns.com' },
  { provider: 'Netlify', suffix: 'netlify.app' },
  { provider: 'Netlify', suffix: 'netlifyglobalcdn.com' },
  { provider: 'Bunny CDN', suffix: 'b-cdn.net' },
  { provider: 'Imperva', suffix: 'incapdns.net' },
  { provider: 'Imperva', suffix: 'impervadns.net' },
  { provider: 'KeyCDN', suffix: 'kxcdn.com' },
  { provider: 'Gcore', suffix: 'gcdn.co' },
]);
