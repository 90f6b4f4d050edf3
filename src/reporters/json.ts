/**
 * The machine-readable audit result (`--format json`), exactly the interface.md document plus
 * `messageId`, `docs` and the deployment map under its own key. Field order is fixed so diffs of
 * two runs stay readable.
 */
import type { AuditRun, CheckResult, Evidence, RunFacts, Severity, Status, Summary } from '../core/types.js';
import { docsUrl } from './shared/links.js';

/** One result as published. */
export interface JsonResult {
  check: string;
  stage: number;
  target: string;
  status: Status;
  /** Only when status is `fail`. */
  severity?: Severity;
  title: string;
  message: string;
  messageId?: string;
  evidence: Evidence;
  remediation?: string;
  docs: string;
  fingerprint: string;
}

/** The whole document (interface.md, "Machine-readable audit result"). */
export interface JsonReport {
  tool: { name: 'launchready'; version: string };
  project: string;
  startedAt: string;
  durationMs: number;
  results: JsonResult[];
  summary: Summary;
  /** The facts behind the deployment map, when the run gathered them. */
  deploymentMap?: RunFacts;
}

export interface JsonOptions {
  docsBaseUrl?: string;
}

function toJsonResult(r: CheckResult, docsBase?: string): JsonResult {
  return {
    check: r.check,
    stage: r.stage,
    target: r.target,
    status: r.status,
    // The contract: severity is present exactly when the status is fail.
    ...(r.status === 'fail' ? { severity: r.severity ?? 'info' } : {}),
    title: r.title,
    message: r.message,
    ...(r.messageId !== undefined ? { messageId: r.messageId } : {}),
    evidence: r.evidence ?? {},
    ...(r.remediation !== undefined ? { remediation: r.remediation } : {}),
    docs: docsUrl(r.docs, docsBase),
    fingerprint: r.fingerprint,
  };
}

/** The document as an object (for writers that post-process it). */
export function toJsonReport(run: AuditRun, opts: JsonOptions = {}): JsonReport {
  const s = run.summary;
  return {
    tool: { name: run.tool.name, version: run.tool.version },
    project: run.project,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    results: run.results.map((r) => toJsonResult(r, opts.docsBaseUrl)),
    summary: {
      blocker: s.blocker, high: s.high, medium: s.medium, low: s.low, info: s.info,
      pass: s.pass, skip: s.skip, error: s.error, score: s.score,
    },
    ...(run.facts ? { deploymentMap: run.facts } : {}),
  };
}

/** The document as pretty-printed JSON with a final newline. */
export function renderJson(run: AuditRun, opts: JsonOptions = {}): string {
  return `${JSON.stringify(toJsonReport(run, opts), null, 2)}\n`;
}
