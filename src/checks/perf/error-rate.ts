/**
 * perf.error-rate: during the baseline each endpoint fails fewer than 2 % of its requests. Every
 * answer ≥ 400 counts — a 429 too: under a load this modest, a rate limit that trips is a limit
 * real users will hit — and so does every transport failure; the evidence says which statuses.
 */
import { createCheck } from '../../core/create-check.js';
import { judgeErrorRate } from '../../engines/baseline/index.js';
import { forEachMeasured } from '../../probes/baseline-checks.js';

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
    await forEachMeasured(ctx, { writes: false }, (e) => {
      const v = judgeErrorRate(e);
      if (v.status === 'error') ctx.error(e.name, { code: v.code, message: v.message }, v.evidence);
      else if (v.status === 'pass') ctx.pass(e.name, { message: `${String(v.evidence.request)}: ${e.errors} of ${e.requests} requests failed`, evidence: v.evidence });
      else {
        const transport = Object.entries(e.errorsByKind).filter(([k]) => !k.startsWith('http_')).map(([k, n]) => `${k}×${n}`);
        const causes = [statusList(v.evidence.errorStatuses as Record<string, number>), ...transport].filter(Boolean).join(', ');
        ctx.fail({ target: e.name, messageId: v.messageId, evidence: v.evidence, data: { ...v.evidence, causes } });
      }
    });
  },
});
