import { describe, expect, it } from 'vitest';
import { classifyIssuer, issuerLabel } from './issuers.js';

describe('classifyIssuer', () => {
  it.each([
    { issuer: 'R11', org: "Let's Encrypt", ca: "Let's Encrypt", kind: 'acme' },
    { issuer: 'E6', org: 'Let\u2019s Encrypt', ca: "Let's Encrypt", kind: 'acme' },
    { issuer: '(STAGING) Ersatz Edamame E1', org: "(STAGING) Let's Encrypt", ca: "Let's Encrypt", kind: 'acme' },
    { issuer: 'ZeroSSL RSA Domain Secure Site CA', org: 'ZeroSSL', ca: 'ZeroSSL', kind: 'acme' },
    { issuer: 'ZeroSSL ECC Domain Secure Site CA', org: undefined, ca: 'ZeroSSL', kind: 'acme' },
    { issuer: 'WR1', org: 'Google Trust Services', ca: 'Google Trust Services', kind: 'acme' },
    { issuer: 'GTS CA 1P5', org: 'Google Trust Services LLC', ca: 'Google Trust Services', kind: 'acme' },
    { issuer: 'Buypass Class 2 CA 5', org: 'Buypass AS-983163327', ca: 'Buypass', kind: 'acme' },
    { issuer: 'SSL.com SSL Intermediate CA ECC R2', org: 'SSL Corp', ca: 'SSL.com', kind: 'acme' },
    { issuer: 'SSL.com RSA SSL subCA', org: 'SSL Corporation', ca: 'SSL.com', kind: 'acme' },
    { issuer: 'Actalis Domain Validation Server CA G3', org: 'Actalis S.p.A.', ca: 'Actalis', kind: 'acme' },
    { issuer: 'Certainly Intermediate R1', org: 'Certainly', ca: 'Certainly (Fastly)', kind: 'acme' },
    { issuer: 'HARICA DV TLS ECC', org: 'Hellenic Academic and Research Institutions CA', ca: 'HARICA', kind: 'acme' },
    { issuer: 'Amazon RSA 2048 M02', org: 'Amazon', ca: 'AWS Certificate Manager', kind: 'managed' },
    { issuer: 'Cloudflare Inc ECC CA-3', org: 'Cloudflare, Inc.', ca: 'Cloudflare', kind: 'managed' },
    { issuer: 'Microsoft Azure RSA TLS Issuing CA 03', org: 'Microsoft Corporation', ca: 'Microsoft Azure', kind: 'managed' },
  ])('$issuer / $org → $ca', ({ issuer, org, ca, kind }) => {
    expect(classifyIssuer({ issuer, issuerOrganization: org })).toEqual({ automated: true, kind, ca });
  });

  it.each([
    { issuer: 'Acme Internal CA', org: 'Acme Corp IT' },
    { issuer: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1', org: 'DigiCert Inc' },
    { issuer: 'Sectigo RSA Domain Validation Secure Server CA', org: 'Sectigo Limited' },
    { issuer: 'GeoTrust Global TLS RSA4096 SHA256 2022 CA1', org: 'DigiCert, Inc.' },
    { issuer: 'self.example', org: undefined },
    { issuer: '', org: '' },
    // Lookalikes must not match by substring.
    { issuer: 'Not Encrypted CA', org: 'Amazonian Certs Ltd' },
  ])('$issuer / $org is not known to automate', ({ issuer, org }) => {
    expect(classifyIssuer({ issuer, issuerOrganization: org })).toEqual({ automated: false });
  });

  it('accepts a custom list', () => {
    expect(classifyIssuer({ issuer: 'Corp ACME CA' }, [{ name: 'Corp step-ca', kind: 'acme', commonName: /^corp acme ca$/ }]))
      .toEqual({ automated: true, kind: 'acme', ca: 'Corp step-ca' });
  });
});

describe('issuerLabel', () => {
  it.each([
    { issuer: 'R11', org: "Let's Encrypt", label: "R11 (Let's Encrypt)" },
    { issuer: 'Acme Internal CA', org: undefined, label: 'Acme Internal CA' },
    { issuer: 'Same', org: 'Same', label: 'Same' },
    { issuer: '', org: 'Only Org', label: 'Only Org' },
    { issuer: '', org: undefined, label: 'unknown issuer' },
  ])('$label', ({ issuer, org, label }) => {
    expect(issuerLabel({ issuer, issuerOrganization: org })).toBe(label);
  });
});
