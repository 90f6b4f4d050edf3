/**
 * DKIM keys for the lab's mail domains, generated once per lab start (nobody signs with them:
 * only the public halves are published). The 512-bit key is the planted flaw; Node's OpenSSL
 * still generates one, and anyone could factor it in hours.
 */
import { generateKeyPairSync } from 'node:crypto';

export interface MailKeys {
  /** `p=` values (base64 of the public key as DKIM publishes it). */
  rsa512: string;
  rsa2048: string;
  ed25519: string;
}

const spki = (bits: number) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

/** Generates the lab's keys (~100 ms, mostly the 2048-bit key). */
export function generateMailKeys(): MailKeys {
  // RFC 8463 §4.2: an Ed25519 p= is the raw 32-byte public key, not SubjectPublicKeyInfo.
  const ed = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  return { rsa512: spki(512), rsa2048: spki(2048), ed25519: Buffer.from(ed.x ?? '', 'base64url').toString('base64') };
}
