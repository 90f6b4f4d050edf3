/** The explicit, readonly registry handed to the runner and the CLI: no scanning, no side effects. */
import tlsAutoRenewal from './tls/auto-renewal.js';
import tlsCertificateValid from './tls/certificate-valid.js';
import tlsExpiry from './tls/expiry.js';
import tlsProtocols from './tls/protocols.js';
import type { Check } from '../core/types.js';

export const ALL_CHECKS: readonly Check[] = Object.freeze([
  tlsCertificateValid,
  tlsExpiry,
  tlsAutoRenewal,
  tlsProtocols,
]);
