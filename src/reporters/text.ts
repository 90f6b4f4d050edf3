/**
 * The text report: the risk list a person reads in a terminal, worst first, readable in 100
 * columns. Pure: one AuditRun in, one string out; ANSI colours only when asked for.
 */
import type { AuditRun, CheckResult, Severity } from '../core/types.js';
import { visible } from './shared/escape.js';
import { evidenceLines } from './shared/evidence.js';
import { docsUrl } from './shared/links.js';
import { formatDuration, groupResults, SEVERITY_LABEL, summaryLine } from './shared/summary.js';
import { wrap } from './shared/wrap.js';

export interface TextOptions {
  /** ANSI colours (the caller decides: TTY, `--no-color`, `NO_COLOR`). */
  color?: boolean;
  /** Also list passes and skips. */
  verbose?: boolean;
  /** Base URL for the docs links (defaults to the project's repository). */
  docsBaseUrl?: string;
}

const WIDTH = 100;
/** Finding lines start here; labels (`fix`, `docs`) fill the gap to the content column. */
const ITEM = '    ';
const LABEL_WIDTH = 10;
const CONTENT = ITEM + ' '.repeat(LABEL_WIDTH);

type Paint = (s: string) => string;
type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta';

const SGR: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39],
};

function painter(color: boolean): (...styles: Style[]) => Paint {
  return (...styles) =>
    color
      ? (s) => styles.reduceRight((acc, st) => `\u001b[${SGR[st][0]}m${acc}\u001b[${SGR[st][1]}m`, s)
      : (s) => s;
}

const SEVERITY_STYLE: Record<Severity, Style[]> = {
  blocker: ['bold', 'red'],
  high: ['red'],
  medium: ['yellow'],
  low: ['cyan'],
  info: ['dim'],
};

/** `label` padded to the label column, then `text` wrapped under the content column. */
function labelled(label: string, text: string, paint: Paint = (s) => s): string {
  const body = wrap(text, WIDTH, CONTENT, WIDTH - CONTENT.length);
  return `${ITEM}${paint(label.padEnd(LABEL_WIDTH))}${body}`;
}

/** The lines of one finding or error: header, message, evidence, fix, docs. */
function renderItem(r: CheckResult, mark: string, paint: ReturnType<typeof painter>, docsBase?: string): string[] {
  // The fingerprint rides on the header: it is what `audit.ignore` takes.
  // Wrapped before painting, so colour codes do not count as columns.
  const fp = `#${r.fingerprint}`;
  let head = wrap(r.status === 'fail' ? `${visible(r.target)}  ${fp}` : visible(r.target), WIDTH, ITEM, WIDTH - r.check.length - 6);
  if (r.status === 'fail') head = head.slice(0, -fp.length) + paint('dim')(fp);
  const lines = [`  ${mark} ${paint('bold')(r.check)}  ${head}`];
  lines.push(`${ITEM}${wrap(visible(r.message), WIDTH, ITEM, WIDTH - ITEM.length)}`);
  const evidence = evidenceLines(r.evidence);
  evidence.forEach((e, i) => {
    const text = wrap(visible(`${e.key}: ${e.value}`), WIDTH, `${CONTENT}  `, WIDTH - CONTENT.length);
    lines.push(i === 0 ? `${ITEM}${paint('dim')('evidence'.padEnd(LABEL_WIDTH))}${text}` : `${CONTENT}${text}`);
  });
  if (r.remediation) lines.push(labelled('fix', visible(r.remediation), paint('green')));
  if (r.status === 'fail') {
    lines.push(labelled('docs', docsUrl(r.docs, docsBase), paint('dim')));
  }
  return lines;
}

/** One-line entries for passes and skips (verbose). */
function renderBrief(r: CheckResult, mark: string, withMessage: boolean): string {
  const tail = `${r.check}  ${visible(r.target)}`;
  if (!withMessage) return `  ${mark} ${tail}`;
  // `mark` may carry ANSI codes: measure the line without it (two spaces, mark, space).
  const used = 4 + tail.length + 3;
  return `  ${mark} ${tail} — ${wrap(visible(r.message), WIDTH, ITEM, WIDTH - used)}`;
}

/** Renders the risk list, errors, (verbose) passes and skips, and the summary line. */
export function renderText(run: AuditRun, opts: TextOptions = {}): string {
  const paint = painter(opts.color === true);
  const groups = groupResults(run);
  const out: string[] = [];
  const header = [`${run.tool.name} ${run.tool.version}`, visible(run.project), run.startedAt, formatDuration(run.durationMs)];
  out.push(paint('bold')(header.join(' · ')), '');

  if (groups.findings.length === 0) out.push(paint('green')('No launch risks found.'), '');
  for (const { severity, results } of groups.findings) {
    const sev = paint(...SEVERITY_STYLE[severity]);
    out.push(sev(`${SEVERITY_LABEL[severity].toUpperCase()} (${results.length})`), '');
    for (const r of results) out.push(...renderItem(r, sev('✗'), paint, opts.docsBaseUrl), '');
  }
  if (groups.errors.length) {
    out.push(paint('magenta')(`COULD NOT CHECK (${groups.errors.length})`), '');
    for (const r of groups.errors) out.push(...renderItem(r, paint('magenta')('!'), paint, opts.docsBaseUrl), '');
  }
  if (opts.verbose) {
    if (groups.skips.length) {
      out.push(paint('dim')(`SKIPPED (${groups.skips.length})`));
      out.push(...groups.skips.map((r) => renderBrief(r, '-', true)), '');
    }
    if (groups.passes.length) {
      out.push(paint('green')(`PASSED (${groups.passes.length})`));
      out.push(...groups.passes.map((r) => renderBrief(r, paint('green')('✓'), false)), '');
    }
  } else if (groups.passes.length || groups.skips.length) {
    out.push(paint('dim')('Passes and skips are not listed; --verbose lists them.'), '');
  }
  out.push(paint('bold')(summaryLine(run.summary)));
  return `${out.join('\n')}\n`;
}
