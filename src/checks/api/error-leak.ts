/**
 * api.error-leak: malformed, wrongly typed and oversized input to the declared endpoints (signed in
 * through `api.login` when configured), and one unknown path, must get a short 4xx — never a
 * stack trace, SQL, a server path, a framework debug page or a secret.
 */
import { createCheck } from '../../core/create-check.js';
import type { CheckContext } from '../../core/types.js';
import { describeError } from '../../core/errors.js';
import { apiUrl, bearer, loginFor, type ApiSession } from '../../probes/api-session.js';
import { detectChallenge } from '../../probes/challenge.js';
import { mapLimit } from '../edge/_shared.js';
import { aggregateFindings, judgeLeakAnswer, type ProbeFinding } from './error-leak-judge.js';
import { describeProbe, planProbes, type PlannedTarget } from './error-leak-probes.js';

/** Error pages are small; a megabyte is plenty to find what leaks. */
const BODY_CAP = 1024 * 1024;
/** Endpoints probed at once (each probe is sequential within its endpoint). */
const PARALLEL_ENDPOINTS = 4;

/** String values of a config object (login body, headers): values that must never show in an excerpt. */
function stringsOf(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 8 || !value || typeof value !== 'object') return [];
  return Object.values(value as Record<string, unknown>).flatMap((v) => stringsOf(v, depth + 1));
}

interface Outcome {
  findings: ProbeFinding[];
  statuses: string[];
  error?: { code: string; message: string };
}

async function probeTarget(ctx: CheckContext, plan: PlannedTarget, session: ApiSession | undefined, knownSecrets: string[]): Promise<Outcome> {
  const api = ctx.config.api!;
  const origin = new URL(api.base).origin;
  const out: Outcome = { findings: [], statuses: [] };
  for (const probe of plan.probes) {
    const url = probe.kind === 'notFound' ? new URL(probe.path, origin).href : apiUrl(api.base, probe.path);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(probe.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(plan.endpoint?.headers ?? {}),
      ...bearer(session),
    };
    try {
      const res = await ctx.http.request({ url, method: probe.method, headers, body: probe.body, timeoutMs: ctx.config.network.timeoutMs, maxBodyBytes: BODY_CAP, signal: ctx.signal });
      const wall = detectChallenge(res);
      // A wall (or a rate limit) hides the API for every later request too: stop here.
      if (wall) return { ...out, error: { code: 'CHALLENGE', message: `${describeProbe(probe)} answered ${res.status}: ${wall}, not the API` } };
      out.statuses.push(`${describeProbe(probe)} → ${res.status}`);
      out.findings.push(...judgeLeakAnswer(probe, res.status, res.body.toString('utf8'), knownSecrets));
    } catch (err) {
      const { code, message } = describeError(err);
      out.error ??= { code, message: `${describeProbe(probe)}: ${message}` };
    }
  }
  return out;
}

function report(ctx: CheckContext, plan: PlannedTarget, outcome: Outcome, signedIn: boolean): void {
  const findings = aggregateFindings(outcome.findings);
  for (const f of findings) ctx.fail({ target: plan.target, messageId: f.messageId, severity: f.severity, evidence: { ...f.evidence, signedIn } });
  if (findings.length) return;
  if (outcome.error) return ctx.error(plan.target, outcome.error, { answered: outcome.statuses });
  const refused = outcome.statuses.length > 0 && outcome.statuses.every((s) => / → 40[13]$/.test(s));
  if (!signedIn && refused && plan.endpoint) {
    return ctx.skip(plan.target, 'every request was refused with 401/403 before input validation: declare `api.login` to probe it signed in');
  }
  ctx.pass(plan.target, { evidence: { answers: outcome.statuses, signedIn } });
}

export default createCheck({
  meta: {
    id: 'api.error-leak',
    stage: 4,
    title: 'Invalid input gets a clean 4xx, no internals',
    defaultSeverity: 'high',
    targetKind: 'endpoint',
    needs: ['api'],
  },
  messages: {
    stackTrace: '{{target}}: {{request}} → {{status}} with a stack trace ({{pattern}})',
    sqlText: '{{target}}: {{request}} → {{status}} with SQL or a database error ({{pattern}})',
    filePath: '{{target}}: {{request}} → {{status}} with a server file path ({{pattern}})',
    debugPage: '{{target}}: {{request}} → {{status}} with a framework debug page ({{pattern}})',
    secretInResponse: '{{target}}: {{request}} → {{status}} with a secret-looking value ({{pattern}})',
    notClientError: '{{target}}: {{request}} → {{status}} instead of a 4xx',
  },
  remediation: {
    stackTrace:
      'Catch errors in one error handler that logs the stack server-side and answers `{"error":"…"}` only; run with NODE_ENV=production / DEBUG off. Express: a final `(err, req, res, next) => res.status(err.status ?? 500).json({ error: "internal error" })`.',
    sqlText: 'Never pass database errors to the client: map them to a generic message in the error handler, and validate input before it reaches a query (parameterised queries always).',
    filePath: 'Strip stack traces and error details from responses; log them server-side with a request id the client can quote instead.',
    debugPage: 'Turn the framework debug mode off in production (Django DEBUG=False, Flask/Werkzeug debug off, Laravel APP_DEBUG=false, Rails consider_all_requests_local=false, Express NODE_ENV=production).',
    secretInResponse: 'Remove the value from the response, then rotate it: anyone who sent bad input has seen it. Never serialise config or environment into error bodies.',
    notClientError:
      'Validate input before using it (JSON parse errors → 400, wrong types → 400/422, too large → 413 with a body-size limit such as `express.json({ limit: "1mb" })` or nginx `client_max_body_size`), so bad input never becomes a 500 or a silent 2xx.',
  },
  async run(ctx) {
    const api = ctx.config.api!;
    let session: ApiSession | undefined;
    const plans = planProbes(api.endpoints);
    if (api.login) {
      const login = await loginFor(ctx);
      if (!login.ok) {
        for (const plan of plans) ctx.error(plan.target, login.error);
        return;
      }
      session = login.value;
    }
    const knownSecrets = [
      ...(session ? [session.token] : []),
      ...stringsOf(api.login?.body),
      ...stringsOf(api.login?.headers),
      ...api.endpoints.flatMap((e) => stringsOf(e.headers)),
    ];
    const probing = plans.filter((p) => !p.skipReason);
    for (const plan of plans) if (plan.skipReason) ctx.skip(plan.target, plan.skipReason);
    const outcomes = await mapLimit(probing, PARALLEL_ENDPOINTS, (plan) => probeTarget(ctx, plan, session, knownSecrets));
    probing.forEach((plan, i) => report(ctx, plan, outcomes[i], session !== undefined));
  },
});
