/**
 * api.slow-writes: a write whose p95 under the baseline load exceeds the 800 ms write budget is
 * doing downstream work (rendering, mail, third-party calls) before it answers. Reported with the
 * fix: queue that work and answer 202. It sends the declared writes, so it is intrusive.
 */
import { createCheck } from '../../core/create-check.js';
import { effectiveP95, MIN_SAMPLES, showMs } from '../../engines/baseline/index.js';
import { forEachMeasured } from '../../probes/baseline-checks.js';
import type { EndpointBaseline } from '../../engines/baseline/index.js';

export type SlowWriteVerdict =
  | { status: 'pass' | 'fail' | 'error'; messageId?: 'synchronous' | 'slowAfterQueueing'; evidence: Record<string, unknown> };

/** Judges one write: over budget and answered 2xx-but-not-202 → `synchronous`; over budget though 202 → `slowAfterQueueing`. */
export function judgeSlowWrite(e: EndpointBaseline, timeoutMs: number): SlowWriteVerdict {
  const { p95Ms, atLeast } = effectiveP95(e, timeoutMs);
  const status = e.success?.status;
  const evidence = {
    endpoint: e.name,
    request: `${e.method} ${e.path}`,
    p95Ms,
    budgetMs: e.budgetMs,
    requests: e.requests,
    ...(status === undefined ? {} : { answer: status }),
    ...(e.success?.headers.location ? { location: e.success.headers.location } : {}),
    expected: `p95 < ${e.budgetMs} ms (store the write, queue the rest, answer 202)`,
    actual: `p95 ${atLeast ? '≥ ' : ''}${showMs(p95Ms)} ms${status === undefined ? '' : `, answered ${status}`}`,
  };
  if (e.latencyMs.count < MIN_SAMPLES) return { status: 'error', evidence };
  if (p95Ms < e.budgetMs) return { status: 'pass', evidence };
  return { status: 'fail', messageId: status === 202 ? 'slowAfterQueueing' : 'synchronous', evidence };
}

export default createCheck({
  meta: {
    id: 'api.slow-writes',
    stage: 3,
    title: 'Writes answer within the write budget instead of doing downstream work inline',
    defaultSeverity: 'medium',
    targetKind: 'endpoint',
    needs: ['api'],
    measuresLoad: true,
    intrusive: true,
  },
  messages: {
    synchronous: '{{request}} takes {{p95}} ms at p95 (budget {{budgetMs}} ms) before answering: downstream work runs inside the request',
    slowAfterQueueing: '{{request}} answers 202 but still takes {{p95}} ms at p95 (budget {{budgetMs}} ms) before it does',
  },
  remediation: {
    synchronous:
      'Store the write, put the slow part (PDF rendering, e-mail, webhooks, third-party calls) on a job queue (BullMQ, Sidekiq, Celery, SQS…), and answer ' +
      '`202 Accepted` with `Location: /jobs/<id>` the client can poll (or notify when done). The request then costs one insert.',
    slowAfterQueueing: 'The work before the 202 is still slow: enqueue first and return; look for a synchronous call or a slow insert (missing index, lock) ahead of the enqueue.',
  },
  async run(ctx) {
    await forEachMeasured(ctx, { kind: 'write', writes: true }, (e, run) => {
      const v = judgeSlowWrite(e, run.settings.timeoutMs);
      if (v.status === 'error') {
        ctx.error(e.name, { code: 'FEW_SAMPLES', message: `${e.name}: only ${e.latencyMs.count} of ${e.requests} requests got an answer` }, v.evidence);
      } else if (v.status === 'pass') {
        ctx.pass(e.name, { message: `${String(v.evidence.request)}: p95 ${showMs(Number(v.evidence.p95Ms))} ms (budget ${e.budgetMs} ms)`, evidence: v.evidence });
      } else ctx.fail({ target: e.name, messageId: v.messageId!, evidence: v.evidence, data: { ...v.evidence, p95: showMs(Number(v.evidence.p95Ms)) } });
    });
  },
});
