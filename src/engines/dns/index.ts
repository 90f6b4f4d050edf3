/**
 * DNS judging helpers shared by the DNS, subdomain and CAA checks: host-name normal form and
 * registrable domains, CAA policy reading, CA → CAA identifier mapping, shared CDN/platform edges.
 * Pure functions only.
 */
export * from './caa.js';
export * from './caa-issuers.js';
export * from './names.js';
export * from './shared-edge.js';
