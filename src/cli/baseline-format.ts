/**
 * What `launchready baseline` prints: a per-endpoint table against the budgets (text) or one JSON
 * document, and the before/after table of `--compare`.
 */
import {
  judgeErrorRate, judgeLatency, showMs, topSlowPaths, type BaselineRun, type CompareRow, type Verdict,
} from '../engines/baseline/index.js';

/** How each endpoint fares against its budgets. */
export interface EndpointVerdicts {
  name: string;
  latency: Verdict['status'];
  errorRate: Verdict['status'];
}

export function verdictsOf(run: BaselineRun): EndpointVerdicts[] {
  return run.endpoints.map((e) => ({
    name: e.name,
    latency: judgeLatency(e, run.settings.timeoutMs).status,
    errorRate: judgeErrorRate(e).status,
  }));
}

export interface Comparison {
  /** The file compared against. */
  against: string;
  before: BaselineRun;
  rows: CompareRow[];
}

/** Skipped endpoints grouped by reason, in first-seen order. */
export function skippedByReason(run: BaselineRun): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const x of run.skipped) by.set(x.reason, [...(by.get(x.reason) ?? []), x.name]);
  return [...by];
}

const pct = (ratio: number) => `${(Math.round(ratio * 1000) / 10).toString()} %`;
const ms = (x: number | undefined) => (x === undefined ? '—' : `${showMs(x)} ms`);
const signed = (x: number, unit: string) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x)}${unit}`;

/** Left-aligned columns, two spaces apart; `right` columns align right. */
function table(header: string[], rows: string[][], right: ReadonlySet<number>, indent = '  '): string[] {
  const visible = (s: string) => s.replace(/\x1b\[\d+m/g, '').length;
  const widths = header.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i]))));
  const line = (cells: string[]) => indent + cells.map((c, i) => {
    const pad = ' '.repeat(widths[i] - visible(c));
    return right.has(i) ? pad + c : c + pad;
  }).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The before/after table. */
export function compareText(c: Comparison, savedRelative: (p: string) => string): string[] {
  const rows = c.rows.map((r) => [
    r.name,
    ms(r.before?.p95Ms),
    ms(r.after?.p95Ms),
    r.deltaP95Ms === undefined ? '—' : `${signed(r.deltaP95Ms, ' ms')}${r.deltaP95Pct === undefined ? '' : ` (${signed(r.deltaP95Pct, ' %')})`}`,
    `${r.before ? pct(r.before.errorRate) : '—'} → ${r.after ? pct(r.after.errorRate) : '—'}`,
    r.trend,
  ]);
  return [
    `Compared with the run of ${c.before.startedAt} (${savedRelative(c.against)})`,
    '',
    ...table(['endpoint', 'p95 before', 'p95 after', 'Δ p95', 'errors before → after', 'trend'], rows, new Set([1, 2, 3])),
  ];
}

/** The text report. */
export function baselineText(
  run: BaselineRun,
  opts: { color: boolean; savedTo?: string; comparison?: Comparison; relative: (p: string) => string },
): string {
  const paint = (code: number, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const s = run.settings;
  const verdicts = verdictsOf(run);
  const mark = (v: EndpointVerdicts) =>
    v.latency === 'fail' || v.errorRate === 'fail' ? paint(31, '✗') : v.latency === 'error' || v.errorRate === 'error' ? paint(33, '?') : paint(32, '✓');
  const rows = run.endpoints.map((e, i) => {
    const statuses = Object.entries(e.statusCounts).filter(([st]) => Number(st) >= 400).map(([st, n]) => `${st}×${n}`);
    const transport = Object.entries(e.errorsByKind).filter(([k]) => !k.startsWith('http_')).map(([k, n]) => `${k}×${n}`);
    const errors = e.errors ? `${pct(e.errorRate)} (${[...statuses, ...transport].join(' ')})` : '0 %';
    const answered = e.latencyMs.count > 0;
    return [
      `${mark(verdicts[i])} ${e.name}`, `${e.method} ${e.path}`, e.kind,
      String(e.requests),
      answered ? ms(e.latencyMs.p50) : '—', answered ? ms(e.latencyMs.p95) : '—', answered ? ms(e.latencyMs.p99) : '—', answered ? ms(e.latencyMs.max) : '—',
      `${e.budgetMs} ms`, errors,
    ];
  });
  const lines = [
    `Baseline of ${run.project} — ${run.base}`,
    `  ${run.endpoints.length} endpoint${run.endpoints.length === 1 ? '' : 's'} × ${s.requests} requests at ${s.rate}/s each (${s.warmup} warm-up), ${run.durationS.toFixed(1)} s`,
    '',
    ...table(['  endpoint', 'request', 'kind', 'requests', 'p50', 'p95', 'p99', 'max', 'budget', 'errors'], rows, new Set([3, 4, 5, 6, 7, 8]), ''),
  ];
  for (const [reason, names] of skippedByReason(run)) lines.push('', `  not measured (${reason}): ${names.join(', ')}`);
  const slow = verdicts.filter((v) => v.latency === 'fail').length;
  const failing = verdicts.filter((v) => v.errorRate === 'fail').length;
  const unmeasured = verdicts.filter((v) => v.latency === 'error').length;
  lines.push('', `  ${slow} over the p95 budget, ${failing} over the 2 % error budget${unmeasured ? `, ${unmeasured} without enough answers to judge` : ''}`);
  const top = topSlowPaths(run).filter((p) => p.overBudget && p.fix);
  if (top.length) {
    lines.push('', '  slowest paths');
    for (const p of top) lines.push(`    ${p.name}: ${p.fix!.action}`);
  }
  if (run.warnings.length) {
    lines.push('', '  notes');
    for (const w of run.warnings) lines.push(`    ! ${w.message}`);
  }
  if (opts.comparison) lines.push('', ...compareText(opts.comparison, opts.relative));
  if (opts.savedTo) lines.push('', `Saved to ${opts.relative(opts.savedTo)}`);
  return `${lines.join('\n')}\n`;
}

/** The `--format json` document: the run, where it was saved, the ranked slow paths, the comparison. */
export function baselineJson(run: BaselineRun, opts: { savedTo?: string; comparison?: Comparison }): string {
  const doc = {
    ...run,
    ...(opts.savedTo ? { savedTo: opts.savedTo } : {}),
    verdicts: verdictsOf(run),
    slowPaths: topSlowPaths(run),
    ...(opts.comparison ? { comparison: { against: opts.comparison.against, beforeStartedAt: opts.comparison.before.startedAt, rows: opts.comparison.rows } } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
