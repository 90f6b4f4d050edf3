/** SPF (RFC 7208): record parsing with positions, check_host() evaluation, and the audit's policy walk. */
export { evaluateSpf, senderIdentity, DEFAULT_DEADLINE_MS } from './evaluate.js';
export { walkSpfPolicy, type SpfPolicyWalk } from './walk.js';
export {
  parseSpfRecord,
  isSpfRecord,
  DNS_MECHANISMS,
  type ParsedSpfRecord,
  type SpfTerm,
  type SpfMechanism,
  type SpfModifier,
  type SpfSyntaxError,
  type Qualifier,
  type MechanismName,
} from './parse.js';
export { parseClientIp } from './ip.js';
export { isCheckableDomain } from './domain.js';
export { selectSpfRecords, joinTxt } from './record-lookup.js';
export { SpfFailure } from './state.js';
export type {
  SpfResult,
  SpfResultCode,
  SpfErrorCode,
  SpfProblem,
  SpfTraceNode,
  SpfMatch,
  SpfSession,
  SpfOptions,
} from './types.js';
