/** The HTML report's sections, each a pure function returning escaped markup. */
import type { AuditRun, CheckResult, Severity } from '../core/types.js';
import { buildDeploymentMap } from '../deliverables/deployment-map.js';
import { escapeHtml as h } from './shared/escape.js';
import { evidenceLines } from './shared/evidence.js';
import { docsUrl } from './shared/links.js';
import { type ResultGroups, SEVERITY_HEADING, SEVERITY_LABEL } from './shared/summary.js';

const TILES: { key: Severity; one: string; many: string }[] = [
  { key: 'blocker', one: 'launch blocker', many: 'launch blockers' },
  { key: 'high', one: 'high', many: 'high' },
  { key: 'medium', one: 'medium', many: 'medium' },
  { key: 'low', one: 'low', many: 'low' },
  { key: 'info', one: 'info', many: 'info' },
];

const tile = (cls: string, value: string | number, label: string) =>
  `<div class="tile ${cls}"><b>${h(String(value))}</b><span>${h(label)}</span></div>`;

/** Score, one tile per severity, then passed / skipped / errors. */
export function summaryTiles(run: AuditRun): string {
  const s = run.summary;
  return [
    '<section class="tiles" aria-label="Summary">',
    tile('score', s.score, 'score / 100'),
    ...TILES.map((t) => tile(`sev-${t.key}`, s[t.key], s[t.key] === 1 ? t.one : t.many)),
    tile('pass', s.pass, 'passed'),
    tile('skip', s.skip, 'skipped'),
    tile('error', s.error, s.error === 1 ? 'error' : 'errors'),
    '</section>',
  ].join('\n');
}

function evidenceTable(r: CheckResult): string {
  const lines = evidenceLines(r.evidence);
  if (!lines.length) return '';
  const rows = lines.map((e) => `<tr><th scope="row">${h(e.key)}</th><td>${h(e.value)}</td></tr>`);
  return `<table class="evidence">${rows.join('')}</table>`;
}

function finding(r: CheckResult, severity: Severity, docsBase?: string): string {
  return [
    `<article class="finding sev-${severity}">`,
    `<header><span class="badge">${h(SEVERITY_LABEL[severity])}</span> <code>${h(r.check)}</code> <span class="target">${h(r.target)}</span></header>`,
    `<p class="message">${h(r.message)}</p>`,
    evidenceTable(r),
    r.remediation ? `<p class="fix"><b>Fix:</b> ${h(r.remediation)}</p>` : '',
    `<p class="note"><a href="${h(docsUrl(r.docs, docsBase))}">${h(r.title)}: how to fix</a> · fingerprint <code>${h(r.fingerprint)}</code></p>`,
    '</article>',
  ].filter(Boolean).join('\n');
}

/** The risk list: failures grouped by severity, worst first. */
export function riskList(groups: ResultGroups, docsBase?: string): string {
  const out = ['<section id="risks">', '<h2>Risk list</h2>'];
  if (groups.findings.length === 0) out.push('<p>No launch risks found.</p>');
  for (const { severity, results } of groups.findings) {
    out.push(`<h3 class="sev-${severity}">${h(SEVERITY_HEADING[severity])} (${results.length})</h3>`);
    out.push(...results.map((r) => finding(r, severity, docsBase)));
  }
  out.push('</section>');
  return out.join('\n');
}

function resultTable(head: string[], rows: string[][]): string {
  const th = head.map((c) => `<th>${h(c)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs.join('\n')}\n</tbody>\n</table>`;
}

/** Checks that could not run, with the reason; nothing when there are none. */
export function errorsSection(groups: ResultGroups): string {
  if (!groups.errors.length) return '';
  const rows = groups.errors.map((r) => [
    `<code>${h(r.check)}</code>`,
    `<span class="target">${h(r.target)}</span>`,
    h(r.message),
    evidenceTable(r),
  ]);
  return ['<section id="errors">', `<h2>Could not check (${groups.errors.length})</h2>`, resultTable(['Check', 'Target', 'Reason', 'Evidence'], rows), '</section>'].join('\n');
}

/** Skips and passes, folded: they matter for completeness, not for the first read. */
export function foldedSections(groups: ResultGroups): string {
  const out: string[] = [];
  if (groups.skips.length) {
    const rows = groups.skips.map((r) => [`<code>${h(r.check)}</code>`, `<span class="target">${h(r.target)}</span>`, h(r.message)]);
    out.push(`<details id="skipped"><summary>Skipped (${groups.skips.length})</summary>`, resultTable(['Check', 'Target', 'Reason'], rows), '</details>');
  }
  if (groups.passes.length) {
    const rows = groups.passes.map((r) => [`<code>${h(r.check)}</code>`, `<span class="target">${h(r.target)}</span>`, h(r.title)]);
    out.push(`<details id="passed"><summary>Passed (${groups.passes.length})</summary>`, resultTable(['Check', 'Target', 'What was verified'], rows), '</details>');
  }
  return out.length ? ['<section id="other">', '<h2>Everything else</h2>', ...out, '</section>'].join('\n') : '';
}

/**
 * The deployment map: the Mermaid source (no Mermaid script may be loaded, so it is shown as
 * text a reader can paste into any Mermaid renderer) and a table of hosts per environment.
 */
export function deploymentMapSection(run: AuditRun): string {
  const map = buildDeploymentMap(run.facts);
  const out = ['<section id="deployment-map">', '<h2>Deployment map</h2>'];
  if (map.environments.length === 0) {
    out.push('<p class="note">No deployment facts were gathered in this run.</p>', '</section>');
    return out.join('\n');
  }
  for (const env of map.environments) {
    out.push(`<h3>${h(env.name)}${env.canonical ? ` <span class="note">canonical ${h(env.canonical)}</span>` : ''}</h3>`);
    const head = ['Host', 'Role', 'Resolves to', 'CNAME chain', 'Redirects', 'Certificate'];
    const th = head.map((c) => `<th>${h(c)}</th>`).join('');
    const rows = env.rows.map((r) => {
      const cells = [r.host, r.role, r.resolvesTo, r.cnameChain].map(h);
      cells.push(r.redirects.map(h).join('<br>') || '—', h(r.certificate));
      return `<tr${r.problem ? ' class="problem"' : ''}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    });
    out.push(`<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`);
  }
  out.push(
    '<details><summary>Diagram source (Mermaid)</summary>',
    '<p class="note">Paste into any Mermaid renderer; the same diagram is in deployment-map.md.</p>',
    `<pre class="mermaid">${h(map.mermaid)}</pre>`,
    '</details>',
    '</section>',
  );
  return out.join('\n');
}
