/**
 * DKIM public-key records (RFC 6376 §3.6.1) at `<selector>._domainkey.<domain>`, with the key
 * size read from the key itself: RSA keys are decoded with node:crypto (SubjectPublicKeyInfo as
 * published in practice, PKCS#1 RSAPublicKey as RFC 6376 §3.6.1 literally says), Ed25519 keys
 * (RFC 8463) are 32 raw bytes.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { parseTagList, type Tag } from '../mail/tag-list.js';

export type DkimKeyStatus = 'valid' | 'revoked' | 'invalid';

export interface DkimKeyRecord {
  raw: string;
  status: DkimKeyStatus;
  /** `k=` (default rsa). */
  keyType: string;
  /** RSA modulus length; 256 for Ed25519 (its security level is fixed). */
  bits?: number;
  /** How the RSA key was encoded: `spki` (usual) or `pkcs1`. */
  encoding?: 'spki' | 'pkcs1' | 'raw';
  /** `h=` acceptable hash algorithms; absent means all. */
  hashes?: string[];
  /** `t=y`: the domain is testing DKIM (RFC 6376 §3.6.1). */
  testing: boolean;
  /** `t=s`: signatures must not use subdomains of the signing domain. */
  strict: boolean;
  /** `s=` service types (absent means `*`). */
  services?: string[];
  /** Why the record is invalid (empty unless `status` is invalid). */
  problems: string[];
  /** Harmless remarks: unknown tags, `n=` notes. */
  notes: string[];
}

// Whitespace inside p= is folding white space and ignored (RFC 6376 §3.6.1, base64string).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const KNOWN = new Set(['v', 'h', 'k', 'n', 'p', 's', 't', 'g']);

/** Whether a TXT string looks like a DKIM key record (starts with `v=DKIM1` or has a `p=` tag). */
export function looksLikeDkimKey(text: string): boolean {
  return /^\s*v\s*=\s*DKIM1\s*(;|$)/.test(text) || /(^|;)\s*p\s*=/.test(text);
}

function rsaKey(der: Buffer): { key: KeyObject; encoding: 'spki' | 'pkcs1' } | undefined {
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      const key = createPublicKey({ key: der, format: 'der', type });
      if (key.asymmetricKeyType === 'rsa') return { key, encoding: type };
    } catch {
      // Try the next encoding.
    }
  }
  return undefined;
}

function ed25519Valid(der: Buffer): boolean {
  if (der.length !== 32) return false;
  try {
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: der.toString('base64url') }, format: 'jwk' });
    return true;
  } catch {
    return false;
  }
}

/** Parses one key record. Pure; never throws. */
export function parseDkimKeyRecord(raw: string): DkimKeyRecord {
  const list = parseTagList(raw);
  const problems = [...list.problems];
  const notes: string[] = [];
  const get = (name: string): Tag | undefined => list.tags.find((t) => t.name === name);

  // §3.6.1: v= is optional but, when present, MUST be first and exactly DKIM1.
  const v = get('v');
  if (v && (list.tags[0] !== v || v.value !== 'DKIM1')) problems.push('v= must be the first tag and read DKIM1');
  for (const t of list.tags) if (!KNOWN.has(t.name)) notes.push(`unknown tag "${t.name}" is ignored`);
  if (get('g')) notes.push('g= (granularity) was removed by RFC 6376 and is ignored');
  const n = get('n');
  if (n?.value) notes.push(`n=: ${n.value}`);

  const keyType = (get('k')?.value ?? 'rsa').toLowerCase();
  const hashes = get('h')?.value.split(':').map((s) => s.trim().toLowerCase()).filter(Boolean);
  // RFC 8301 §3.1: verifiers MUST NOT accept rsa-sha1, so a key restricted to sha1 verifies nothing.
  if (hashes && !hashes.includes('sha256')) problems.push(`h=${get('h')!.value} excludes sha256: no signature can verify (RFC 8301)`);
  const flags = get('t')?.value.split(':').map((s) => s.trim().toLowerCase()) ?? [];
  const services = get('s')?.value.split(':').map((s) => s.trim().toLowerCase());
  if (services && !services.includes('*') && !services.includes('email')) problems.push(`s=${get('s')!.value} does not cover email`);

  const base = {
    raw, keyType, testing: flags.includes('y'), strict: flags.includes('s'),
    ...(hashes ? { hashes } : {}), ...(services ? { services } : {}), notes,
  };
  const p = get('p');
  if (!p) return { ...base, status: 'invalid', problems: [...problems, 'the required p= tag is missing'] };
  const b64 = p.value.replace(/\s+/g, '');
  // §3.6.1: "An empty value means that this public key has been revoked."
  if (b64 === '') return { ...base, status: problems.length ? 'invalid' : 'revoked', problems };
  if (!BASE64.test(b64)) return { ...base, status: 'invalid', problems: [...problems, 'p= is not valid base64'] };
  const der = Buffer.from(b64, 'base64');

  if (keyType === 'rsa') {
    const got = rsaKey(der);
    if (!got) return { ...base, status: 'invalid', problems: [...problems, 'p= does not decode to an RSA public key'] };
    const bits = got.key.asymmetricKeyDetails?.modulusLength;
    if (got.encoding === 'pkcs1') notes.push('p= holds a bare PKCS#1 RSAPublicKey; most verifiers expect SubjectPublicKeyInfo');
    return { ...base, status: problems.length ? 'invalid' : 'valid', bits, encoding: got.encoding, problems };
  }
  if (keyType === 'ed25519') {
    if (!ed25519Valid(der)) return { ...base, status: 'invalid', problems: [...problems, `p= is not a 32-byte Ed25519 public key (${der.length} bytes)`] };
    return { ...base, status: problems.length ? 'invalid' : 'valid', bits: 256, encoding: 'raw', problems };
  }
  return { ...base, status: 'invalid', problems: [...problems, `k=${keyType} is not a known key type (rsa, ed25519)`] };
}
