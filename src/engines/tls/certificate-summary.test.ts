import { describe, expect, it } from 'vitest';
import { at, cert, intermediate, NOW, root } from './__fixtures__/certificates.js';
import { certificateFact, chainLinks, summarizeCertificate } from './certificate-summary.js';

describe('summarizeCertificate', () => {
  it('gives names, issuer label, ISO dates, days left and lifetime', () => {
    expect(summarizeCertificate(cert({ subjectAltNames: ['a.test', 'b.test'], from: -378, to: 20 }), NOW)).toEqual({
      subject: 'a.test',
      names: ['a.test', 'b.test'],
      issuer: "R11 (Let's Encrypt)",
      validFrom: at(-378).toISOString(),
      validTo: at(20).toISOString(),
      daysLeft: 20,
      lifetimeDays: 398,
    });
  });

  it('gives the deployment map its certificate fact', () => {
    expect(certificateFact(cert({ to: -3 }), NOW)).toEqual({ issuer: "R11 (Let's Encrypt)", validTo: at(-3).toISOString(), daysLeft: -3, names: ['app.example.com'] });
  });
});

describe('chainLinks', () => {
  it('shows each link leaf first', () => {
    expect(chainLinks([cert(), intermediate(), root()])).toEqual([
      "app.example.com ← R11 (Let's Encrypt)",
      'R11 ← ISRG Root X1 (Internet Security Research Group)',
      'ISRG Root X1 ← self-signed',
    ]);
  });
});
