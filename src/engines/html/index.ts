/**
 * HTML engine: what a page makes the browser fetch (subresources, resolved against `<base href>`),
 * `srcset` and inline-CSS URL extraction, meta CSP. Pure functions on htmlparser2; no network.
 */
export * from './css-urls.js';
export * from './srcset.js';
export * from './subresources.js';
