/** DKIM key records (RFC 6376 §3.6.1, RFC 8463): parsing, key sizes, common selectors. */
export * from './key-record.js';
export * from './selectors.js';
