/** Plain-text views of deployment facts, shared by the Mermaid diagram and the host tables. */
import type { HostFact, RunFacts } from '../core/types.js';

type Redirect = HostFact['redirects'][number];
type Certificate = NonNullable<HostFact['certificate']>;

/** `Lab CA · 20 days left (valid to 2025-03-21)`, or `expired 3 days ago`. */
export function certificateText(c: Certificate): string {
  const left = c.daysLeft < 0 ? `expired ${-c.daysLeft} days ago` : `${c.daysLeft} days left`;
  const until = c.validTo.slice(0, 10);
  return `${c.issuer} · ${left} (valid to ${until})`;
}

/** Status codes of the redirect hops only (3xx), in order. */
export function redirectStatuses(r: Redirect): number[] {
  return (r.status ?? []).filter((s) => s >= 300 && s < 400);
}

/** Whether the URL was answered by a redirect at all. */
export function isRedirect(r: Redirect): boolean {
  return r.chain.length > 1 || redirectStatuses(r).length > 0;
}

/** Host name where a redirect chain ends (or was cut); undefined when it did not redirect. */
export function redirectTargetHost(r: Redirect): string | undefined {
  if (!isRedirect(r)) return undefined;
  const last = r.final ?? r.chain[r.chain.length - 1];
  if (!last) return undefined;
  try {
    return new URL(last).hostname;
  } catch {
    return undefined;
  }
}

/** `http://a/ → https://a/ → https://app/ (301, 301, 200)`, or `http://a/: no redirect (200)`. */
export function redirectText(r: Redirect): string {
  const statuses = r.status?.length ? ` (${r.status.join(', ')})` : '';
  if (!isRedirect(r)) return `${r.from}: no redirect${statuses}`;
  return `${r.chain.join(' → ')}${statuses}${r.final ? '' : ' — cut before an answer'}`;
}

/** One host as table cells (plain text; each format escapes its own way). */
export interface DeploymentRow {
  environment: string;
  host: string;
  role: string;
  resolvesTo: string;
  cnameChain: string;
  redirects: string[];
  certificate: string;
  /** Unresolved or a certificate under 14 days: highlighted. */
  problem: boolean;
}

/** Rows of the host table, environment by environment in run order. */
export function deploymentRows(facts: RunFacts): DeploymentRow[] {
  return facts.environments.flatMap((env) =>
    env.hosts.map((h) => ({
      environment: env.name,
      host: h.name,
      role: h.role ?? '—',
      resolvesTo: h.error
        ? `⚠ ${h.error}${h.addresses.length ? ` (${h.addresses.join(', ')})` : ''}`
        : h.addresses.join(', ') || '—',
      cnameChain: h.cnames.length ? h.cnames.join(' → ') : '—',
      redirects: h.redirects.map(redirectText),
      certificate: h.certificate ? certificateText(h.certificate) : '—',
      problem: Boolean(h.error) || (h.certificate !== undefined && h.certificate.daysLeft < 14),
    })),
  );
}
