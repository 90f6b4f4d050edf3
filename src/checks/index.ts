/** The explicit, readonly registry handed to the runner and the CLI: no scanning, no side effects. */
import dnsDanglingCname from './dns/dangling-cname.js';
import dnsEnvironmentSeparation from './dns/environment-separation.js';
import dnsRecordsMatch from './dns/records-match.js';
import subdomainMapping from './subdomain/mapping.js';
import tlsAutoRenewal from './tls/auto-renewal.js';
import tlsCaa from './tls/caa.js';
import tlsCertificateValid from './tls/certificate-valid.js';
import tlsExpiry from './tls/expiry.js';
import tlsProtocols from './tls/protocols.js';
import type { Check } from '../core/types.js';

export const ALL_CHECKS: readonly Check[] = Object.freeze([
  tlsCertificateValid,
  tlsExpiry,
  tlsAutoRenewal,
  tlsProtocols,
  dnsRecordsMatch,
  dnsEnvironmentSeparation,
  dnsDanglingCname,
  subdomainMapping,
  tlsCaa,
]);
