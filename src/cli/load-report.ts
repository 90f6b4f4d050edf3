/** Renders a load report: the JSON document of interface.md, or a short text summary. */
import type { LoadReport, ThresholdResult } from '../engines/load/index.js';

/** The `--format json` document: the report of the one endpoint, plus the verdict of each threshold. */
export function loadJson(url: string, method: string, report: LoadReport, thresholds: ThresholdResult[]): string {
  // One endpoint: its numbers are the run's, so the per-endpoint list would only repeat them.
  const { endpoints: _endpoints, ...rest } = report;
  return `${JSON.stringify({ url, method, ...rest, thresholds }, null, 2)}\n`;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => `${n.toFixed(n < 10 ? 3 : n < 1000 ? 2 : 0)} ms`;
const pct = (ratio: number): string => `${(ratio * 100).toFixed(2)} %`;

function actual(t: ThresholdResult): string {
  if (t.actual === null) return 'nothing measured';
  const unit = t.unit === 'ratio' ? '' : t.unit === 'rps' ? '/s' : ` ${t.unit}`;
  return `${t.actual}${unit}`;
}

/** Plain-text summary; colour only for the threshold marks. */
export function loadText(url: string, method: string, r: LoadReport, thresholds: ThresholdResult[], color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const how = r.mode === 'open'
    ? `open loop at ${r.openLoop?.targetRate}/s (at most ${r.connections} in flight)`
    : `closed loop, ${r.connections} connection${r.connections === 1 ? '' : 's'}`;
  const lines = [
    `load ${method} ${url}`,
    `  ${how}, ${r.durationS.toFixed(2)} s measured${r.warmupS ? ` after ${r.warmupS} s of warm-up` : ''}${r.endedBy === 'aborted' ? ' (interrupted)' : ''}`,
    '',
    `  requests    ${int(r.requests)}  (${r.rps.toFixed(1)}/s)`,
    `  errors      ${int(r.errors)}  (${pct(r.errorRate)})${Object.keys(r.errorsByKind).length ? `  ${Object.entries(r.errorsByKind).map(([k, n]) => `${k} ${int(n ?? 0)}`).join(', ')}` : ''}`,
  ];
  const l = r.latencyMs;
  lines.push(l.count
    ? `  latency     p50 ${ms(l.p50)}  p90 ${ms(l.p90)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}`
    : '  latency     no response to time');
  const statuses = Object.entries(r.statusCounts).map(([s, n]) => `${s} × ${int(n)}`).join(', ');
  if (statuses) lines.push(`  statuses    ${statuses}`);
  if (r.openLoop) {
    const o = r.openLoop;
    lines.push(`  schedule    ${int(o.scheduled)} scheduled, ${int(o.sent)} sent, ${int(o.dropped)} dropped: ${o.rateMet ? 'rate met' : `rate NOT met (${o.achievedRate.toFixed(1)}/s sent)`}; send lag p99 ${ms(o.sendLagMs.p99)}`);
  }
  lines.push(`  client CPU  ${Math.round(r.clientCpu * 100)} % of one core`);
  if (thresholds.length) {
    lines.push('', '  thresholds');
    const width = Math.max(...thresholds.map((t) => t.expr.length));
    for (const t of thresholds) {
      const mark = t.ok ? paint(32, '✓') : paint(31, '✗');
      lines.push(`    ${mark} ${t.expr.padEnd(width)}  ${actual(t)}`);
    }
  }
  if (r.warnings.length) {
    lines.push('', '  warnings');
    for (const w of r.warnings) lines.push(`    ! ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
