import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { looksLikeDkimKey, parseDkimKeyRecord } from './key-record.js';
import { COMMON_DKIM_SELECTORS, selectorName } from './selectors.js';

const rsa = (bits: number, type: 'spki' | 'pkcs1' = 'spki') =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'der', type }).toString('base64');
const ed25519 = () => {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
};

const K512 = rsa(512);
const K1024 = rsa(1024);
const K1024_PKCS1 = rsa(1024, 'pkcs1');
const ED = ed25519();

describe('parseDkimKeyRecord', () => {
  it.each([
    ['512-bit RSA', `v=DKIM1; k=rsa; p=${K512}`, 'valid', 512],
    ['1024-bit RSA without v= and k=', `p=${K1024}`, 'valid', 1024],
    ['RSA with folded whitespace in p=', `v=DKIM1; p=${K1024.slice(0, 40)} ${K1024.slice(40)}`, 'valid', 1024],
    ['PKCS#1 RSAPublicKey', `v=DKIM1; p=${K1024_PKCS1}`, 'valid', 1024],
    ['Ed25519', `v=DKIM1; k=ed25519; p=${ED}`, 'valid', 256],
    ['revoked (empty p=)', 'v=DKIM1; k=rsa; p=', 'revoked', undefined],
    ['bad base64', 'v=DKIM1; p=MIGfMA0GCSqGSIb3DQEB!!!', 'invalid', undefined],
    ['base64 of garbage', `v=DKIM1; p=${Buffer.from('not a key at all').toString('base64')}`, 'invalid', undefined],
    ['missing p=', 'v=DKIM1; k=rsa', 'invalid', undefined],
    ['v= not first', `k=rsa; v=DKIM1; p=${K1024}`, 'invalid', 1024],
    ['wrong version', `v=DKIM2; p=${K1024}`, 'invalid', 1024],
    ['unknown key type', `v=DKIM1; k=dsa; p=${K1024}`, 'invalid', undefined],
    ['RSA key labelled ed25519', `v=DKIM1; k=ed25519; p=${K1024}`, 'invalid', undefined],
    ['sha1 only', `v=DKIM1; h=sha1; p=${K1024}`, 'invalid', 1024],
    ['service not email', `v=DKIM1; s=tlsrpt; p=${K1024}`, 'invalid', 1024],
    ['duplicated tag', `v=DKIM1; p=${K1024}; p=${K512}`, 'invalid', 1024],
  ])('%s → %s', (_name, text, status, bits) => {
    const r = parseDkimKeyRecord(text);
    expect(r.status, r.problems.join('; ')).toBe(status);
    expect(r.bits).toBe(bits);
    if (status === 'invalid') expect(r.problems.length).toBeGreaterThan(0);
  });

  it('reads flags, hashes and notes', () => {
    const r = parseDkimKeyRecord(`v=DKIM1; h=sha256:sha1; t=y:s; n=rotated 2026; x=1; p=${K1024}`);
    expect(r).toMatchObject({ status: 'valid', testing: true, strict: true, hashes: ['sha256', 'sha1'], encoding: 'spki' });
    expect(r.notes).toEqual(['unknown tag "x" is ignored', 'n=: rotated 2026']);
  });

  it('recognises key records and names selectors', () => {
    expect(looksLikeDkimKey(`v=DKIM1; p=${K512}`)).toBe(true);
    expect(looksLikeDkimKey('k=rsa; p=')).toBe(true);
    expect(looksLikeDkimKey('v=spf1 -all')).toBe(false);
    expect(selectorName('s1', 'example.com')).toBe('s1._domainkey.example.com');
    expect(COMMON_DKIM_SELECTORS).toContain('google');
    expect(COMMON_DKIM_SELECTORS.length).toBeLessThanOrEqual(20);
  });
});
