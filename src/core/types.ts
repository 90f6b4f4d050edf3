/** The check contract, results and runs: the shapes every driver and reporter shares. */
import type { ConfigSectionName, LaunchConfig } from '../config/types.js';
import type { Effects } from '../context/types.js';
import type { Probes } from '../probes/types.js';
import type { Targets } from './targets.js';

export type Severity = 'blocker' | 'high' | 'medium' | 'low' | 'info';
export type Status = 'pass' | 'fail' | 'skip' | 'error';
export type TargetKind = 'host' | 'url' | 'domain' | 'file' | 'endpoint' | 'repo' | 'project';

export const SEVERITIES: readonly Severity[] = ['blocker', 'high', 'medium', 'low', 'info'];

export interface CheckMeta {
  /** Catalogue id, `area.kebab-name`; the file path spells it (`checks/tls/expiry.ts`). */
  id: string;
  stage: number;
  title: string;
  defaultSeverity: Severity;
  targetKind: TargetKind;
  /** Config sections that must be present; when one is missing the runner emits `skip`. */
  needs: ConfigSectionName[];
  /** Sends traffic beyond plain reads (bursts, writes): the audit can leave it out. */
  intrusive?: boolean;
  /**
   * Measures the target under sustained load (the performance baseline): runs after every other
   * check, so their requests neither skew its numbers nor hit rate limits its load fills.
   */
  measuresLoad?: boolean;
  /** Deadline of one run of this check when it needs more than the default (Lighthouse: a browser per page). */
  timeoutMs?: number;
}

export type Evidence = Record<string, unknown>;

export interface FailReport {
  target: string;
  messageId: string;
  severity?: Severity;
  /** Values for the message template (`{{name}}`); evidence fields are used when absent. */
  data?: Record<string, unknown>;
  evidence?: Evidence;
  /** Overrides the check's remediation for this cause. */
  remediation?: string;
}

/** What `run(ctx)` receives: effects, shared probes, targets, and the reporting verbs. */
export interface CheckContext extends Effects {
  config: LaunchConfig;
  targets: Targets;
  probes: Probes;
  signal: AbortSignal;
  pass(target: string, opts?: { message?: string; evidence?: Evidence }): void;
  fail(report: FailReport): void;
  skip(target: string, reason: string): void;
  error(target: string, err: unknown, evidence?: Evidence): void;
}

export interface CheckDefinition {
  meta: Omit<CheckMeta, 'id'> & { id?: string };
  /** messageId → template; the keys are the check's possible causes. */
  messages: Record<string, string>;
  /** messageId → how to fix it (or one text for every cause). */
  remediation: Record<string, string> | string;
  run(ctx: CheckContext): Promise<void>;
}

export interface Check {
  meta: CheckMeta;
  messages: Record<string, string>;
  remediation: Record<string, string> | string;
  run(ctx: CheckContext): Promise<void>;
}

export interface CheckResult {
  check: string;
  stage: number;
  target: string;
  status: Status;
  /** Present when status is fail. */
  severity?: Severity;
  title: string;
  message: string;
  messageId?: string;
  evidence?: Evidence;
  remediation?: string;
  docs: string;
  fingerprint: string;
}

export interface Summary {
  blocker: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  pass: number;
  skip: number;
  error: number;
  score: number;
}

/** One audit (or gate) run: what every reporter renders. */
export interface AuditRun {
  tool: { name: 'launchready'; version: string };
  project: string;
  startedAt: string;
  durationMs: number;
  results: CheckResult[];
  summary: Summary;
  /** Facts gathered for the deliverables (deployment map): hosts, addresses, redirects, certificates. */
  facts?: RunFacts;
  /** The performance baseline report (Markdown) when the run measured the endpoints. */
  baselineReport?: string;
}

export interface HostFact {
  name: string;
  environment: string;
  role?: string;
  addresses: string[];
  cnames: string[];
  redirects: { from: string; chain: string[]; final?: string; status?: number[] }[];
  certificate?: { issuer: string; validTo: string; daysLeft: number; names: string[] };
  error?: string;
}

export interface RunFacts {
  environments: { name: string; canonical?: string; hosts: HostFact[] }[];
}
