/** DMARC (RFC 7489, DMARCbis RFC 9989): record parsing, policy discovery, report authorisation. */
export * from './parse.js';
export * from './discover.js';
