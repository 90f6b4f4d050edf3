/**
 * `baseline-report.md`: the top 5 slow paths of a run, each with the one fix its evidence points
 * at, every endpoint's numbers, and — after a second run — the before/after table.
 */
import type { CompareRow } from '../engines/baseline/compare.js';
import { showMs } from '../engines/baseline/judge.js';
import { topSlowPaths, type FixKind, type SlowPath } from '../engines/baseline/slow-paths.js';
import type { BaselineRun, SlowPathHints } from '../engines/baseline/types.js';

/** The fix names of the report, as the issue lists them. */
export const FIX_LABELS: Readonly<Record<FixKind, string>> = Object.freeze({
  paginate: 'Paginate',
  addIndex: 'Add an index',
  cacheWithEtag: 'Cache with ETag',
  queue: 'Move downstream work to a queue',
  dropBlockingScript: 'Drop a render-blocking script',
});

/** A table cell: pipes and line breaks would break the row. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const pct = (ratio: number) => `${(Math.round(ratio * 1000) / 10).toString()} %`;
const ms = (x: number | undefined) => (x === undefined ? '—' : `${showMs(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ms`);
const signed = (x: number, unit: string) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x)}${unit}`;

function pathTitle(p: SlowPath): string {
  return p.kind === 'page' ? `page ${p.name}` : `${p.name} — \`${p.request ?? ''}\``;
}

function slowPathSection(p: SlowPath, i: number): string[] {
  const state = p.kind === 'page' ? 'render-blocking script' : p.overBudget ? `over budget (${p.ratio.toFixed(2)}×)` : `within budget (${p.ratio.toFixed(2)}×)`;
  const lines = [`### ${i + 1}. ${pathTitle(p)} — ${state}`, ''];
  if (p.kind === 'endpoint') lines.push(`p95 ${ms(p.p95Ms)} against a budget of ${ms(p.budgetMs)}; error rate ${pct(p.errorRate ?? 0)}.`, '');
  if (p.fix) {
    lines.push(`**Fix — ${FIX_LABELS[p.fix.kind]}.** ${p.fix.action}`, '', `Evidence: ${p.fix.because}.`);
    if (p.fix.detail) lines.push('', p.fix.kind === 'addIndex' ? '```sql' : '```', p.fix.detail, '```');
  } else {
    lines.push(`No fix named: ${p.noFix ?? 'nothing in the evidence points at one'}.`);
  }
  lines.push('');
  return lines;
}

function endpointTable(run: BaselineRun): string[] {
  const rows = run.endpoints.map((e) => {
    const statuses = Object.entries(e.statusCounts).map(([s, n]) => `${s}×${n}`).join(' ') || '—';
    const transport = Object.entries(e.errorsByKind).filter(([k]) => !k.startsWith('http_')).map(([k, n]) => `${k}×${n}`).join(' ');
    return `| ${cell(e.name)} | \`${cell(`${e.method} ${e.path}`)}\` | ${e.kind} | ${e.requests} | ${ms(e.latencyMs.p50)} | ${ms(e.latencyMs.p95)} | ${ms(e.latencyMs.p99)} | ${ms(e.latencyMs.max)} | ${ms(e.budgetMs)} | ${pct(e.errorRate)} | ${cell([statuses, transport].filter(Boolean).join(' '))} |`;
  });
  return [
    '| Endpoint | Request | Kind | Requests | p50 | p95 | p99 | max | Budget | Error rate | Answers |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ];
}

function compareTable(rows: readonly CompareRow[], beforeLabel: string): string[] {
  return [
    `Compared with the run of ${beforeLabel}.`,
    '',
    '| Endpoint | p95 before | p95 after | Δ p95 | Error rate before → after | Trend |',
    '|---|---:|---:|---:|---|---|',
    ...rows.map((r) => {
      const delta = r.deltaP95Ms === undefined ? '—' : `${signed(r.deltaP95Ms, ' ms')}${r.deltaP95Pct === undefined ? '' : ` (${signed(r.deltaP95Pct, ' %')})`}`;
      const errors = `${r.before ? pct(r.before.errorRate) : '—'} → ${r.after ? pct(r.after.errorRate) : '—'}`;
      return `| ${cell(r.name)} | ${ms(r.before?.p95Ms)} | ${ms(r.after?.p95Ms)} | ${delta} | ${errors} | ${r.trend} |`;
    }),
  ];
}

/** The whole report. `comparison` adds the before/after section. */
export function renderBaselineReport(
  run: BaselineRun,
  opts: { hints?: SlowPathHints; comparison?: { rows: readonly CompareRow[]; before: BaselineRun } } = {},
): string {
  const s = run.settings;
  const top = topSlowPaths(run, opts.hints ?? {});
  const lines = [
    `# Baseline report — ${run.project}`,
    '',
    `Measured ${run.startedAt} against ${run.base}: ${run.endpoints.length} endpoint${run.endpoints.length === 1 ? '' : 's'}, ` +
      `${s.requests} requests each at ${s.rate} requests/s (open loop, ${s.warmup} warm-up requests each, at most ${s.connections} in flight), ` +
      `in ${run.durationS.toFixed(1)} s. Budgets: p95 < 300 ms for reads, < 800 ms for writes; error rate < 2 %.`,
    '',
    `## Top ${top.length} slow path${top.length === 1 ? '' : 's'}`,
    '',
  ];
  if (top.length === 0) lines.push('Nothing answered: no path could be ranked.', '');
  else {
    lines.push('| # | Path | p95 | Budget | p95 / budget | Recommended fix |', '|---:|---|---:|---:|---:|---|');
    top.forEach((p, i) => lines.push(`| ${i + 1} | ${cell(pathTitle(p))} | ${ms(p.p95Ms)} | ${ms(p.budgetMs)} | ${p.kind === 'page' ? '—' : `${p.ratio.toFixed(2)}×`} | ${p.fix ? FIX_LABELS[p.fix.kind] : `none (${cell(p.noFix ?? '')})`} |`));
    lines.push('');
    top.forEach((p, i) => lines.push(...slowPathSection(p, i)));
  }
  lines.push('## Every endpoint', '', ...endpointTable(run), '');
  if (run.skipped.length) lines.push(`Not measured: ${run.skipped.map((x) => x.name).join(', ')} (${[...new Set(run.skipped.map((x) => x.reason))].join('; ')}).`, '');
  if (opts.comparison) lines.push('## Before and after', '', ...compareTable(opts.comparison.rows, opts.comparison.before.startedAt), '');
  if (run.warnings.length) lines.push('## Notes on the numbers', '', ...run.warnings.map((w) => `- ${w.message}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
