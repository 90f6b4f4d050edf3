import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import protocols, { judgeProtocols } from './protocols.js';

checkTester(protocols, {
  pass: [{ name: 'every fixed listener refuses TLS 1.0/1.1', lab: 'fixed' }],
  fail: [{ name: 'api (127.0.0.4) still accepts TLS 1.0 and 1.1', lab: 'default', expect: [{ target: 'api.acme.test', messageId: 'legacyAccepted', severity: 'high' }] }],
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

describe('judgeProtocols', () => {
  const v = (a: boolean, b: boolean, c: boolean, d: boolean) => ({ TLSv1: a, 'TLSv1.1': b, 'TLSv1.2': c, 'TLSv1.3': d });
  it.each([
    { name: 'TLS 1.2 and 1.3', accepts: v(false, false, true, true), causes: [] },
    { name: 'TLS 1.3 only', accepts: v(false, false, false, true), causes: [] },
    { name: 'TLS 1.2 only', accepts: v(false, false, true, false), causes: [] },
    { name: 'everything', accepts: v(true, true, true, true), causes: ['legacyAccepted'] },
    { name: 'TLS 1.1 still on', accepts: v(false, true, true, true), causes: ['legacyAccepted'] },
    { name: 'TLS 1.0 and 1.1 only', accepts: v(true, true, false, false), causes: ['noModern', 'legacyAccepted'] },
  ])('$name → $causes', ({ accepts, causes }) => {
    const got = judgeProtocols(accepts);
    expect(got.ok === false ? got.findings.map((f) => f.messageId) : []).toEqual(causes);
    expect(got.ok).toBe(causes.length ? false : true);
  });

  it('grades noModern blocker and legacyAccepted high, with the versions as evidence', () => {
    const got = judgeProtocols(v(true, false, false, false));
    expect(got).toMatchObject({
      ok: false,
      findings: [
        { messageId: 'noModern', severity: 'blocker', evidence: { accepted: ['TLS 1.0'], expected: 'TLS 1.2+ only' } },
        { messageId: 'legacyAccepted', severity: 'high', evidence: { legacy: ['TLS 1.0'], refused: ['TLS 1.1', 'TLS 1.2', 'TLS 1.3'] } },
      ],
    });
  });

  it('lists the versions on a pass', () => {
    expect(judgeProtocols(v(false, false, true, true))).toEqual({
      ok: true,
      evidence: { accepted: ['TLS 1.2', 'TLS 1.3'], refused: ['TLS 1.0', 'TLS 1.1'], expected: 'TLS 1.2+ only' },
    });
  });

  it('cannot judge a host that completed no handshake at all', () => {
    expect(judgeProtocols(v(false, false, false, false)).ok).toBe('unjudgeable');
    expect(judgeProtocols({}).ok).toBe('unjudgeable');
  });
});
