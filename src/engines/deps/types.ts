/** Shapes of the dependency audit: one normalised form whatever the package manager printed. */

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'yarn-classic';
export type AdvisorySeverity = 'critical' | 'high' | 'moderate' | 'low' | 'info';

export interface Advisory {
  id?: string | number;
  title: string;
  url?: string;
  severity: AdvisorySeverity;
  /** Vulnerable version range (`<1.4.0`). */
  range?: string;
}

/** One vulnerable package with its own advisories (not the packages that merely depend on it). */
export interface VulnerablePackage {
  name: string;
  /** The worst of its advisories. */
  severity: AdvisorySeverity;
  advisories: Advisory[];
  /** Installed versions, where the tool reports them (pnpm, yarn). */
  versions?: string[];
  /** Whether the project depends on it directly, where the tool says. */
  direct?: boolean;
  /** Packages that pull it in (npm `effects` reversed, pnpm/yarn paths). */
  dependents?: string[];
}

export interface Lockfile {
  manager: PackageManager;
  /** File name relative to the project folder. */
  file: string;
}

export type AuditOutcome =
  | { kind: 'report'; lockfile: Lockfile; packages: VulnerablePackage[]; counts: Record<AdvisorySeverity, number> }
  /** Not applicable or impossible here (tool missing, advisory database unreachable). */
  | { kind: 'skip'; lockfile: Lockfile; reason: string }
  /** The auditor ran and failed in a way that says nothing about the dependencies. */
  | { kind: 'error'; lockfile: Lockfile; code: string; message: string };

export const SEVERITY_ORDER: readonly AdvisorySeverity[] = ['critical', 'high', 'moderate', 'low', 'info'];

/** The worse of two severities. */
export function worse(a: AdvisorySeverity, b: AdvisorySeverity): AdvisorySeverity {
  return SEVERITY_ORDER.indexOf(a) <= SEVERITY_ORDER.indexOf(b) ? a : b;
}

/** Any severity word a tool prints, normalised (`medium` → moderate, unknown → info). */
export function normaliseSeverity(s: unknown): AdvisorySeverity {
  const v = String(s ?? '').toLowerCase();
  if (v === 'medium') return 'moderate';
  return (SEVERITY_ORDER as readonly string[]).includes(v) ? (v as AdvisorySeverity) : 'info';
}
