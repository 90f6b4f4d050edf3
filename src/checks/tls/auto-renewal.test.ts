import { describe, expect, it } from 'vitest';
import { cert, NOW } from '../../engines/tls/__fixtures__/certificates.js';
import { checkTester } from '../../test-support/check-tester.js';
import autoRenewal, { judgeAutoRenewal } from './auto-renewal.js';

checkTester(autoRenewal, {
  pass: [{ name: 'every fixed certificate is short-lived', lab: 'fixed' }],
  fail: [{ name: 'app: 398-day certificate from an internal CA', lab: 'default', expect: [{ target: 'app.acme.test', messageId: 'manualRenewal', severity: 'medium' }] }],
  error: [
    {
      name: 'handshake stalls, nothing listens, DNS times out or fails',
      lab: 'hostile',
      config: (raw) => {
        // Only the misbehaving hosts, under a short deadline: the stall costs the timeout.
        raw.network.timeout = '600ms';
        raw.environments = { production: { hosts: [{ name: 'stall.hostile.test' }, { name: 'refused.hostile.test' }, { name: 'timeout.hostile.test' }, { name: 'servfail.hostile.test' }] } };
      },
      expect: [{ target: 'stall.hostile.test' }, { target: 'refused.hostile.test' }, { target: 'timeout.hostile.test' }, { target: 'servfail.hostile.test' }],
    },
  ],
  skip: [{ name: 'no environments declared', lab: 'fixed', config: (raw) => { raw.environments = {}; } }],
});

describe('judgeAutoRenewal', () => {
  const internal = { issuer: 'Acme Internal CA', issuerOrganization: 'Acme Corp IT' };
  const digicert = { issuer: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1', issuerOrganization: 'DigiCert Inc' };
  it.each([
    { name: "Let's Encrypt 90-day", leaf: cert({ from: -30, to: 60 }), ok: true, why: /ACME CA \(Let's Encrypt\)/ },
    { name: 'ZeroSSL, even if it were long-lived', leaf: cert({ issuer: 'ZeroSSL RSA Domain Secure Site CA', issuerOrganization: 'ZeroSSL', from: -300, to: 65 }), ok: true, why: /ZeroSSL/ },
    { name: 'AWS Certificate Manager 395-day', leaf: cert({ issuer: 'Amazon RSA 2048 M03', issuerOrganization: 'Amazon', from: -300, to: 95 }), ok: true, why: /platform-managed.*AWS/ },
    { name: 'unknown CA, 90-day lifetime', leaf: cert({ ...internal, from: -30, to: 60 }), ok: true, why: /short-lived/ },
    { name: 'unknown CA, exactly 100 days', leaf: cert({ ...internal, from: -50, to: 50 }), ok: true, why: /100 ≤ 100/ },
    { name: 'unknown CA, 101 days', leaf: cert({ ...internal, from: -51, to: 50 }), ok: false },
    { name: 'internal CA, 398 days', leaf: cert({ ...internal, from: -378, to: 20 }), ok: false },
    { name: 'DigiCert, 397 days', leaf: cert({ ...digicert, from: -100, to: 297 }), ok: false },
  ])('$name', ({ leaf, ok, why }) => {
    const v = judgeAutoRenewal(leaf, NOW);
    expect(v.ok).toBe(ok);
    if (why && v.ok === true) expect(String(v.evidence.automation)).toMatch(why);
  });

  it('shows issuer and lifetime on a failure', () => {
    expect(judgeAutoRenewal(cert({ ...internal, from: -378, to: 20 }), NOW)).toMatchObject({
      ok: false,
      messageId: 'manualRenewal',
      evidence: { issuer: 'Acme Internal CA (Acme Corp IT)', lifetimeDays: 398 },
    });
  });

  it('cannot judge without a readable certificate', () => {
    expect(judgeAutoRenewal(undefined, NOW)).toMatchObject({ ok: 'unjudgeable' });
    expect(judgeAutoRenewal(cert({ validFrom: new Date('x') }), NOW)).toMatchObject({ ok: 'unjudgeable' });
  });
});
