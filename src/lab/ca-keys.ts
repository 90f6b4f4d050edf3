/**
 * Key pairs for the lab CA, through node's WebCrypto (the API `@peculiar/x509` signs with), and
 * their PEM forms. ECDSA P-256 is the default because RSA generation costs tens to hundreds of
 * milliseconds per key; RSA of a chosen size exists for tests that judge key strength.
 */
import { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
export type { CryptoKey, CryptoKeyPair };

/** The key algorithms the lab can issue for. */
export type LabKeyType = 'ec' | 'rsa';

export interface KeyOptions {
  /** Default `ec` (ECDSA P-256). */
  keyType?: LabKeyType;
  /** RSA modulus length; default 2048. Weak sizes (512, 1024) are allowed on purpose. */
  rsaBits?: number;
}

/** The WebCrypto implementation every lab signature goes through (passed explicitly, never set globally). */
export const labCrypto: webcrypto.Crypto = webcrypto;

const DEFAULT_RSA_BITS = 2048;
/** WebCrypto refuses smaller moduli; larger ones would take seconds to generate on a shared machine. */
const MIN_RSA_BITS = 512;
const MAX_RSA_BITS = 8192;

/** Generates an extractable signing key pair of the asked type. */
export async function generateKeyPair(opts: KeyOptions = {}): Promise<CryptoKeyPair> {
  const type = opts.keyType ?? 'ec';
  if (type === 'ec') {
    return labCrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  }
  const bits = opts.rsaBits ?? DEFAULT_RSA_BITS;
  if (!Number.isInteger(bits) || bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
    throw new RangeError(`rsaBits must be an integer between ${MIN_RSA_BITS} and ${MAX_RSA_BITS}, got ${bits}`);
  }
  return labCrypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: bits,
      // F4 (65537), the exponent every TLS stack expects.
      publicExponent: new Uint8Array([0x01, 0x00, 0x01]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
}

/** DER bytes wrapped as PEM with 64-character lines (RFC 7468 §2). */
export function derToPem(label: string, der: ArrayBuffer | Uint8Array): string {
  const b64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A private key as unencrypted PKCS #8 PEM (`-----BEGIN PRIVATE KEY-----`), what node's TLS loads. */
export async function privateKeyToPem(key: CryptoKey): Promise<string> {
  return derToPem('PRIVATE KEY', await labCrypto.subtle.exportKey('pkcs8', key));
}

/** A public key as SPKI PEM (`-----BEGIN PUBLIC KEY-----`), e.g. for a DKIM record's key. */
export async function publicKeyToPem(key: CryptoKey): Promise<string> {
  return derToPem('PUBLIC KEY', await labCrypto.subtle.exportKey('spki', key));
}
