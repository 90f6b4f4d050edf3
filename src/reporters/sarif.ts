/**
 * SARIF 2.1.0 (OASIS), for code-scanning dashboards: one run, one rule per check, one result per
 * failure. Errors and skips are not findings; they go to the invocation's notifications.
 */
import type { AuditRun, CheckMeta, CheckResult, Severity } from '../core/types.js';
import { parseFileTarget } from './shared/file-target.js';
import { docsUrl, PROJECT_URL } from './shared/links.js';
import { severityOf } from './shared/summary.js';

/** What a rule is built from: a registered check (`Check` fits). */
export interface RuleSource {
  meta: CheckMeta;
  messages?: Readonly<Record<string, string>>;
  remediation?: Readonly<Record<string, string>> | string;
}

export interface SarifOptions {
  docsBaseUrl?: string;
}

type Level = 'error' | 'warning' | 'note';

/** Blockers and highs break a build; medium warns; low and info are notes. */
export const SARIF_LEVEL: Readonly<Record<Severity, Level>> = {
  blocker: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/* GitHub code scanning ranks security alerts by `security-severity` (a CVSS-like 0–10 string). */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  blocker: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'launchready/v1';

function helpText(src: RuleSource): string | undefined {
  const r = src.remediation;
  if (r === undefined) return undefined;
  if (typeof r === 'string') return r;
  const lines = Object.entries(r).map(([id, text]) => `${id}: ${text}`);
  return lines.length ? lines.join('\n') : undefined;
}

function ruleFromSource(src: RuleSource, docsBase?: string): Record<string, unknown> {
  const { meta } = src;
  const help = helpText(src);
  return {
    id: meta.id,
    shortDescription: { text: meta.title },
    ...(help ? { help: { text: help } } : {}),
    helpUri: docsUrl(`docs/checks/${meta.id}.md`, docsBase),
    defaultConfiguration: { level: SARIF_LEVEL[meta.defaultSeverity] },
    properties: {
      stage: meta.stage,
      targetKind: meta.targetKind,
      defaultSeverity: meta.defaultSeverity,
      tags: ['launchready', meta.id.split('.')[0], `stage-${meta.stage}`],
      'security-severity': SECURITY_SEVERITY[meta.defaultSeverity],
      ...(src.messages ? { messageIds: Object.keys(src.messages) } : {}),
    },
  };
}

/** A rule for a check the caller did not describe, from what its results say. */
function ruleFromResults(id: string, results: CheckResult[], docsBase?: string): Record<string, unknown> {
  const first = results[0];
  const fail = results.find((r) => r.status === 'fail');
  return {
    id,
    shortDescription: { text: first.title },
    helpUri: docsUrl(first.docs, docsBase),
    defaultConfiguration: { level: fail ? SARIF_LEVEL[severityOf(fail)] : 'warning' },
    properties: { stage: first.stage, tags: ['launchready', id.split('.')[0], `stage-${first.stage}`] },
  };
}

/** Percent-encodes each path segment: a file name may hold `#`, `?` or spaces. */
function pathToUri(path: string): string {
  return path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** A physical location for file targets, a logical one (the host, URL, endpoint…) otherwise. */
function locationOf(r: CheckResult, kind: string | undefined): Record<string, unknown> {
  const file = parseFileTarget(r.target, kind);
  if (file) {
    return {
      physicalLocation: {
        artifactLocation: { uri: pathToUri(file.path), uriBaseId: '%SRCROOT%' },
        region: { startLine: file.line },
      },
      ...(file.commit ? { properties: { commit: file.commit } } : {}),
    };
  }
  return { logicalLocations: [{ name: r.target, fullyQualifiedName: r.target, kind: 'resource' }] };
}

/** `startedAt` plus the run's duration, for `endTimeUtc`; undefined when unparseable. */
function endTime(startedAt: string, durationMs: number): string | undefined {
  const t = Date.parse(startedAt);
  return Number.isNaN(t) ? undefined : new Date(t + durationMs).toISOString();
}

/** Renders the run as a SARIF log; `checks` supplies the rules (every registered check). */
export function renderSarif(run: AuditRun, checks: readonly RuleSource[] = [], opts: SarifOptions = {}): string {
  const kinds = new Map(checks.map((c) => [c.meta.id, c.meta.targetKind as string]));
  const rules = checks.map((c) => ruleFromSource(c, opts.docsBaseUrl));
  const index = new Map(checks.map((c, i) => [c.meta.id, i]));
  for (const r of run.results) {
    if (index.has(r.check)) continue;
    index.set(r.check, rules.length);
    rules.push(ruleFromResults(r.check, run.results.filter((x) => x.check === r.check), opts.docsBaseUrl));
  }
  const rule = (r: CheckResult) => ({ ruleId: r.check, ruleIndex: index.get(r.check) });

  const results = run.results
    .filter((r) => r.status === 'fail')
    .map((r) => ({
      ...rule(r),
      level: SARIF_LEVEL[severityOf(r)],
      message: { text: r.message },
      locations: [locationOf(r, kinds.get(r.check))],
      partialFingerprints: { [FINGERPRINT_KEY]: r.fingerprint },
      properties: {
        severity: severityOf(r),
        stage: r.stage,
        target: r.target,
        ...(r.messageId !== undefined ? { messageId: r.messageId } : {}),
        ...(r.evidence ? { evidence: r.evidence } : {}),
        ...(r.remediation !== undefined ? { remediation: r.remediation } : {}),
      },
    }));

  const notification = (level: Level) => (r: CheckResult) => ({
    level,
    message: { text: `${r.check} · ${r.target}: ${r.message}` },
    locations: [locationOf(r, kinds.get(r.check))],
    associatedRule: { id: r.check, index: index.get(r.check) },
  });
  const end = endTime(run.startedAt, run.durationMs);

  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: run.tool.name, version: run.tool.version, informationUri: PROJECT_URL, rules } },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: run.startedAt,
            ...(end ? { endTimeUtc: end } : {}),
            toolExecutionNotifications: run.results.filter((r) => r.status === 'error').map(notification('error')),
            toolConfigurationNotifications: run.results.filter((r) => r.status === 'skip').map(notification('note')),
          },
        ],
        results,
        properties: { project: run.project, summary: run.summary },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
