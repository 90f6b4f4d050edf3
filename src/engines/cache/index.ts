/**
 * Cache engine: what a response says about its caching (RFC 9111), whether it came from a cache
 * (CDN and proxy headers, RFC 9211 `Cache-Status`, `Age`), and which of a page's assets are
 * fingerprinted. Pure functions of headers, URLs and HTML; the cache checks do the fetching.
 */
export * from './cache-control.js';
export * from './cache-hits.js';
export * from './fingerprint.js';
export * from './page-assets.js';
