/**
 * Which CAA issuer domain names a certificate authority recognises, so a missing-CAA finding can
 * say which record to add for the CA a product already uses. Identifiers are those each CA
 * publishes in its CP/CPS or CAA help page (letsencrypt.org/docs/caa, pki.goog, sectigo.com,
 * digicert.com/kb, AWS ACM "CAA records", Cloudflare "CAA records" docs).
 */

export interface CaaIssuer {
  /** Display name of the CA. */
  name: string;
  /** Issuer domain names to put in `issue` properties; the first is the one to suggest. */
  caa: readonly string[];
  /** Matched against the issuing certificate's organisation (O), lower case. */
  organization?: RegExp;
  /** Matched against the issuing certificate's common name (CN), lower case. */
  commonName?: RegExp;
}

/** The documented list (first match wins, so resellers come before their root's owner). */
export const CAA_ISSUERS: readonly CaaIssuer[] = Object.freeze([
  { name: "Let's Encrypt", caa: ['letsencrypt.org'], organization: /\blet['\u2019]?s encrypt\b/ },
  // ZeroSSL issues from Sectigo's hierarchy and checks for sectigo.com.
  { name: 'ZeroSSL', caa: ['sectigo.com'], organization: /\bzerossl\b/, commonName: /\bzerossl\b/ },
  { name: 'Google Trust Services', caa: ['pki.goog'], organization: /\bgoogle trust services\b/, commonName: /^gts ca\b/ },
  // ACM accepts any of amazon.com, amazontrust.com, awstrust.com, amazonaws.com.
  { name: 'Amazon (ACM)', caa: ['amazon.com'], organization: /^amazon$/ },
  // Cloudflare's edge certificates come from several CAs; Cloudflare adds their CAA records itself
  // once a zone has any CAA, but these are the ones to keep if you manage the records.
  { name: 'Cloudflare', caa: ['letsencrypt.org', 'pki.goog', 'ssl.com', 'digicert.com'], organization: /^cloudflare\b/ },
  { name: 'Sectigo', caa: ['sectigo.com'], organization: /\b(sectigo|comodo)\b/ },
  // GeoTrust, Thawte and RapidSSL are DigiCert brands; digicert.com covers them.
  { name: 'DigiCert', caa: ['digicert.com'], organization: /\b(digicert|geotrust|thawte|rapidssl)\b/ },
  { name: 'GlobalSign', caa: ['globalsign.com'], organization: /\bglobalsign\b/ },
  { name: 'SSL.com', caa: ['ssl.com'], organization: /\bssl corp(oration)?\b/, commonName: /\bssl\.com\b/ },
  { name: 'Buypass', caa: ['buypass.com'], organization: /\bbuypass\b/ },
  { name: 'Entrust', caa: ['entrust.net'], organization: /\bentrust\b/ },
  { name: 'GoDaddy', caa: ['godaddy.com'], organization: /\bgodaddy\b/ },
  { name: 'Starfield', caa: ['starfieldtech.com'], organization: /\bstarfield\b/ },
  { name: 'Actalis', caa: ['actalis.it'], organization: /\bactalis\b/ },
  { name: 'HARICA', caa: ['harica.gr'], organization: /\bhellenic academic and research institutions\b/, commonName: /^harica\b/ },
  { name: 'Certainly (Fastly)', caa: ['certainly.com'], organization: /^certainly\b/ },
]);

/** The CA behind an issuer name, or undefined when it is not on the list. */
export function caaIssuerFor(issuer: { issuer?: string; issuerOrganization?: string }, known: readonly CaaIssuer[] = CAA_ISSUERS): CaaIssuer | undefined {
  const org = (issuer.issuerOrganization ?? '').toLowerCase();
  const cn = (issuer.issuer ?? '').toLowerCase();
  return known.find((k) => (k.organization !== undefined && org !== '' && k.organization.test(org)) || (k.commonName !== undefined && cn !== '' && k.commonName.test(cn)));
}
