/**
 * Which certificate authorities renew automatically. A certificate from an ACME CA (RFC 8555) is
 * almost always obtained by a client that also renews it; a platform-managed certificate (the
 * CDN's or the load balancer's own CA) is renewed by the platform. Anything else may be a
 * certificate someone bought and installed by hand, which expires the day nobody remembers.
 *
 * Matching is by the issuer's organisation (O) and common name (CN), as the issuing
 * intermediates name themselves; names were taken from the CAs' published hierarchies
 * (letsencrypt.org/certificates, zerossl.com, pki.goog, crt.sh).
 */
import type { CertificateInfo } from '../../context/types.js';

/** `acme`: a public CA serving the ACME protocol. `managed`: a platform that renews for you. */
export type IssuerKind = 'acme' | 'managed';

/** One entry of the documented list. */
export interface KnownIssuer {
  /** Display name of the CA or platform. */
  name: string;
  kind: IssuerKind;
  /** Matched against the issuer's organisation, normalised (lower case, plain apostrophes). */
  organization?: RegExp;
  /** Matched against the issuer's common name, normalised. */
  commonName?: RegExp;
}

/**
 * The documented list (docs/checks/tls.auto-renewal.md repeats it). Some of these CAs also sell
 * certificates installed by hand from the same intermediates (SSL.com, Actalis, HARICA); they are
 * listed because the certificates a product gets from them today are overwhelmingly automated,
 * and a false alarm costs more trust than this rare miss.
 */
export const KNOWN_AUTOMATED_ISSUERS: readonly KnownIssuer[] = Object.freeze([
  // R3, R10–R14, E1, E5–E9, and the "(STAGING)" hierarchy, all under O=Let's Encrypt.
  { name: "Let's Encrypt", kind: 'acme', organization: /\blet'?s encrypt\b/ },
  // O=ZeroSSL, CN "ZeroSSL RSA/ECC Domain Secure Site CA": intermediates Sectigo's USERTrust roots sign.
  { name: 'ZeroSSL', kind: 'acme', organization: /\bzerossl\b/, commonName: /\bzerossl\b/ },
  // O=Google Trust Services (LLC), CN WR1–WR5, WE1–WE4, GTS CA 1P5/1D4.
  { name: 'Google Trust Services', kind: 'acme', organization: /\bgoogle trust services\b/, commonName: /^gts ca\b/ },
  // O=Buypass AS-983163327, CN "Buypass Class 2 CA 5" (Buypass Go SSL).
  { name: 'Buypass', kind: 'acme', organization: /\bbuypass\b/ },
  // O=SSL Corporation, CN "SSL.com RSA SSL subCA", "SSL.com SSL Intermediate CA ECC R2" …
  { name: 'SSL.com', kind: 'acme', organization: /\bssl corporation\b/, commonName: /\bssl\.com\b/ },
  // O=Actalis S.p.A., CN "Actalis Domain Validation Server CA G3".
  { name: 'Actalis', kind: 'acme', organization: /\bactalis\b/ },
  // O=Certainly, CN "Certainly Intermediate R1/E1": Fastly's own ACME CA.
  { name: 'Certainly (Fastly)', kind: 'acme', organization: /^certainly\b/, commonName: /^certainly intermediate\b/ },
  // O=Hellenic Academic and Research Institutions CA, CN "HARICA DV TLS …".
  { name: 'HARICA', kind: 'acme', organization: /\bhellenic academic and research institutions\b/, commonName: /^harica\b/ },
  // AWS Certificate Manager: O=Amazon, CN "Amazon RSA 2048 M01" …; ACM renews what it issued.
  { name: 'AWS Certificate Manager', kind: 'managed', organization: /^amazon$/, commonName: /^amazon (rsa|ecdsa) \d+ m\d+$/ },
  // Cloudflare's edge certificates: O="Cloudflare, Inc.", CN "Cloudflare Inc ECC CA-3".
  { name: 'Cloudflare', kind: 'managed', organization: /^cloudflare\b/, commonName: /^cloudflare inc (ecc|rsa) ca\b/ },
  // Azure platform hosts (*.azurewebsites.net …): CN "Microsoft Azure RSA TLS Issuing CA 03" …
  { name: 'Microsoft Azure', kind: 'managed', commonName: /^microsoft azure (rsa |ecc )?tls issuing ca\b/ },
]);

/** What is known about who issued a certificate. */
export interface IssuerClass {
  /** Renewal is automated by the CA's protocol or the platform. */
  automated: boolean;
  kind?: IssuerKind;
  /** The matched entry's display name. */
  ca?: string;
}

type Issued = Pick<CertificateInfo, 'issuer' | 'issuerOrganization'>;

/** Classifies the issuer of `cert` against KNOWN_AUTOMATED_ISSUERS (first match wins). */
export function classifyIssuer(cert: Issued, known: readonly KnownIssuer[] = KNOWN_AUTOMATED_ISSUERS): IssuerClass {
  const organization = normalize(cert.issuerOrganization);
  const commonName = normalize(cert.issuer);
  for (const entry of known) {
    const byOrganization = entry.organization !== undefined && organization !== '' && entry.organization.test(organization);
    const byName = entry.commonName !== undefined && commonName !== '' && entry.commonName.test(commonName);
    if (byOrganization || byName) return { automated: true, kind: entry.kind, ca: entry.name };
  }
  return { automated: false };
}

/** `R3 (Let's Encrypt)`: the issuer's CN with its organisation, as evidence and the map show it. */
export function issuerLabel(cert: Issued): string {
  const cn = cert.issuer.trim();
  const org = cert.issuerOrganization?.trim();
  if (!org || org === cn) return cn || 'unknown issuer';
  return cn ? `${cn} (${org})` : org;
}

/** Lower case, typographic apostrophes made plain, whitespace collapsed. */
function normalize(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/\s+/g, ' ').trim();
}
