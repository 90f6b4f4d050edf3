/** Every report format behind one dispatcher: `renderReport(format, run, opts)`. */
import type { AuditRun } from '../core/types.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif, type RuleSource } from './sarif.js';
import { renderText } from './text.js';

/** The `--format` values (interface.md). */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** Registered checks: SARIF builds its rules from them. */
  checks?: readonly RuleSource[];
  /** ANSI colours in the text format. */
  color?: boolean;
  /** The text format also lists passes and skips. */
  verbose?: boolean;
  /** Base URL the docs links resolve against (default: the project's repository). */
  docsBaseUrl?: string;
}

/** Whether a string names a known format. */
export function isReportFormat(v: string): v is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(v);
}

/** Renders one run in one format; every format is a pure function of the run. */
export function renderReport(format: ReportFormat, run: AuditRun, opts: RenderOptions = {}): string {
  const { docsBaseUrl } = opts;
  switch (format) {
    case 'text':
      return renderText(run, { color: opts.color, verbose: opts.verbose, docsBaseUrl });
    case 'json':
      return renderJson(run, { docsBaseUrl });
    case 'sarif':
      return renderSarif(run, opts.checks ?? [], { docsBaseUrl });
    case 'junit':
      return renderJunit(run, { docsBaseUrl });
    case 'markdown':
      return renderMarkdown(run, { docsBaseUrl });
    case 'html':
      return renderHtml(run, { docsBaseUrl });
    default: {
      const never: never = format;
      throw new Error(`unknown report format "${String(never)}"`);
    }
  }
}

export { renderHtml, renderJson, renderJunit, renderMarkdown, renderSarif, renderText };
export type { RuleSource };
export { toJsonReport, type JsonReport, type JsonResult } from './json.js';
export { SARIF_LEVEL } from './sarif.js';
