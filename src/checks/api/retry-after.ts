/**
 * api.retry-after: every 429 and 503 an endpoint answered during the baseline carries a valid
 * `Retry-After` (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), so clients back off instead of
 * retrying at once and multiplying the load. An endpoint that never answered 429/503 passes with
 * a note: nothing to judge is not a finding.
 */
import { createCheck } from '../../core/create-check.js';
import { judgeRetryAfter } from '../../engines/baseline/index.js';
import { forEachMeasured } from '../../probes/baseline-checks.js';

export default createCheck({
  meta: {
    id: 'api.retry-after',
    stage: 3,
    title: '429 and 503 answers carry Retry-After',
    defaultSeverity: 'low',
    targetKind: 'endpoint',
    needs: ['api'],
    measuresLoad: true,
  },
  messages: {
    missing: '{{request}} answered {{statuses}} without Retry-After during the baseline',
    invalid: '{{request}} answered {{statuses}} with Retry-After "{{value}}": neither seconds nor an HTTP-date',
  },
  remediation: {
    missing:
      'Send `Retry-After: <seconds>` with every 429 and 503 (express-rate-limit: `standardHeaders: true`; nginx: `add_header Retry-After 1 always;` ' +
      'beside `limit_req_status 429`; Django/Rails limiters set it when configured) so clients wait instead of retrying at once.',
    invalid: 'Write Retry-After as whole seconds (`Retry-After: 30`) or an IMF-fixdate (`Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`).',
  },
  async run(ctx) {
    await forEachMeasured(ctx, { writes: false }, (e) => {
      const v = judgeRetryAfter(e);
      if (v.status === 'error') ctx.error(e.name, { code: v.code, message: v.message }, v.evidence);
      else if (v.status === 'fail') ctx.fail({ target: e.name, messageId: v.messageId, evidence: v.evidence });
      else {
        const note = typeof v.evidence.note === 'string' ? v.evidence.note : String(v.evidence.actual);
        ctx.pass(e.name, { message: `${String(v.evidence.request)}: ${note}`, evidence: v.evidence });
      }
    });
  },
});
