import { describe, expect, it } from 'vitest';
import { cert, inspection, intermediate, NOW, root } from '../../engines/tls/__fixtures__/certificates.js';
import { checkTester } from '../../test-support/check-tester.js';
import certificateValid, { judgeCertificateValidity } from './certificate-valid.js';

checkTester(certificateValid, {
  pass: [
    { name: 'every fixed host presents a valid, trusted certificate for its name', lab: 'fixed' },
    { name: 'the default apex is fine', lab: 'default', targets: ['acme.test', 'app.acme.test', 'api.acme.test'] },
  ],
  fail: [
    { name: 'www expired 3 days ago', lab: 'default', expect: [{ target: 'www.acme.test', messageId: 'expired', severity: 'blocker' }] },
    { name: 'admin presents the certificate of acme.test / www.acme.test', lab: 'default', expect: [{ target: 'admin.acme.test', messageId: 'hostnameMismatch', severity: 'blocker' }] },
    {
      name: 'a chain the trust store does not know (network.ca removed)',
      lab: 'fixed',
      config: (raw) => { delete raw.network.ca; raw.environments = { production: { hosts: [{ name: 'app.acme.test' }] } }; },
      expect: [{ target: 'app.acme.test', messageId: 'untrusted' }],
    },
  ],
  error: [
    {
      name: 'handshake stalls, nothing listens, DNS never answers',
      lab: 'hostile',
      config: (raw) => {
        // Only the misbehaving hosts, under a short deadline: the stall costs the timeout.
        raw.network.timeout = '600ms';
        raw.environments = { production: { hosts: [{ name: 'stall.hostile.test' }, { name: 'refused.hostile.test' }, { name: 'timeout.hostile.test' }, { name: 'servfail.hostile.test' }] } };
      },
      expect: [{ target: 'stall.hostile.test' }, { target: 'refused.hostile.test' }, { target: 'timeout.hostile.test' }, { target: 'servfail.hostile.test' }],
    },
  ],
  skip: [{ name: 'no environments declared', lab: 'default', config: (raw) => { raw.environments = {}; } }],
});

const causes = (v: ReturnType<typeof judgeCertificateValidity>) => v.findings.map((f) => f.messageId);

describe('judgeCertificateValidity', () => {
  it.each([
    { name: 'valid chain for the host', i: inspection(), want: [] },
    { name: 'expired leaf (node reports the date code)', i: inspection({ authorized: false, authorizationError: 'CERT_HAS_EXPIRED', chain: [cert({ from: -93, to: -3 }), intermediate(), root()] }), want: ['expired'] },
    // The run's clock says expired even though the wall clock did not (node authorized it).
    { name: 'expired on the run clock, authorized on the wall clock', i: inspection({ chain: [cert({ from: -93, to: -0.01 })] }), want: ['expired'] },
    { name: 'not yet valid', i: inspection({ authorized: false, authorizationError: 'CERT_NOT_YET_VALID', chain: [cert({ from: 2, to: 92 }), intermediate(), root()] }), want: ['notYetValid'] },
    { name: 'date code ignored when the run clock finds the dates fine', i: inspection({ authorized: false, authorizationError: 'CERT_HAS_EXPIRED' }), want: [] },
    { name: 'certificate for other names', i: inspection({ hostnameMatches: false }), want: ['hostnameMismatch'] },
    { name: 'self-signed leaf', i: inspection({ authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT', chain: [cert({ selfSigned: true, issuer: 'app.example.com', issuerOrganization: undefined })] }), want: ['selfSigned'] },
    { name: 'unknown root', i: inspection({ authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN' }), want: ['untrusted'] },
    { name: 'issuer not found locally', i: inspection({ authorized: false, authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', chain: [cert()] }), want: ['untrusted'] },
    {
      name: 'expired, for other names, and from an unanchored chain: every cause',
      i: inspection({ authorized: false, authorizationError: 'CERT_HAS_EXPIRED', hostnameMatches: false, chain: [cert({ to: -3 }), intermediate({ issuer: 'Nobody Root' })] }),
      want: ['expired', 'hostnameMismatch', 'untrusted'],
    },
    { name: 'no certificate', i: inspection({ authorized: false, chain: [] }), want: ['untrusted'] },
  ])('$name → $want', ({ i, want }) => {
    expect(causes(judgeCertificateValidity(i, NOW))).toEqual(want);
  });

  it('always shows subject, names, issuer, dates and the clock', () => {
    const v = judgeCertificateValidity(inspection({ hostnameMatches: false, chain: [cert({ subjectAltNames: ['acme.test', 'www.acme.test'], to: -3 })] }), NOW);
    for (const f of v.findings) {
      expect(f.evidence).toMatchObject({
        subject: 'acme.test',
        names: ['acme.test', 'www.acme.test'],
        issuer: "R11 (Let's Encrypt)",
        validTo: '2025-02-26T12:00:00.000Z',
        now: NOW.toISOString(),
      });
    }
    expect(v.findings.find((f) => f.messageId === 'hostnameMismatch')?.evidence).toMatchObject({ host: 'app.example.com', actual: ['acme.test', 'www.acme.test'] });
    expect(v.findings.find((f) => f.messageId === 'expired')?.evidence).toMatchObject({ daysAgo: 3 });
  });

  it('gives the reason code and issuer of an untrusted chain', () => {
    const v = judgeCertificateValidity(inspection({ authorized: false, authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', chain: [cert({ issuer: 'Acme Internal CA', issuerOrganization: 'Acme Corp IT' })] }), NOW);
    expect(v.findings[0].evidence).toMatchObject({ reason: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', issuer: 'Acme Internal CA (Acme Corp IT)' });
  });

  it('says when a date code leaves the chain unverifiable', () => {
    const v = judgeCertificateValidity(inspection({ authorized: false, authorizationError: 'CERT_HAS_EXPIRED', chain: [cert({ to: -3 }), intermediate(), root()] }), NOW);
    expect(v.findings.map((f) => f.messageId)).toEqual(['expired']);
    expect(v.evidence.chainTrust).toMatch(/CERT_HAS_EXPIRED/);
  });
});
