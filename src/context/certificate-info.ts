/**
 * Turns the certificates node's TLS socket reports (`getPeerCertificate(true)`) into the
 * `CertificateInfo` the checks judge: names as lists, dates as Date, key type and size, and
 * whether a certificate signed itself.
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { DetailedPeerCertificate, PeerCertificate } from 'node:tls';
import type { CertificateInfo } from './types.js';

/** Real chains are 2–4 long; the bound only stops a pathological or looping chain. */
const MAX_CHAIN_LENGTH = 10;

/**
 * The chain as node links it, leaf first. Stops after a self-issued certificate (a root: node
 * links a root's issuer to itself), at a repeat, or after MAX_CHAIN_LENGTH certificates.
 */
export function peerChain(leaf: DetailedPeerCertificate): PeerCertificate[] {
  const chain: PeerCertificate[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = leaf;
  while (current && isPresent(current) && chain.length < MAX_CHAIN_LENGTH) {
    const id = current.fingerprint256 ?? '';
    if (seen.has(id)) break;
    seen.add(id);
    chain.push(current);
    if (isSelfIssued(current)) break;
    const next: DetailedPeerCertificate | undefined = current.issuerCertificate;
    if (next === current) break;
    current = next;
  }
  return chain;
}

/** Converts one peer certificate. */
export function toCertificateInfo(cert: PeerCertificate): CertificateInfo {
  const x509 = parseRaw(cert.raw);
  const key = x509 ? keyFacts(x509.publicKey) : {};
  const bits = typeof cert.bits === 'number' && cert.bits > 0 ? cert.bits : key.bits;
  const issuerOrganization = firstValue(cert.issuer, 'O');
  return {
    subject: firstValue(cert.subject, 'CN') ?? formatName(cert.subject),
    subjectAltNames: parseSubjectAltNames(cert.subjectaltname),
    issuer: firstValue(cert.issuer, 'CN') ?? formatName(cert.issuer),
    ...(issuerOrganization !== undefined ? { issuerOrganization } : {}),
    validFrom: parseCertificateDate(cert.valid_from),
    validTo: parseCertificateDate(cert.valid_to),
    serialNumber: cert.serialNumber,
    fingerprint256: cert.fingerprint256,
    ...(key.type !== undefined ? { keyType: key.type } : {}),
    ...(bits !== undefined ? { keyBits: bits } : {}),
    selfSigned: x509 ? signedBySelf(x509) : isSelfIssued(cert),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * OpenSSL's `ASN1_TIME_print` form, which node reports: `Nov  8 03:19:36 2026 GMT` (day padded
 * with a space). Parsed by hand because `Date` parsing of this form is implementation-defined.
 */
export function parseCertificateDate(text: string): Date {
  const m = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)? (\d{4}) GMT$/.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[1]) : -1;
  if (!m || month < 0) return new Date(text);
  return new Date(Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])));
}

/**
 * The DNS names and IP addresses of node's `subjectaltname` string
 * (`DNS:a.test, IP Address:127.0.0.1`). Node JSON-quotes a value holding a comma or quote, so
 * the string is tokenised rather than split. Other kinds (email, URI) are not host names.
 */
export function parseSubjectAltNames(text: string | undefined): string[] {
  const names: string[] = [];
  let rest = text ?? '';
  while (rest.length > 0) {
    const colon = rest.indexOf(':');
    if (colon < 0) break;
    const kind = rest.slice(0, colon).trim();
    let value: string;
    rest = rest.slice(colon + 1);
    if (rest.startsWith('"')) {
      const end = closingQuote(rest);
      try {
        value = JSON.parse(rest.slice(0, end + 1)) as string;
      } catch {
        value = rest.slice(1, end);
      }
      rest = rest.slice(end + 1);
    } else {
      const comma = rest.indexOf(', ');
      value = comma < 0 ? rest : rest.slice(0, comma);
      rest = comma < 0 ? '' : rest.slice(comma);
    }
    rest = rest.replace(/^,\s*/, '');
    if (kind === 'DNS') names.push(value.toLowerCase());
    else if (kind === 'IP Address') names.push(normalizeIp(value));
  }
  return names;
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

/** OpenSSL prints IPv6 SANs uncompressed (`0:0:0:0:0:0:0:1`); the URL parser gives the RFC 5952 form. */
function normalizeIp(value: string): string {
  if (!isIPv6(value)) return value;
  try {
    return new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return value.toLowerCase();
  }
}

type NameFields = PeerCertificate['subject'] | undefined;

function firstValue(name: NameFields, field: string): string | undefined {
  const value = (name as Record<string, string | string[] | undefined> | undefined)?.[field];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/** `O=Acme, C=DE` for a name without CN (possible: SAN-only certificates). */
function formatName(name: NameFields): string {
  return Object.entries((name ?? {}) as Record<string, string | string[]>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

function isPresent(cert: PeerCertificate): boolean {
  // node hands out an empty object when the peer sent no certificate.
  return cert.raw !== undefined || cert.fingerprint256 !== undefined;
}

/** Subject equals issuer (RFC 5280 §3.2 "self-issued"), compared field by field. */
function isSelfIssued(cert: PeerCertificate): boolean {
  return formatName(cert.subject) === formatName(cert.issuer);
}

function parseRaw(raw: Buffer | undefined): X509Certificate | undefined {
  if (!raw) return undefined;
  try {
    return new X509Certificate(raw);
  } catch {
    return undefined;
  }
}

/**
 * Self-signed: self-issued and its signature verifies with its own key. Not `checkIssued`:
 * OpenSSL's issuer check also demands keyCertSign, which a self-signed server leaf lacks.
 */
function signedBySelf(cert: X509Certificate): boolean {
  if (cert.subject !== cert.issuer) return false;
  try {
    return cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

/** Key sizes of named curves, by both the OpenSSL and the NIST name. */
const CURVE_BITS: Record<string, number> = {
  prime256v1: 256, 'P-256': 256, secp256k1: 256,
  secp384r1: 384, 'P-384': 384,
  secp521r1: 521, 'P-521': 521,
};

function keyFacts(key: KeyObject): { type?: string; bits?: number } {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return { type: 'RSA', bits: details.modulusLength };
    case 'ec':
      return { type: 'EC', bits: details.namedCurve ? CURVE_BITS[details.namedCurve] : undefined };
    case 'ed25519':
      return { type: 'Ed25519', bits: 256 };
    case 'ed448':
      return { type: 'Ed448', bits: 448 };
    case 'dsa':
      return { type: 'DSA', bits: details.modulusLength };
    default:
      return key.asymmetricKeyType ? { type: key.asymmetricKeyType.toUpperCase() } : {};
  }
}
