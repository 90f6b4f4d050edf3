/**
 * The risk list as Markdown (GitHub-flavoured tables): one table per severity, errors, then
 * skips and passes folded away. Every value from a result is escaped: a page title or header
 * value must not turn into a link, an image or raw HTML in a pull-request comment.
 */
import type { AuditRun, CheckResult } from '../core/types.js';
import { escapeMarkdownCell, escapeMarkdownInline } from './shared/escape.js';
import { evidenceLines } from './shared/evidence.js';
import { docsUrl } from './shared/links.js';
import { formatDuration, groupResults, SEVERITY_HEADING, summaryLine } from './shared/summary.js';

export interface MarkdownOptions {
  /** First heading; defaults to `Launch risk list: <project>`. */
  title?: string;
  /** List passes and skips in folded sections (default true). */
  details?: boolean;
  docsBaseUrl?: string;
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** A link destination that cannot close the Markdown link early. */
const linkTarget = (url: string) => url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Check ids are `area.kebab-name` (createCheck enforces it), so a code span is safe. */
const checkCell = (r: CheckResult, docsBase?: string) =>
  r.status === 'fail' ? `[\`${r.check}\`](${linkTarget(docsUrl(r.docs, docsBase))})<br>\`${r.fingerprint}\`` : `\`${r.check}\``;

const evidenceCell = (r: CheckResult) =>
  evidenceLines(r.evidence)
    .map((e) => `**${escapeMarkdownCell(e.key)}:** ${escapeMarkdownCell(e.value)}`)
    .join('<br>');

/** Renders the risk list document. */
export function renderMarkdown(run: AuditRun, opts: MarkdownOptions = {}): string {
  const groups = groupResults(run);
  const title = opts.title ?? `Launch risk list: ${run.project}`;
  const out: string[] = [
    `# ${escapeMarkdownInline(title)}`,
    '',
    `${run.tool.name} ${run.tool.version} · ${escapeMarkdownInline(run.startedAt)} · ${formatDuration(run.durationMs)}`,
    '',
    `**${summaryLine(run.summary)}**`,
    '',
  ];
  if (groups.findings.length === 0) out.push('No launch risks found.', '');
  for (const { severity, results } of groups.findings) {
    out.push(`## ${SEVERITY_HEADING[severity]} (${results.length})`, '');
    const rows = results.map((r) => [
      checkCell(r, opts.docsBaseUrl),
      escapeMarkdownCell(r.target),
      escapeMarkdownCell(r.message),
      evidenceCell(r),
      r.remediation ? escapeMarkdownCell(r.remediation) : '—',
    ]);
    out.push(table(['Check', 'Target', 'Finding', 'Evidence', 'Fix'], rows), '');
  }
  if (groups.errors.length) {
    out.push(`## Could not check (${groups.errors.length})`, '');
    const rows = groups.errors.map((r) => [checkCell(r), escapeMarkdownCell(r.target), escapeMarkdownCell(r.message), evidenceCell(r)]);
    out.push(table(['Check', 'Target', 'Reason', 'Evidence'], rows), '');
  }
  if (opts.details !== false) {
    // A blank line after <summary> lets GitHub render the Markdown table inside <details>.
    if (groups.skips.length) {
      const rows = groups.skips.map((r) => [checkCell(r), escapeMarkdownCell(r.target), escapeMarkdownCell(r.message)]);
      out.push(`<details><summary>Skipped (${groups.skips.length})</summary>`, '', table(['Check', 'Target', 'Reason'], rows), '', '</details>', '');
    }
    if (groups.passes.length) {
      const rows = groups.passes.map((r) => [checkCell(r), escapeMarkdownCell(r.target)]);
      out.push(`<details><summary>Passed (${groups.passes.length})</summary>`, '', table(['Check', 'Target'], rows), '', '</details>', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
