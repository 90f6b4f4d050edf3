/**
 * cors.policy: the API's CORS answers to an unapproved origin, to `null`, to look-alikes of each
 * declared origin and to the declared origins themselves, plus one preflight from the
 * unapproved origin. Anonymous requests: CORS middleware answers before authentication.
 */
import type { ApiSection } from '../../config/types.js';
import type { HttpResponse } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { CheckContext } from '../../core/types.js';
import { apiUrl } from '../../probes/api-session.js';
import { detectChallenge } from '../../probes/challenge.js';
import { corsProbes, describeObservation, judgeCors, type CorsObservation, type CorsProbe } from '../../engines/cors/judge.js';

/** CORS needs headers only; bodies are capped well below any list a read endpoint might return. */
const BODY_CAP = 2 * 1024 * 1024;

/** The path probed: the first declared read endpoint, else the health path, else `/`. */
export function corsProbePath(api: ApiSection): string {
  const read = api.endpoints.find((e) => e.kind === 'read' && e.method.toUpperCase() === 'GET');
  return read?.path ?? api.health ?? '/';
}

const headerText = (res: HttpResponse, name: string): string | undefined => {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

async function send(ctx: CheckContext, url: string, probe: CorsProbe): Promise<CorsObservation> {
  const headers: Record<string, string> = { origin: probe.origin, accept: 'application/json' };
  if (probe.method === 'OPTIONS') {
    headers['access-control-request-method'] = 'POST';
    headers['access-control-request-headers'] = 'authorization, content-type';
  }
  const res = await ctx.http.request({ url, method: probe.method, headers, timeoutMs: ctx.config.network.timeoutMs, maxBodyBytes: BODY_CAP, signal: ctx.signal });
  const wall = detectChallenge(res);
  if (wall) throw Object.assign(new Error(`${url} answered ${res.status}: ${wall}, not the API`), { code: 'CHALLENGE' });
  return {
    ...probe,
    status: res.status,
    allowOrigin: headerText(res, 'access-control-allow-origin'),
    allowCredentials: (headerText(res, 'access-control-allow-credentials') ?? '').trim().toLowerCase() === 'true',
  };
}

export default createCheck({
  meta: {
    id: 'cors.policy',
    stage: 4,
    title: 'CORS allows only the declared origins',
    defaultSeverity: 'high',
    targetKind: 'url',
    needs: ['api'],
  },
  messages: {
    reflectsOrigin: '{{target}} echoes an unapproved Origin in Access-Control-Allow-Origin ({{origins}})',
    allowsNull: '{{target}} allows the `null` origin (sandboxed iframes, data: and file: pages)',
    wildcardWithCredentials: '{{target}} sends Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true',
    wildcard: '{{target}} allows every origin (*) although allowed origins are declared',
    declaredOriginRefused: '{{target}} does not allow the declared origin(s) {{origins}}: the app will fail in browsers',
  },
  remediation: {
    reflectsOrigin:
      'Compare the Origin against an exact allowlist (scheme + host + port, full-string equality — no `startsWith`, `endsWith` or unanchored regex) and only then echo it with `Vary: Origin`. Express `cors`: `origin: ["https://app.example.com"]`; nginx: a `map $http_origin $cors_origin { "https://app.example.com" $http_origin; default ""; }`.',
    allowsNull: 'Never put `null` on the allowlist: any sandboxed iframe or data: URL sends it. Remove it from the CORS configuration.',
    wildcardWithCredentials:
      'Do not combine `*` with credentials: list the exact origins that need cookies or Authorization, and drop Access-Control-Allow-Credentials everywhere else.',
    wildcard: 'Replace `Access-Control-Allow-Origin: *` with the declared origins (`api.cors.allowed_origins`), or declare `*` there if the API is meant to be public.',
    declaredOriginRefused:
      'Add the origin to the API\'s CORS allowlist exactly as the browser sends it (scheme, host and non-default port, no trailing slash), or fix `api.cors.allowed_origins` if it is stale.',
  },
  async run(ctx) {
    const api = ctx.config.api!;
    const url = apiUrl(api.base, corsProbePath(api));
    const target = new URL(api.base).origin;
    const allowed = api.cors?.allowed_origins ?? [];
    const observations: CorsObservation[] = [];
    // Sequential and few (at most 3 per declared origin + 3): a policy needs no parallel burst.
    for (const probe of corsProbes(allowed)) {
      try {
        observations.push(await send(ctx, url, probe));
      } catch (err) {
        return ctx.error(target, err, { url, origin: probe.origin, method: probe.method });
      }
    }
    const findings = judgeCors(observations, allowed);
    if (findings.length === 0) {
      return ctx.pass(target, { evidence: { url, allowedOrigins: allowed, answers: observations.map(describeObservation) } });
    }
    for (const f of findings) {
      ctx.fail({ target, messageId: f.messageId, severity: f.severity, evidence: { url, ...f.evidence } });
    }
  },
});
