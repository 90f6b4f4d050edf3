/**
 * The CORS probes to send and how to judge the answers (Fetch standard, "CORS protocol"): a
 * browser lets a page on origin O read a response only when `Access-Control-Allow-Origin` is O
 * (or `*` without credentials). So the server must not echo an origin it has not approved — nor
 * `null`, which sandboxed iframes and `data:` pages send — and must allow the origins it serves.
 */
import { getDomain } from 'tldts';
import type { Severity } from '../../core/types.js';

export type ProbeKind = 'unapproved' | 'null' | 'lookalike' | 'declared';

export interface CorsProbe {
  kind: ProbeKind;
  origin: string;
  method: 'GET' | 'OPTIONS';
  /** For look-alikes: the declared origin imitated, and whether the fake shares its registrable domain. */
  imitates?: string;
  sameSite?: boolean;
}

export interface CorsObservation extends CorsProbe {
  status: number;
  allowOrigin?: string;
  allowCredentials: boolean;
}

export type CorsMessageId = 'reflectsOrigin' | 'allowsNull' | 'wildcardWithCredentials' | 'wildcard' | 'declaredOriginRefused';

export interface CorsFinding {
  messageId: CorsMessageId;
  severity: Severity;
  evidence: Record<string, unknown>;
}

/** An origin no product approves: `.invalid` never resolves (RFC 2606 §2). */
export const UNAPPROVED_ORIGIN = 'https://evil.launchready.invalid';
/** Declared origins probed at most (each costs three requests). */
const MAX_DECLARED = 10;

/**
 * Origins that defeat careless matching of `declared`: a suffix (`startsWith` / unanchored regex
 * bugs) and a prefix on the first label (`endsWith` bugs).
 */
export function lookalikes(declared: string): { origin: string; sameSite: boolean }[] {
  let u: URL;
  try {
    u = new URL(declared);
  } catch {
    return [];
  }
  if (!u.hostname || u.origin === 'null') return [];
  const port = u.port ? `:${u.port}` : '';
  const prefixed = `evil${u.hostname}`;
  const registrable = (h: string) => getDomain(h, { allowPrivateDomains: true }) ?? h;
  return [
    { origin: `${u.protocol}//${u.hostname}.evil.invalid${port}`, sameSite: false },
    // `evilapp.acme.test` can only be served by whoever controls acme.test's DNS: a sibling, not a stranger.
    { origin: `${u.protocol}//${prefixed}${port}`, sameSite: registrable(prefixed) === registrable(u.hostname) },
  ];
}

/** Every probe for a policy declaring `allowed` (which may be empty). */
export function corsProbes(allowed: readonly string[]): CorsProbe[] {
  const declared = [...new Set(allowed.filter((o) => o !== '*'))].slice(0, MAX_DECLARED);
  return [
    { kind: 'unapproved', origin: UNAPPROVED_ORIGIN, method: 'GET' },
    { kind: 'null', origin: 'null', method: 'GET' },
    ...declared.flatMap((d) => lookalikes(d).map((l): CorsProbe => ({ kind: 'lookalike', origin: l.origin, method: 'GET', imitates: d, sameSite: l.sameSite }))),
    ...declared.map((d): CorsProbe => ({ kind: 'declared', origin: d, method: 'GET' })),
    { kind: 'unapproved', origin: UNAPPROVED_ORIGIN, method: 'OPTIONS' },
  ];
}

const RANK: Record<Severity, number> = { blocker: 0, high: 1, medium: 2, low: 3, info: 4 };
const LOWER: Record<Severity, Severity> = { blocker: 'high', high: 'medium', medium: 'low', low: 'info', info: 'info' };
const worst = (a: Severity, b: Severity): Severity => (RANK[a] <= RANK[b] ? a : b);

/** One line of evidence: what was sent and what came back. */
export function describeObservation(o: CorsObservation): string {
  const acao = o.allowOrigin === undefined ? 'no Access-Control-Allow-Origin' : `Access-Control-Allow-Origin: ${o.allowOrigin}`;
  return `${o.method === 'OPTIONS' ? 'preflight ' : ''}Origin: ${o.origin} → ${o.status}, ${acao}${o.allowCredentials ? ', Access-Control-Allow-Credentials: true' : ''}`;
}

const sameOrigin = (a: string | undefined, b: string) => a !== undefined && a.trim().toLowerCase().replace(/\/$/, '') === b.toLowerCase();

/** Judges every observation together: at most one finding per cause, at the worst severity seen. */
export function judgeCors(observations: readonly CorsObservation[], allowed: readonly string[]): CorsFinding[] {
  const publicApi = allowed.includes('*');
  const declared = allowed.filter((o) => o !== '*');
  const groups = new Map<CorsMessageId, { severity: Severity; seen: CorsObservation[] }>();
  const add = (id: CorsMessageId, severity: Severity, o: CorsObservation) => {
    const g = groups.get(id);
    if (g) {
      g.severity = worst(g.severity, severity);
      g.seen.push(o);
    } else groups.set(id, { severity, seen: [o] });
  };

  for (const o of observations) {
    const acao = o.allowOrigin?.trim();
    if (acao === '*') {
      if (o.allowCredentials) add('wildcardWithCredentials', 'high', o);
      else if (declared.length && !publicApi) add('wildcard', 'medium', o);
      continue;
    }
    if (o.kind === 'null' && acao?.toLowerCase() === 'null') {
      add('allowsNull', o.allowCredentials ? 'blocker' : 'high', o);
    } else if ((o.kind === 'unapproved' || o.kind === 'lookalike') && sameOrigin(acao, o.origin)) {
      // A public API (`*` declared) may echo origins for reads without credentials: same as `*`.
      if (publicApi && !o.allowCredentials) continue;
      const severity: Severity = o.allowCredentials ? 'blocker' : 'high';
      add('reflectsOrigin', o.sameSite ? LOWER[severity] : severity, o);
    } else if (o.kind === 'declared' && !sameOrigin(acao, o.origin)) {
      add('declaredOriginRefused', 'medium', o);
    }
  }

  const expected: Record<CorsMessageId, string> = {
    reflectsOrigin: `Access-Control-Allow-Origin only for ${declared.length ? declared.join(', ') : 'declared origins'}`,
    allowsNull: 'no Access-Control-Allow-Origin for Origin: null',
    wildcardWithCredentials: 'never * together with Access-Control-Allow-Credentials: true',
    wildcard: `the declared origins (${declared.join(', ')}), not *`,
    declaredOriginRefused: 'Access-Control-Allow-Origin echoing each declared origin',
  };
  return [...groups.entries()].map(([messageId, g]) => ({
    messageId,
    severity: g.severity,
    evidence: {
      expected: expected[messageId],
      actual: g.seen.map(describeObservation),
      origins: [...new Set(g.seen.map((o) => o.origin))],
      credentials: g.seen.some((o) => o.allowCredentials),
    },
  }));
}
