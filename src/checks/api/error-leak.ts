/**
 * api.error-leak: malformed, wrongly typed and oversized input to the declared endpoints (signed in
 * through `api.login` when configured), and one unknown path, must get a short 4xx — never a
 * stack trace, SQL, a server path, a framework debug page or a secret.
 */
import { createCheck } from '../../core/create-check.js';
import type { CheckContext, Severity } from '../../core/types.js';
import { describeError } from '../../core/errors.js';
import { apiUrl, bearer, loginFor, type ApiSession } from '../../probes/api-session.js';
import { detectChallenge } from '../../probes/challenge.js';

import { mapLimit } from '../../core/map-limit.js';
import { bodyOf, describeProbe, detectLeaks, planProbes, type LeakCategory, type LeakProbe, type PlannedTarget } from '../../engines/leaks/index.js';

// ---------------------------------------------------------------- judging (pure)
export type LeakMessageId = 'stackTrace' | 'sqlText' | 'filePath' | 'debugPage' | 'secretInResponse' | 'notClientError';

export interface ProbeFinding {
  messageId: LeakMessageId;
  severity: Severity;
  request: string;
  status: number;
  pattern?: string;
  excerpt?: string;
}

const MESSAGE_OF: Record<LeakCategory, LeakMessageId> = {
  stackTrace: 'stackTrace',
  sqlText: 'sqlText',
  filePath: 'filePath',
  debugPage: 'debugPage',
  secret: 'secretInResponse',
};

/** Secrets that open production systems by themselves; a session-sized token (JWT) is high. */
const BLOCKER_SECRETS = new Set(['Stripe live key', 'AWS access key id', 'AWS secret access key', 'private key', 'credentials in URL', 'GitHub token', 'Slack token']);

const RANK: Record<Severity, number> = { blocker: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Judges one answer. `knownSecrets` (the session token, configured credentials) never appear in excerpts. */
export function judgeLeakAnswer(probe: LeakProbe, status: number, body: string, knownSecrets: readonly string[] = []): ProbeFinding[] {
  const request = describeProbe(probe);
  const findings: ProbeFinding[] = [];
  // One finding per cause and answer: the first pattern's excerpt, every pattern's name.
  for (const leak of detectLeaks(body, { knownSecrets })) {
    const messageId = MESSAGE_OF[leak.category];
    const severity: Severity = leak.category === 'secret' && BLOCKER_SECRETS.has(leak.pattern) ? 'blocker' : 'high';
    const same = findings.find((f) => f.messageId === messageId);
    if (same) {
      same.pattern = `${same.pattern}, ${leak.pattern}`;
      if (RANK[severity] < RANK[same.severity]) same.severity = severity;
    } else findings.push({ messageId, severity, request, status, pattern: leak.pattern, excerpt: leak.excerpt });
  }
  const serverError = status >= 500;
  const accepted = status >= 200 && status < 300;
  if (serverError || (probe.expect === 'strict' && accepted)) {
    findings.push({ messageId: 'notClientError', severity: 'medium', request, status });
  }
  return findings;
}

export interface AggregatedFinding {
  messageId: LeakMessageId;
  severity: Severity;
  evidence: Record<string, unknown>;
}

const ORDER: LeakMessageId[] = ['secretInResponse', 'debugPage', 'stackTrace', 'sqlText', 'filePath', 'notClientError'];

/** One finding per cause: the first occurrence in full, the others by request and pattern name. */
export function aggregateFindings(findings: readonly ProbeFinding[]): AggregatedFinding[] {
  const out: AggregatedFinding[] = [];
  for (const messageId of ORDER) {
    const mine = findings.filter((f) => f.messageId === messageId);
    if (mine.length === 0) continue;
    const worst = mine.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a));
    const first = mine[0];
    const evidence: Record<string, unknown> = {
      request: first.request,
      status: first.status,
      ...(first.pattern ? { pattern: first.pattern, excerpt: first.excerpt } : {}),
      expected: messageId === 'notClientError' ? 'a 4xx for invalid input' : 'a short error message without internals',
      actual: messageId === 'notClientError' ? `${first.status}` : `${first.pattern} in a ${first.status} answer`,
    };
    const others = mine.slice(1).map((f) => `${f.request} → ${f.status}${f.pattern ? ` (${f.pattern})` : ''}`);
    if (others.length) evidence.also = others;
    out.push({ messageId, severity: worst.severity, evidence });
  }
  return out;
}

// ---------------------------------------------------------------- gathering

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
    const body = bodyOf(probe);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(plan.endpoint?.headers ?? {}),
      ...bearer(session),
    };
    try {
      const res = await ctx.http.request({ url, method: probe.method, headers, body, timeoutMs: ctx.config.network.timeoutMs, maxBodyBytes: BODY_CAP, signal: ctx.signal });
      const wall = detectChallenge(res);
      // A wall (or a rate limit) hides the API for every later request too: stop here.
      if (wall) return { ...out, error: { code: 'CHALLENGE', message: `${describeProbe(probe)} answered ${res.status}: ${wall}, not the API` } };
      out.statuses.push(`${describeProbe(probe)} → ${res.status}`);
      out.findings.push(...judgeLeakAnswer(probe, res.status, res.body.toString('utf8'), knownSecrets));
    } catch (err) {
      const { code, message } = describeError(err);
      // Servers often refuse an oversized upload by closing the connection mid-body: a refusal, not trouble.
      if (probe.kind === 'oversized' && code === 'RESET') {
        out.statuses.push(`${describeProbe(probe)} → connection closed during upload (refused)`);
        continue;
      }
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
