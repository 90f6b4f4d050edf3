/**
 * Pagination engine: where the rows of a JSON list answer are, which signals say it pages
 * (cursor fields, next links, `has_more`), and the verdict from what the limit probes returned.
 * Pure functions; `api.pagination` does the requests.
 */
export * from './find-list.js';
export * from './judge.js';
export * from './signals.js';
