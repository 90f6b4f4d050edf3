/**
 * perf.error-rate: during the baseline each endpoint fails fewer than 2 % of its requests. Every
 * answer ≥ 400 counts — a 429 too: under a load this modest, a rate limit that trips is a limit
 * real users will hit — and so does every transport failure; the evidence says which statuses.
 */
import { createCheck } from '../../core/create-check.js';
import { baselineFor, judgeErrorRate, outcomesFor } from '../../engines/baseline/index.js';

const statusList = (statuses: Record<string, number>) => Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(', ');

export default createCheck({
  meta: {
    id: 'perf.error-rate',
    stage: 3,
    title: 'Fewer than 2 % errors during the baseline',
    defaultSeverity: 'high',
    targetKind: 'endpoint',
    needs: ['api'],
    measuresLoad: true,
  },
  messages: {
    overBudget: '{{request}}: {{errors}} of {{requests}} requests failed ({{errorRatePct}} %, budget < {{budgetPct}} %): {{causes}}',
  },
  remediation:
    'Look at the statuses in the evidence. 429: the rate limit trips at a load real users reach — raise it per user (and send Retry-After); ' +
    '5xx: read the server logs for the failing requests; timeouts/resets: look for exhausted pools and crashed workers. Then re-run `launchready baseline`.',
  async run(ctx) {
    const api = ctx.config.api!;
    if (api.endpoints.length === 0) return ctx.skip(api.base, 'no endpoints declared in `api.endpoints`');
    const got = await baselineFor(ctx, { writes: false });
    if (!got.ok) {
      for (const e of api.endpoints) ctx.error(e.name, got.error);
      return;
    }
    for (const o of outcomesFor(got.value, api.endpoints)) {
      if ('skipped' in o) {
        ctx.skip(o.name, o.skipped);
        continue;
      }
      const v = judgeErrorRate(o.measured);
      if (v.status === 'error') ctx.error(o.name, { code: v.code, message: v.message }, v.evidence);
      else if (v.status === 'pass') ctx.pass(o.name, { message: `${String(v.evidence.request)}: ${o.measured.errors} of ${o.measured.requests} requests failed`, evidence: v.evidence });
      else {
        const transport = Object.entries(o.measured.errorsByKind).filter(([k]) => !k.startsWith('http_')).map(([k, n]) => `${k}×${n}`);
        const causes = [statusList(v.evidence.errorStatuses as Record<string, number>), ...transport].filter(Boolean).join(', ');
        ctx.fail({ target: o.name, messageId: v.messageId, evidence: v.evidence, data: { ...v.evidence, causes } });
      }
    }
  },
});
