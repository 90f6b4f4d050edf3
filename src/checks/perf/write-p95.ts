/**
 * perf.write-p95: under the baseline load each write endpoint answers within 800 ms at p95. It
 * sends the declared writes (bodies as configured), so it creates rows: intrusive.
 */
import { createCheck } from '../../core/create-check.js';
import { judgeLatencyBudgets } from '../../probes/baseline-checks.js';

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
  run(ctx) {
    return judgeLatencyBudgets(ctx, 'write');
  },
});
