/** Shapes shared by the lab's scenarios. */
export type ScenarioVariant = 'default' | 'fixed' | 'hostile';

export interface LabPorts {
  dns: number;
  http: number;
  https: number;
  smtp: number;
  rdap: number;
  webhook: number;
}

/** A certificate to issue: `acme` (short-lived, automated CA), `internal` (a manual corporate CA) or `self`. */
export interface CertPlan {
  names: string[];
  issuer: 'acme' | 'internal' | 'self';
  notBefore: Date;
  notAfter: Date;
  /** SNI names that get this certificate (default: `names`). */
  serveFor?: string[];
}
