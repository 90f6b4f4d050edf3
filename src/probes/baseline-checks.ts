/**
 * The frame every baseline check shares: the declared endpoints it judges, the run's one
 * baseline, an `error` per endpoint when it could not be measured, a `skip` for endpoints the run
 * left out (writes in a non-intrusive run). The checks only judge what was measured.
 */
import type { CheckContext } from '../core/types.js';
import {
  baselineFor, judgeLatency, outcomesFor, showMs, type BaselineRun, type EndpointBaseline, type EndpointKind,
} from '../engines/baseline/index.js';

/** Calls `judge` for each declared endpoint (of `kind`, when given) the run measured. */
export async function forEachMeasured(
  ctx: CheckContext,
  opts: { kind?: EndpointKind; writes: boolean },
  judge: (e: EndpointBaseline, run: BaselineRun) => void,
): Promise<void> {
  const api = ctx.config.api!;
  const declared = api.endpoints.filter((e) => opts.kind === undefined || e.kind === opts.kind);
  if (declared.length === 0) return ctx.skip(api.base, `no ${opts.kind ? `${opts.kind} ` : ''}endpoints declared in \`api.endpoints\``);
  const got = await baselineFor(ctx, { writes: opts.writes });
  if (!got.ok) {
    for (const e of declared) ctx.error(e.name, got.error);
    return;
  }
  for (const o of outcomesFor(got.value, declared)) {
    if ('skipped' in o) ctx.skip(o.name, o.skipped);
    else judge(o.measured, got.value);
  }
}

/** perf.read-p95 and perf.write-p95: p95 of each endpoint of `kind` against its budget. */
export function judgeLatencyBudgets(ctx: CheckContext, kind: EndpointKind): Promise<void> {
  return forEachMeasured(ctx, { kind, writes: kind === 'write' }, (e, run) => {
    const v = judgeLatency(e, run.settings.timeoutMs);
    if (v.status === 'error') ctx.error(e.name, { code: v.code, message: v.message }, v.evidence);
    else if (v.status === 'pass') ctx.pass(e.name, { message: `${String(v.evidence.request)}: p95 ${showMs(e.latencyMs.p95)} ms (budget ${e.budgetMs} ms)`, evidence: v.evidence });
    else ctx.fail({ target: e.name, messageId: v.messageId, evidence: v.evidence, data: { ...v.evidence, p95: showMs(Number(v.evidence.p95Ms)) } });
  });
}
