/**
 * perf.read-p95: under the baseline load (about 10 requests/s per endpoint, every declared
 * endpoint at once) each read endpoint answers within 300 ms at p95. The numbers come from the
 * run's one shared baseline; too few answers or a failed login is an `error`, never a verdict.
 */
import { createCheck } from '../../core/create-check.js';
import { judgeLatencyBudgets } from '../../probes/baseline-checks.js';

export default createCheck({
  meta: {
    id: 'perf.read-p95',
    stage: 3,
    title: 'Read endpoints answer within 300 ms at p95 under the baseline load',
    defaultSeverity: 'high',
    targetKind: 'endpoint',
    needs: ['api'],
    measuresLoad: true,
  },
  messages: {
    overBudget: '{{request}}: p95 {{p95}} ms under the baseline load, over the {{budgetMs}} ms read budget',
    timesOut: '{{request}}: {{timeouts}} of {{requests}} requests timed out, so p95 is at least {{p95}} ms (read budget {{budgetMs}} ms)',
  },
  remediation: {
    overBudget:
      'Find where the time goes (the baseline report names one fix per slow path): paginate lists, add the index the slow statement lacks, ' +
      'cache expensive results with an ETag (304 on If-None-Match), and keep per-request work off the read path.',
    timesOut: 'The endpoint stalls under a modest load: look for lock waits, an exhausted connection pool or a blocking call, then re-run `launchready baseline`.',
  },
  run(ctx) {
    return judgeLatencyBudgets(ctx, 'read');
  },
});
