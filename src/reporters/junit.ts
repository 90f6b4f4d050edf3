/**
 * JUnit XML for CI test tabs: one `<testsuite>` per stage, one `<testcase>` per result
 * (classname = check id, name = target). The de-facto schema is the one Jenkins, GitLab and
 * GitHub test reporters read: failures, errors and skipped counted on every suite.
 */
import type { AuditRun, CheckResult } from '../core/types.js';
import { escapeXml, escapeXmlAttr } from './shared/escape.js';
import { evidenceLines } from './shared/evidence.js';
import { docsUrl } from './shared/links.js';
import { severityOf } from './shared/summary.js';

export interface JunitOptions {
  docsBaseUrl?: string;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function count(results: CheckResult[]): Counts {
  return {
    tests: results.length,
    failures: results.filter((r) => r.status === 'fail').length,
    errors: results.filter((r) => r.status === 'error').length,
    skipped: results.filter((r) => r.status === 'skip').length,
  };
}

const attrs = (c: Counts) => `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}"`;

/** The body of a failure or error: message, evidence lines, fix, docs. */
function detail(r: CheckResult, docsBase?: string): string {
  const lines = [r.message, ...evidenceLines(r.evidence).map((e) => `${e.key}: ${e.value}`)];
  if (r.remediation) lines.push(`fix: ${r.remediation}`);
  if (r.status === 'fail') lines.push(`docs: ${docsUrl(r.docs, docsBase)}`, `fingerprint: ${r.fingerprint}`);
  return escapeXml(lines.join('\n'));
}

function testcase(r: CheckResult, docsBase?: string): string {
  const open = `    <testcase classname="${escapeXmlAttr(r.check)}" name="${escapeXmlAttr(r.target)}"`;
  switch (r.status) {
    case 'pass':
      return `${open}/>`;
    case 'skip':
      return `${open}>\n      <skipped message="${escapeXmlAttr(r.message)}"/>\n    </testcase>`;
    case 'fail':
      return `${open}>\n      <failure message="${escapeXmlAttr(r.message)}" type="${severityOf(r)}">${detail(r, docsBase)}</failure>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error message="${escapeXmlAttr(r.message)}" type="${escapeXmlAttr(String(r.evidence?.code ?? 'error'))}">${detail(r, docsBase)}</error>\n    </testcase>`;
  }
}

/** Renders the run as one `<testsuites>` document. */
export function renderJunit(run: AuditRun, opts: JunitOptions = {}): string {
  const stages = [...new Set(run.results.map((r) => r.stage))].sort((a, b) => a - b);
  const suites = stages.map((stage) => {
    const results = run.results.filter((r) => r.stage === stage);
    return [
      `  <testsuite name="${escapeXmlAttr(`${run.project} · stage ${stage}`)}" ${attrs(count(results))} timestamp="${escapeXmlAttr(run.startedAt)}">`,
      ...results.map((r) => testcase(r, opts.docsBaseUrl)),
      '  </testsuite>',
    ].join('\n');
  });
  const time = (run.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="launchready" ${attrs(count(run.results))} time="${time}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
