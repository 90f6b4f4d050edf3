/**
 * Issues the scenario's certificates: an ACME-style chain (root + short-lived issuing
 * intermediate, like public ACME CAs) and a corporate "internal" root that hands out long-lived
 * certificates by hand. Both roots go into the lab's `ca.pem`.
 */
import { createCertificateAuthority, selfSigned, type IssuedCertificate } from './ca.js';
import type { CertPlan } from './scenarios/types.js';

export interface LabCertificates {
  caPem: string;
  /** SNI name → certificate to present. */
  byName: Map<string, IssuedCertificate>;
  /** Presented when a client sends no SNI or an unknown name. */
  fallback: IssuedCertificate;
}

export async function issueLabCertificates(plans: CertPlan[], now: Date): Promise<LabCertificates> {
  const acmeRoot = await createCertificateAuthority({ commonName: 'Lab ACME Root X1', organization: 'Lab ACME', now });
  const acme = await acmeRoot.intermediate({ commonName: 'Lab ACME R1', organization: 'Lab ACME', now });
  const internal = await createCertificateAuthority({ commonName: 'Acme Internal CA', organization: 'Acme Corp IT', now });
  const byName = new Map<string, IssuedCertificate>();
  for (const plan of plans) {
    const opts = { names: plan.names, notBefore: plan.notBefore, notAfter: plan.notAfter };
    const cert = plan.issuer === 'self' ? await selfSigned(opts) : await (plan.issuer === 'acme' ? acme : internal).issue(opts);
    for (const name of plan.serveFor ?? plan.names) byName.set(name.toLowerCase(), cert);
  }
  const fallback = await acme.issue({ names: ['lab.invalid'], notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 30 * 86_400_000) });
  return { caPem: `${acmeRoot.certPem.trim()}\n${internal.certPem.trim()}\n`, byName, fallback };
}
