/**
 * The pure part of redirect.canonical: which URL variants an environment has, and the verdict on
 * one variant's redirect chain against the environment's canonical origin.
 */
import type { HostTarget } from '../../core/targets.js';
import type { Evidence } from '../../core/types.js';
import type { ProbeError } from '../../probes/types.js';
import { formatChain, formatHop, isEndless, isPermanent, isRedirect, originOf, parseUrl, type ChainData } from './chain.js';

/** Path and query every variant is requested with: a redirect that keeps them is visibly keeping them. */
export const PROBE_PATH = '/launchready-probe?lr=1';

/** Roles whose hosts serve the web front (no role counts as front: apex and www usually have none). */
const FRONT_ROLES = new Set<HostTarget['role']>([undefined, 'app', 'marketing']);

export interface CanonicalVariant {
  /** The variant's origin (`http://acme.test`): the result's target. */
  target: string;
  /** What is requested: the origin plus `PROBE_PATH`. */
  start: string;
  /** Redirects allowed before the first arrival at the canonical origin. */
  maxHops: number;
}

export interface CanonicalRule {
  /** The environment's canonical origin (`https://app.acme.test`). */
  canonical: string;
  maxHops: number;
  /** Origins of every host the environment declares: a redirect to one of them is canonicalisation, not sign-in. */
  declaredOrigins: readonly string[];
}

export type CanonicalMessageId = 'wrongDestination' | 'tooManyHops' | 'temporary' | 'pathDropped' | 'loop';

export type CanonicalVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; findings: { messageId: CanonicalMessageId; evidence: Evidence }[] }
  | { ok: 'error'; error: ProbeError };

/**
 * The variants of an environment: `http://` and `https://` × the canonical host and every host
 * serving the web front, in config order, each once. The canonical origin keeps its port.
 */
export function canonicalVariants(canonical: string, hosts: readonly HostTarget[]): CanonicalVariant[] {
  const canon = parseUrl(canonical);
  if (!canon) return [];
  const names = [canon.hostname, ...hosts.filter((h) => FRONT_ROLES.has(h.role)).map((h) => h.name.trim().toLowerCase().replace(/\.$/, ''))];
  const out = new Map<string, CanonicalVariant>();
  for (const name of names) {
    for (const scheme of ['http:', 'https:']) {
      const target = name === canon.hostname && scheme === canon.protocol ? canon.origin : `${scheme}//${name}`;
      if (out.has(target)) continue;
      // HSTS preload (hstspreload.org) wants http→https on the same host first: one extra hop
      // for plain-HTTP variants of other hosts.
      const maxHops = target === canon.origin ? 0 : scheme === 'http:' && name !== canon.hostname ? 2 : 1;
      out.set(target, { target, start: `${target}${PROBE_PATH}`, maxHops });
    }
  }
  return [...out.values()];
}

/** Origins (`http://` and `https://`) of every host name given. */
export function declaredOriginsOf(hosts: readonly HostTarget[]): string[] {
  return hosts.flatMap((h) => ['http', 'https'].map((s) => originOf(`${s}://${h.name}`) ?? '')).filter(Boolean);
}

/**
 * Whether a redirect from `from` to `to` keeps the path (a trailing slash aside) and every query
 * parameter (the target may add its own).
 */
export function keepsPathAndQuery(from: string, to: string): boolean {
  const a = parseUrl(from);
  const b = parseUrl(to);
  if (!a || !b) return false;
  const trim = (p: string) => (p.length > 1 ? p.replace(/\/$/, '') : p);
  if (trim(a.pathname) !== trim(b.pathname)) return false;
  return [...a.searchParams].every(([k, v]) => b.searchParams.getAll(k).includes(v));
}

const hopWord = (n: number) => `${n} hop${n === 1 ? '' : 's'}`;

/**
 * Judges one variant's chain: it must reach the canonical origin within `maxHops` redirects, every
 * cross-origin hop on the way must be permanent and keep path and query, and it must not loop.
 * Redirects after the first arrival are the app's own (`/x` → `/login`) and are not judged. The
 * canonical origin itself must answer without leaving: a permanent redirect away, or one to
 * another declared host, fails; a temporary one to an undeclared origin is taken for a sign-in
 * (SSO) redirect and noted, not failed.
 */
export function judgeCanonicalChain(chain: ChainData, rule: CanonicalRule): CanonicalVerdict {
  const canonical = originOf(rule.canonical) ?? rule.canonical;
  const lines = formatChain(chain);
  const base = { start: chain.start, canonical, chain: lines };
  const hops = chain.hops;
  // Where the chain stood after 0, 1, 2 … redirects; the last Location counts even when fetching
  // it failed, so a variant that points correctly at a struggling canonical origin is judged.
  const last = hops[hops.length - 1];
  const positions = hops.length ? [...hops.map((h) => h.url), ...(isRedirect(last) ? [last.location] : [])] : [chain.start];
  const arrival = positions.findIndex((u) => originOf(u) === canonical);
  const loop = () => ({ messageId: 'loop' as const, evidence: { ...base, reason: chain.error!.message, expected: `a page at ${canonical}`, actual: 'redirects without end' } });

  if (arrival === -1) {
    if (isEndless(chain.error)) return { ok: false, findings: [loop()] };
    if (chain.error || hops.length === 0) {
      return { ok: 'error', error: chain.error ?? { code: 'NO_RESPONSE', message: `no response from ${chain.start}` } };
    }
    return {
      ok: false,
      findings: [{ messageId: 'wrongDestination', evidence: { ...base, expected: `reaches ${canonical}`, actual: `ends at ${formatHop(last)}`, final: last.url } }],
    };
  }

  const findings: { messageId: CanonicalMessageId; evidence: Evidence }[] = [];
  const notes: string[] = [];
  if (arrival === 0) {
    const first = hops[0];
    // The canonical origin itself did not answer: nothing to judge.
    if (!first) return { ok: 'error', error: chain.error ?? { code: 'NO_RESPONSE', message: `no response from ${chain.start}` } };
    const away = isRedirect(first) ? originOf(first.location) : undefined;
    if (isRedirect(first) && away !== canonical) {
      if (isPermanent(first.status) || (away !== undefined && rule.declaredOrigins.includes(away))) {
        findings.push({ messageId: 'wrongDestination', evidence: { ...base, expected: `${canonical} answers without a cross-origin redirect`, actual: formatHop(first), final: first.location } });
      } else {
        notes.push(`temporary redirect to ${away ?? first.location} taken for the app's sign-in redirect: not judged`);
      }
    }
  } else {
    if (arrival > rule.maxHops) {
      const path = positions.slice(0, arrival + 1).join(' → ');
      findings.push({ messageId: 'tooManyHops', evidence: { ...base, hops: arrival, maxHops: rule.maxHops, expected: `≤ ${hopWord(rule.maxHops)} to ${canonical}`, actual: `${hopWord(arrival)}: ${path}` } });
    }
    const crossOrigin = hops.slice(0, arrival).filter(isRedirect).filter((h) => originOf(h.url) !== originOf(h.location));
    const temporary = crossOrigin.filter((h) => !isPermanent(h.status));
    if (temporary.length) {
      findings.push({ messageId: 'temporary', evidence: { ...base, status: temporary[0].status, expected: '301 or 308 on every cross-origin hop', actual: temporary.map(formatHop) } });
    }
    const dropped = crossOrigin.filter((h) => !keepsPathAndQuery(h.url, h.location));
    if (dropped.length) {
      const probe = parseUrl(chain.start);
      findings.push({ messageId: 'pathDropped', evidence: { ...base, expected: `path and query kept (${probe ? probe.pathname + probe.search : chain.start})`, actual: dropped.map(formatHop) } });
    }
  }
  if (isEndless(chain.error)) findings.push(loop());
  else if (chain.error) notes.push(`the chain was cut after reaching ${canonical} (${chain.error.code}); the way there is judged`);
  if (findings.length) return { ok: false, findings };
  return {
    ok: true,
    evidence: {
      ...base,
      hops: arrival,
      expected: rule.maxHops === 0
        ? `${canonical} answers without a cross-origin redirect`
        : `≤ ${hopWord(rule.maxHops)} to ${canonical}, permanent, path and query kept`,
      actual: `${hopWord(arrival)}`,
      ...(notes.length ? { note: notes.join('; ') } : {}),
    },
  };
}
