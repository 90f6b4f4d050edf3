/**
 * TLS judging helpers shared by the TLS checks, the deployment map and the monitor: certificate
 * dates and lifetime-aware expiry thresholds, issuer classification (ACME / platform-managed),
 * chain trust on the run's clock, and evidence summaries. Pure functions only.
 */
export * from './certificate-dates.js';
export * from './certificate-summary.js';
export * from './chain-trust.js';
export * from './issuers.js';
