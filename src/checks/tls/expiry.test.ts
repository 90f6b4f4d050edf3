import { describe, expect, it } from 'vitest';
import { cert, intermediate, NOW, root } from '../../engines/tls/__fixtures__/certificates.js';
import { checkTester } from '../../test-support/check-tester.js';
import expiry, { judgeExpiry } from './expiry.js';

checkTester(expiry, {
  pass: [
    { name: 'every fixed certificate has time left', lab: 'fixed' },
    { name: 'a 6-day certificate with 5 days left is healthy for its lifetime', lab: 'default', targets: ['api.acme.test', 'acme.test'] },
  ],
  fail: [
    { name: 'app: 398-day certificate with 20 days left', lab: 'default', expect: [{ target: 'app.acme.test', messageId: 'expiresSoon', severity: 'medium' }] },
    { name: 'www expired 3 days ago', lab: 'default', expect: [{ target: 'www.acme.test', messageId: 'expired', severity: 'blocker' }] },
  ],
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

describe('judgeExpiry', () => {
  it.each([
    { name: '90-day certificate, 60 days left', chain: [cert({ from: -30, to: 60 }), intermediate(), root()], want: { ok: true } },
    { name: '90-day certificate, exactly 30 days left', chain: [cert({ from: -60, to: 30 })], want: { ok: true } },
    { name: '398-day certificate, 20 days left', chain: [cert({ from: -378, to: 20 })], want: { ok: false, messageId: 'expiresSoon', severity: 'medium' } },
    { name: '398-day certificate, 13 days left', chain: [cert({ from: -385, to: 13 })], want: { ok: false, messageId: 'expiresSoon', severity: 'high' } },
    { name: '90-day certificate, 6 days left', chain: [cert({ from: -84, to: 6 })], want: { ok: false, messageId: 'expiresSoon', severity: 'blocker' } },
    { name: '6-day certificate issued yesterday, 5 days left', chain: [cert({ from: -1, to: 5 })], want: { ok: true } },
    { name: '6-day certificate, 1.5 days left', chain: [cert({ from: -4.5, to: 1.5 })], want: { ok: false, messageId: 'expiresSoon', severity: 'medium' } },
    { name: '6-day certificate, 2 hours left', chain: [cert({ from: -5.9, to: 0.1 })], want: { ok: false, messageId: 'expiresSoon', severity: 'blocker' } },
    { name: '45-day certificate, 10 days left (limits halved: 3.5 / 7 / 15)', chain: [cert({ from: -35, to: 10 })], want: { ok: false, messageId: 'expiresSoon', severity: 'medium' } },
    { name: 'leaf expired 3 days ago', chain: [cert({ from: -93, to: -3 }), intermediate(), root()], verified: false, want: { ok: false, messageId: 'expired', severity: 'blocker' } },
    { name: 'intermediate expiring in 10 days', chain: [cert(), intermediate({ to: 10 }), root()], want: { ok: false, messageId: 'expiresSoon', severity: 'high' } },
    { name: 'intermediate expired and the chain fails', chain: [cert(), intermediate({ to: -2 }), root()], verified: false, want: { ok: false, messageId: 'expired', severity: 'blocker' } },
    { name: 'stale cross-sign expired but the chain verified', chain: [cert(), intermediate({ to: -200 }), root()], verified: true, want: { ok: true } },
    { name: 'an expiring self-signed root sent along is not judged', chain: [cert(), intermediate(), root({ validTo: new Date(NOW.getTime() + 86_400_000) })], want: { ok: true } },
    { name: 'a self-signed leaf is judged', chain: [cert({ selfSigned: true, from: -378, to: 20 })], want: { ok: false, messageId: 'expiresSoon', severity: 'medium' } },
  ])('$name', ({ chain, verified, want }) => {
    expect(judgeExpiry(chain, NOW, verified ?? true)).toMatchObject(want);
  });

  it('reports the most urgent certificate: leaf at 20 days beats intermediate at 25', () => {
    const v = judgeExpiry([cert({ from: -378, to: 20 }), intermediate({ to: 25 }), root()], NOW, true);
    expect(v).toMatchObject({ ok: false, evidence: { certificate: 'leaf certificate', daysLeft: 20 } });
  });

  it('reports a high intermediate over a medium leaf', () => {
    const v = judgeExpiry([cert({ from: -378, to: 20 }), intermediate({ to: 10 }), root()], NOW, true);
    expect(v).toMatchObject({ ok: false, severity: 'high', evidence: { certificate: 'intermediate certificate "R11"', daysLeft: 10 } });
  });

  it('shows dates, days left, lifetime, thresholds applied and issuer', () => {
    const v = judgeExpiry([cert({ from: -378, to: 20 })], NOW, true);
    expect(v).toMatchObject({
      evidence: {
        validFrom: '2024-02-17T12:00:00.000Z',
        validTo: '2025-03-21T12:00:00.000Z',
        daysLeft: 20,
        lifetimeDays: 398,
        thresholds: { blocker: 7, high: 14, medium: 30 },
        issuer: "R11 (Let's Encrypt)",
        expected: '≥ 30 days left',
        actual: '20 days left',
      },
    });
    const short = judgeExpiry([cert({ from: -1, to: 5 })], NOW, true);
    expect(short).toMatchObject({ ok: true, evidence: { lifetimeDays: 6, thresholds: { blocker: 0.47, high: 0.93, medium: 2 } } });
  });

  it('cannot judge an empty chain or unreadable dates', () => {
    expect(judgeExpiry([], NOW, true)).toMatchObject({ ok: 'unjudgeable' });
    expect(judgeExpiry([cert({ validTo: new Date('garbage') })], NOW, true)).toMatchObject({ ok: 'unjudgeable' });
  });
});
