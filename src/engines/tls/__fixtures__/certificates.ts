/** Builders of CertificateInfo / TlsInspection values for the TLS judges' table tests. */
import type { CertificateInfo, TlsInspection } from '../../../context/types.js';

export const DAY = 86_400_000;
/** The tables' fixed "now". */
export const NOW = new Date('2025-03-01T12:00:00.000Z');
/** `NOW` shifted by `days` (fractions allowed). */
export const at = (days: number): Date => new Date(NOW.getTime() + days * DAY);

/** A leaf for `names`, valid from `from` to `to` days around NOW, issued by a Let's Encrypt-like intermediate. */
export function cert(overrides: Partial<CertificateInfo> & { from?: number; to?: number } = {}): CertificateInfo {
  const { from = -30, to = 60, ...rest } = overrides;
  const names = rest.subjectAltNames ?? ['app.example.com'];
  return {
    subject: names[0],
    subjectAltNames: names,
    issuer: 'R11',
    issuerOrganization: "Let's Encrypt",
    validFrom: at(from),
    validTo: at(to),
    serialNumber: '01',
    fingerprint256: `fp-${names[0]}-${from}-${to}`,
    selfSigned: false,
    ...rest,
  };
}

/** An intermediate CA certificate (years of validity by default). */
export function intermediate(overrides: Partial<CertificateInfo> & { from?: number; to?: number } = {}): CertificateInfo {
  return cert({ subject: 'R11', subjectAltNames: [], issuer: 'ISRG Root X1', issuerOrganization: 'Internet Security Research Group', from: -400, to: 700, ...overrides });
}

/** A self-signed root. */
export function root(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return cert({ subject: 'ISRG Root X1', subjectAltNames: [], issuer: 'ISRG Root X1', issuerOrganization: 'Internet Security Research Group', from: -3000, to: 3000, selfSigned: true, ...overrides });
}

/** A trusted inspection of `chain` for `host`. */
export function inspection(overrides: Partial<TlsInspection> = {}): TlsInspection {
  return {
    host: 'app.example.com',
    port: 443,
    authorized: true,
    hostnameMatches: true,
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_128_GCM_SHA256',
    chain: [cert(), intermediate(), root()],
    ...overrides,
  };
}
