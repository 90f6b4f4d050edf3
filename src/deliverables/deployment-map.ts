/**
 * The deployment map deliverable: domains, subdomains and environments, what each host resolves
 * to, where its URLs redirect, its certificate. As Markdown (a Mermaid diagram and a table per
 * environment) and as data for the HTML report.
 */
import type { AuditRun, RunFacts } from '../core/types.js';
import { escapeMarkdownCell, escapeMarkdownInline } from '../reporters/shared/escape.js';
import { deploymentRows, type DeploymentRow } from './deployment-facts.js';
import { deploymentMapMermaid } from './deployment-map-mermaid.js';

/** What the HTML report (and any other renderer) needs to draw the map. */
export interface DeploymentMapData {
  environments: { name: string; canonical?: string; rows: DeploymentRow[] }[];
  /** Mermaid source (`flowchart LR`, no fences); empty when no facts were gathered. */
  mermaid: string;
}

/** Builds the map's data; a run without facts gives an empty map. */
export function buildDeploymentMap(facts: RunFacts | undefined): DeploymentMapData {
  if (!facts || facts.environments.length === 0) return { environments: [], mermaid: '' };
  const rows = deploymentRows(facts);
  return {
    environments: facts.environments.map((e) => ({
      name: e.name,
      canonical: e.canonical,
      rows: rows.filter((r) => r.environment === e.name),
    })),
    mermaid: deploymentMapMermaid(facts),
  };
}

const HEAD = ['Host', 'Role', 'Resolves to', 'CNAME chain', 'Redirects', 'Certificate'];

/** The `deployment-map.md` document. */
export function renderDeploymentMapMarkdown(run: AuditRun): string {
  const map = buildDeploymentMap(run.facts);
  const out = [
    `# Deployment map: ${escapeMarkdownInline(run.project)}`,
    '',
    `Gathered by ${run.tool.name} ${run.tool.version} on ${escapeMarkdownInline(run.startedAt)}.`,
    '',
  ];
  if (map.environments.length === 0) {
    out.push('No deployment facts were gathered in this run (no environments declared, or facts turned off).');
    return `${out.join('\n')}\n`;
  }
  // Mermaid labels are entity-escaped, so nothing in them can close the fence.
  out.push('```mermaid', map.mermaid, '```', '');
  out.push('Solid arrows: DNS (CNAME chain, then addresses). Dashed arrows: redirects to another host.', '');
  for (const env of map.environments) {
    out.push(`## ${escapeMarkdownInline(env.name)}`, '');
    if (env.canonical) out.push(`Canonical origin: ${escapeMarkdownInline(env.canonical)}`, '');
    out.push(`| ${HEAD.join(' | ')} |`, `| ${HEAD.map(() => '---').join(' | ')} |`);
    for (const r of env.rows) {
      const cells = [r.problem ? `⚠ ${r.host}` : r.host, r.role, r.resolvesTo, r.cnameChain, r.redirects.join('\n') || '—', r.certificate];
      out.push(`| ${cells.map(escapeMarkdownCell).join(' | ')} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
