/** The risk list deliverable (`risk-list.md`): every failure grouped by severity, then errors. */
import type { AuditRun } from '../core/types.js';
import { renderMarkdown } from '../reporters/markdown.js';

/** The `risk-list.md` document: the Markdown report under a deliverable's title. */
export function renderRiskList(run: AuditRun, opts: { docsBaseUrl?: string } = {}): string {
  return renderMarkdown(run, { title: `Risk list: ${run.project}`, docsBaseUrl: opts.docsBaseUrl });
}
