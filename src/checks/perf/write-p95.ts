/**
 * perf.write-p95: under the baseline load each write endpoint answers within 800 ms at p95. It
 * sends the declared writes (bodies as configured), so it creates rows: intrusive.
 */
import { createCheck } from '../../core/create-check.js';
import { baselineFor, judgeLatency, outcomesFor, showMs } from '../../engines/baseline/index.js';

export default createCheck({
  meta: {
    id: 'perf.write-p95',
    stage: 3,
    title: 'Write endpoints answer within 800 ms at p95 under the baseline load',
    defaultSeverity: 'high',
    targetKind: 'endpoint',
    needs: ['api'],
    measuresLoad: true,
    intrusive: true,
  },
  messages: {
    overBudget: '{{request}}: p95 {{p95}} ms under the baseline load, over the {{budgetMs}} ms write budget',
    timesOut: '{{request}}: {{timeouts}} of {{requests}} requests timed out, so p95 is at least {{p95}} ms (write budget {{budgetMs}} ms)',
  },
  remediation: {
    overBudget:
      'Answer once the write is stored: move rendering, e-mail and third-party calls onto a job queue and answer 202 with a Location to poll; ' +
      'check the write path for missing indexes on foreign keys and for lock contention.',
    timesOut: 'The write stalls under a modest load: look for lock waits, an exhausted connection pool or a synchronous downstream call, then re-run `launchready baseline`.',
  },
  async run(ctx) {
    const api = ctx.config.api!;
    const writes = api.endpoints.filter((e) => e.kind === 'write');
    if (writes.length === 0) return ctx.skip(api.base, 'no write endpoints declared in `api.endpoints`');
    const got = await baselineFor(ctx, { writes: true });
    if (!got.ok) {
      for (const e of writes) ctx.error(e.name, got.error);
      return;
    }
    for (const o of outcomesFor(got.value, writes)) {
      if ('skipped' in o) {
        ctx.skip(o.name, o.skipped);
        continue;
      }
      const v = judgeLatency(o.measured, got.value.settings.timeoutMs);
      if (v.status === 'error') ctx.error(o.name, { code: v.code, message: v.message }, v.evidence);
      else if (v.status === 'pass') ctx.pass(o.name, { message: `${String(v.evidence.request)}: p95 ${showMs(o.measured.latencyMs.p95)} ms (budget ${o.measured.budgetMs} ms)`, evidence: v.evidence });
      else ctx.fail({ target: o.name, messageId: v.messageId, evidence: v.evidence, data: { ...v.evidence, p95: showMs(Number(v.evidence.p95Ms)) } });
    }
  },
});
