/**
 * A certificate in the plain, JSON-safe form results and deliverables show: names, issuer, ISO
 * dates, days left. One shape, so a check's evidence and the deployment map agree.
 */
import type { CertificateInfo } from '../../context/types.js';
import { certificateDates } from './certificate-dates.js';
import { issuerLabel } from './issuers.js';

export interface CertificateSummary {
  subject: string;
  /** Subject alternative names (DNS names and IP addresses). */
  names: string[];
  /** `CN (O)` of the issuer. */
  issuer: string;
  validFrom: string;
  validTo: string;
  daysLeft: number;
  lifetimeDays: number;
}

/** `cert` summarised at `now`. */
export function summarizeCertificate(cert: CertificateInfo, now: Date): CertificateSummary {
  const dates = certificateDates(cert, now);
  return {
    subject: cert.subject,
    names: [...cert.subjectAltNames],
    issuer: issuerLabel(cert),
    validFrom: dates.validFrom,
    validTo: dates.validTo,
    daysLeft: dates.daysLeft,
    lifetimeDays: dates.lifetimeDays,
  };
}

/** The deployment map's `HostFact.certificate` for a leaf. */
export function certificateFact(leaf: CertificateInfo, now: Date): { issuer: string; validTo: string; daysLeft: number; names: string[] } {
  const s = summarizeCertificate(leaf, now);
  return { issuer: s.issuer, validTo: s.validTo, daysLeft: s.daysLeft, names: s.names };
}

/** `app.acme.test ← R3 (Let's Encrypt)`: one chain link per line of evidence. */
export function chainLinks(chain: readonly CertificateInfo[]): string[] {
  return chain.map((c) => `${c.subject} ← ${c.selfSigned ? 'self-signed' : issuerLabel(c)}`);
}
