/** The explicit, readonly registry handed to the runner and the CLI: no scanning, no side effects. */
import accessCiPermissions from './access/ci-permissions.js';
import adminAuthRequired from './admin/auth-required.js';
import apiErrorLeak from './api/error-leak.js';
import apiPagination from './api/pagination.js';
import apiRetryAfter from './api/retry-after.js';
import apiSlowWrites from './api/slow-writes.js';
import cacheIntentional from './cache/intentional.js';
import cacheRepeatReads from './cache/repeat-reads.js';
import corsPolicy from './cors/policy.js';
import deployCiGates from './deploy/ci-gates.js';
import deployHealthEndpoint from './deploy/health-endpoint.js';
import depsVulnerabilities from './deps/vulnerabilities.js';
import dnsDanglingCname from './dns/dangling-cname.js';
import dnsEnvironmentSeparation from './dns/environment-separation.js';
import dnsRecordsMatch from './dns/records-match.js';
import edgeCdn from './edge/cdn.js';
import edgeRateLimit from './edge/rate-limit.js';
import emailDkim from './email/dkim.js';
import emailDmarc from './email/dmarc.js';
import emailMtaSts from './email/mta-sts.js';
import emailMx from './email/mx.js';
import emailSpf from './email/spf.js';
import emailTestSend from './email/test-send.js';
import envEnvironmentSeparation from './env/environment-separation.js';
import envFormatValid from './env/format-valid.js';
import envRequiredPresent from './env/required-present.js';
import httpsHsts from './https/hsts.js';
import httpsMixedContent from './https/mixed-content.js';
import observeLogRedaction from './observe/log-redaction.js';
import perfErrorRate from './perf/error-rate.js';
import perfReadP95 from './perf/read-p95.js';
import perfSlowQueries from './perf/slow-queries.js';
import perfWriteP95 from './perf/write-p95.js';
import redirectCanonical from './redirect/canonical.js';
import redirectHttps from './redirect/https.js';
import secretsGitHistory from './secrets/git-history.js';
import secretsWorkingTree from './secrets/working-tree.js';
import subdomainMapping from './subdomain/mapping.js';
import tlsAutoRenewal from './tls/auto-renewal.js';
import tlsCaa from './tls/caa.js';
import tlsCertificateValid from './tls/certificate-valid.js';
import tlsExpiry from './tls/expiry.js';
import tlsProtocols from './tls/protocols.js';
import webLighthouse from './web/lighthouse.js';
import webThirdParty from './web/third-party.js';
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
  adminAuthRequired,
  corsPolicy,
  edgeCdn,
  edgeRateLimit,
  deployHealthEndpoint,
  apiErrorLeak,
  redirectHttps,
  redirectCanonical,
  httpsHsts,
  httpsMixedContent,
  emailSpf,
  envRequiredPresent,
  envFormatValid,
  envEnvironmentSeparation,
  accessCiPermissions,
  deployCiGates,
  depsVulnerabilities,
  observeLogRedaction,
  emailDkim,
  emailDmarc,
  emailMx,
  emailMtaSts,
  emailTestSend,
  secretsWorkingTree,
  secretsGitHistory,
  cacheIntentional,
  cacheRepeatReads,
  apiPagination,
  perfSlowQueries,
  webThirdParty,
  webLighthouse,
  perfReadP95,
  perfWriteP95,
  perfErrorRate,
  apiSlowWrites,
  apiRetryAfter,
]);
