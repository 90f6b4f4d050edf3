/** Grouping and wording shared by every reporter: severity labels, groups, the summary line. */
import { SEVERITIES, type AuditRun, type CheckResult, type Severity, type Summary } from '../../core/types.js';

/** How each severity reads in prose (checks.md: a blocker is a "launch blocker"). */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  blocker: 'launch blocker',
  high: 'high',
  medium: 'medium',
  low: 'low',
  info: 'info',
};

/** Section headings of the risk list, one per severity. */
export const SEVERITY_HEADING: Readonly<Record<Severity, string>> = {
  blocker: 'Launch blockers',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** A failure's severity; a failure without one (a contract slip) still shows, as info. */
export function severityOf(r: CheckResult): Severity {
  return r.severity ?? 'info';
}

/** A run's results by what a reader does with them. */
export interface ResultGroups {
  /** Failures per severity, worst first; severities without failures are left out. */
  findings: { severity: Severity; results: CheckResult[] }[];
  errors: CheckResult[];
  skips: CheckResult[];
  passes: CheckResult[];
}

/** Groups results, keeping the run's order inside each group (processors sort it already). */
export function groupResults(run: AuditRun): ResultGroups {
  const fails = run.results.filter((r) => r.status === 'fail');
  return {
    findings: SEVERITIES.map((severity) => ({
      severity,
      results: fails.filter((r) => severityOf(r) === severity),
    })).filter((g) => g.results.length > 0),
    errors: run.results.filter((r) => r.status === 'error'),
    skips: run.results.filter((r) => r.status === 'skip'),
    passes: run.results.filter((r) => r.status === 'pass'),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The findings part of the summary: `3 launch blockers, 5 high`, or `no findings`. */
export function findingsPhrase(s: Summary): string {
  const parts = SEVERITIES.filter((sev) => s[sev] > 0).map((sev) =>
    sev === 'blocker' ? plural(s.blocker, 'launch blocker', 'launch blockers') : `${s[sev]} ${SEVERITY_LABEL[sev]}`,
  );
  return parts.length ? parts.join(', ') : 'no findings';
}

/** `3 launch blockers, 5 high, 2 medium · 40 passed · 2 skipped · 1 error · score 35/100`. */
export function summaryLine(s: Summary): string {
  return [
    findingsPhrase(s),
    `${s.pass} passed`,
    `${s.skip} skipped`,
    plural(s.error, 'error', 'errors'),
    `score ${s.score}/100`,
  ].join(' · ');
}

/** `1.2 s` or `850 ms`: run durations as people read them. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
