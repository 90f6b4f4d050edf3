/** CDN / reverse-proxy detection from headers, CNAME targets and published address ranges. */
export { CDN_RANGES, createRangeMatcher, type CdnRange, type RangeMatcher } from './cdn-ranges.js';
export { CNAME_SIGNATURES, HEADER_SIGNATURES, type CnameSignature, type HeaderSignature, type ResponseHeaders } from './cdn-signatures.js';
export { cdnFromAddresses, cdnFromCnames, cdnFromHeaders, detectCdn, type CdnSignal, type EdgeObservations } from './detect-cdn.js';
