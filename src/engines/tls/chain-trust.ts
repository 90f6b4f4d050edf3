/**
 * Whether a TLS inspection's chain is trusted, judged on the run's clock rather than the wall's.
 *
 * Node verifies with the wall clock and, because it asks OpenSSL to continue past every error,
 * reports only the *last* one: an expired certificate from an unknown CA comes back as
 * CERT_HAS_EXPIRED, hiding UNABLE_TO_GET_ISSUER_CERT_LOCALLY. So a date code says nothing about
 * trust. What the chain itself still tells: node completes the chain it reports from the trust
 * store, so a chain that does not end in a self-signed root could not be anchored at all.
 */
import type { CertificateInfo, TlsInspection } from '../../context/types.js';
import { certificateDates } from './certificate-dates.js';
import { issuerLabel } from './issuers.js';

/** OpenSSL verify codes about dates (`X509_V_ERR_CERT_HAS_EXPIRED` …), which the checks judge themselves. */
export const DATE_ERROR_CODES: ReadonlySet<string> = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
]);

/** Codes meaning the leaf signed itself (reported as self-signed, not as an unknown issuer). */
const SELF_SIGNED_LEAF_CODES: ReadonlySet<string> = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT']);

export type ChainTrust =
  /** Verified against the trust store (system roots plus `network.ca`). */
  | { status: 'trusted' }
  /** The leaf signed itself and nothing trusts it. */
  | { status: 'selfSigned' }
  /** The chain does not verify; `reason` is the OpenSSL code (or the one inferred), `detail` says why. */
  | { status: 'untrusted'; reason: string; detail: string; inferred: boolean }
  /** Only a date error was reported, which may hide a trust error; nothing else in the chain is wrong. */
  | { status: 'unknown'; reason: string };

/** Judges the chain of `inspection` at `now` (see the module comment for the date-code rules). */
export function judgeChainTrust(inspection: Pick<TlsInspection, 'authorized' | 'authorizationError' | 'chain'>, now: Date): ChainTrust {
  const { chain } = inspection;
  const leaf = chain[0];
  if (inspection.authorized) return { status: 'trusted' };
  const code = inspection.authorizationError ?? 'UNKNOWN';
  if (leaf === undefined) return { status: 'untrusted', reason: code, detail: 'no certificate presented', inferred: false };
  if (leaf.selfSigned || SELF_SIGNED_LEAF_CODES.has(code)) return { status: 'selfSigned' };
  if (!DATE_ERROR_CODES.has(code)) {
    return { status: 'untrusted', reason: code, detail: `${code} for the chain issued by ${issuerLabel(leaf)}`, inferred: false };
  }

  // A date code: look for what it may hide.
  const top = chain[chain.length - 1];
  if (!top.selfSigned) {
    return {
      status: 'untrusted',
      reason: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      detail: `the chain ends at "${top.subject}", whose issuer ${issuerLabel(top)} is not a trusted root (${code} was reported)`,
      inferred: true,
    };
  }
  const stale = chain.slice(1).find((c) => !c.selfSigned && outOfDates(c, now));
  if (stale) {
    const dates = certificateDates(stale, now);
    const reason = dates.expired ? 'CERT_HAS_EXPIRED' : 'CERT_NOT_YET_VALID';
    const when = dates.expired ? `expired ${dates.validTo}` : `not valid before ${dates.validFrom}`;
    return { status: 'untrusted', reason, detail: `intermediate "${stale.subject}" ${when}`, inferred: true };
  }
  return { status: 'unknown', reason: code };
}

function outOfDates(cert: CertificateInfo, now: Date): boolean {
  const dates = certificateDates(cert, now);
  return dates.expired || dates.notYetValid;
}
