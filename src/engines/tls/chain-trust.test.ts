import { describe, expect, it } from 'vitest';
import { cert, intermediate, NOW, root } from './__fixtures__/certificates.js';
import { judgeChainTrust } from './chain-trust.js';

const stranger = root({ subject: 'Stranger Root', issuer: 'Stranger Root', issuerOrganization: undefined });

describe('judgeChainTrust', () => {
  it.each([
    { name: 'authorized chain', authorized: true, code: undefined, chain: [cert(), intermediate(), root()], want: { status: 'trusted' } },
    {
      name: 'authorized even with a stale cross-signed intermediate (the verifier found another path)',
      authorized: true, code: undefined, chain: [cert(), intermediate({ to: -10 }), root()], want: { status: 'trusted' },
    },
    { name: 'self-signed leaf', authorized: false, code: 'DEPTH_ZERO_SELF_SIGNED_CERT', chain: [cert({ selfSigned: true, issuer: 'app.example.com' })], want: { status: 'selfSigned' } },
    { name: 'expired self-signed leaf (the date code hides DEPTH_ZERO)', authorized: false, code: 'CERT_HAS_EXPIRED', chain: [cert({ selfSigned: true, to: -3 })], want: { status: 'selfSigned' } },
    {
      name: 'unknown root sent along',
      authorized: false, code: 'SELF_SIGNED_CERT_IN_CHAIN', chain: [cert({ issuer: 'Stranger Root' }), stranger],
      want: { status: 'untrusted', reason: 'SELF_SIGNED_CERT_IN_CHAIN', inferred: false },
    },
    {
      name: 'missing intermediate',
      authorized: false, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', chain: [cert()],
      want: { status: 'untrusted', reason: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', inferred: false },
    },
    {
      name: 'expired leaf whose chain ends without a root (inferred: issuer not found)',
      authorized: false, code: 'CERT_HAS_EXPIRED', chain: [cert({ to: -3, issuer: 'Stranger R3' }), intermediate({ subject: 'Stranger R3', issuer: 'Stranger Root' })],
      want: { status: 'untrusted', reason: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', inferred: true },
    },
    {
      name: 'valid leaf below an expired intermediate',
      authorized: false, code: 'CERT_HAS_EXPIRED', chain: [cert(), intermediate({ to: -1 }), root()],
      want: { status: 'untrusted', reason: 'CERT_HAS_EXPIRED', inferred: true },
    },
    {
      name: 'intermediate not yet valid',
      authorized: false, code: 'CERT_NOT_YET_VALID', chain: [cert(), intermediate({ from: 1 }), root()],
      want: { status: 'untrusted', reason: 'CERT_NOT_YET_VALID', inferred: true },
    },
    {
      name: 'expired leaf up to a root: the date code may hide a trust error',
      authorized: false, code: 'CERT_HAS_EXPIRED', chain: [cert({ to: -3 }), intermediate(), root()],
      want: { status: 'unknown', reason: 'CERT_HAS_EXPIRED' },
    },
    { name: 'no certificate at all', authorized: false, code: undefined, chain: [], want: { status: 'untrusted', reason: 'UNKNOWN' } },
  ])('$name', ({ authorized, code, chain, want }) => {
    const got = judgeChainTrust({ authorized, authorizationError: code, chain }, NOW);
    expect(got).toMatchObject(want);
  });

  it('names the issuer in the detail', () => {
    const got = judgeChainTrust({ authorized: false, authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', chain: [cert({ issuer: 'Acme Internal CA', issuerOrganization: 'Acme Corp IT' })] }, NOW);
    expect(got).toMatchObject({ status: 'untrusted', detail: expect.stringContaining('Acme Internal CA (Acme Corp IT)') });
  });
});
