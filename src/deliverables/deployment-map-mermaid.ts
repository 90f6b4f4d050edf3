/**
 * The deployment map as a Mermaid `flowchart LR`: one subgraph per environment, a node per host
 * (name, role, certificate), solid edges to what it resolves to (CNAME chain, then addresses),
 * dashed edges for redirects that leave the host.
 */
import type { HostFact, RunFacts } from '../core/types.js';
import { visible } from '../reporters/shared/escape.js';
import { certificateText, redirectTargetHost, redirectStatuses } from './deployment-facts.js';

/** Ids are letters, digits and `_`; the prefix keeps them clear of keywords (`end`, `graph`). */
export const MERMAID_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Hands out one Mermaid id per distinct thing. Sanitising `a-b.test` and `a.b-test` gives the
 * same string, so a clash gets a numeric suffix instead of merging two nodes.
 */
export function createIdAllocator(): (prefix: string, key: string) => string {
  const byKey = new Map<string, string>();
  const used = new Set<string>();
  return (prefix, key) => {
    const full = `${prefix}\u0000${key}`;
    const known = byKey.get(full);
    if (known) return known;
    const base = `${prefix}_${key.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    byKey.set(full, id);
    return id;
  };
}

/**
 * Label text for Mermaid. Characters that mean something to its parser (quotes, `#`, `;`, `|`,
 * backticks for Markdown strings) or to the HTML it renders become `#<decimal>;` entity codes,
 * which Mermaid decodes for display.
 */
export function mermaidText(s: string): string {
  return visible(s)
    .replace(/\s+/g, ' ')
    .replace(/[#&"<>`|;]/g, (c) => `#${c.charCodeAt(0)};`);
}

const node = (id: string, lines: string[]) => `${id}["${lines.map(mermaidText).join('<br/>')}"]`;

function hostLabel(h: HostFact): string[] {
  const lines = [h.name];
  if (h.role) lines.push(h.role);
  if (h.certificate) lines.push(`TLS: ${certificateText(h.certificate)}`);
  if (h.error) lines.push(`⚠ ${h.error}`);
  return lines;
}

/** Hosts whose map node deserves attention: unresolved, or a certificate under 14 days. */
function isProblem(h: HostFact): boolean {
  return Boolean(h.error) || (h.certificate !== undefined && h.certificate.daysLeft < 14);
}

/** The Mermaid source (no fences). */
export function deploymentMapMermaid(facts: RunFacts): string {
  const id = createIdAllocator();
  const lines = ['flowchart LR'];
  const declared = new Set<string>();
  const problems: string[] = [];
  const external: string[] = [];
  const edges: string[] = [];
  const declare = (nodeId: string, label: string[]) => {
    if (declared.has(nodeId)) return;
    declared.add(nodeId);
    lines.push(`  ${node(nodeId, label)}`);
  };
  /* A redirect's final host is drawn as the declared host node when there is one (same
     environment first), otherwise as an external node. */
  const hostId = (env: string, name: string): string | undefined => {
    const owner = facts.environments.find((e) => e.name === env && e.hosts.some((h) => h.name === name))
      ?? facts.environments.find((e) => e.hosts.some((h) => h.name === name));
    return owner ? id('host', `${owner.name}/${name}`) : undefined;
  };

  for (const env of facts.environments) {
    const title = env.canonical ? `${env.name} · ${env.canonical}` : env.name;
    lines.push(`  subgraph ${id('env', env.name)}["${mermaidText(title)}"]`);
    for (const h of env.hosts) {
      const hid = id('host', `${env.name}/${h.name}`);
      lines.push(`    ${node(hid, hostLabel(h))}`);
      declared.add(hid);
      if (isProblem(h)) problems.push(hid);
    }
    lines.push('  end');
  }
  const edgeSeen = new Map<string, number>();
  for (const env of facts.environments) {
    for (const h of env.hosts) {
      const hid = id('host', `${env.name}/${h.name}`);
      // Resolution: host → CNAME → CNAME … → addresses.
      let from = hid;
      for (const cname of h.cnames) {
        const cid = id('dns', cname);
        declare(cid, [cname]);
        edges.push(`  ${from} -->|"CNAME"| ${cid}`);
        from = cid;
      }
      for (const addr of h.addresses) {
        const aid = id('ip', addr);
        declare(aid, [addr]);
        const key = `${from}>${aid}`;
        if (!edgeSeen.has(key)) {
          edgeSeen.set(key, edges.length);
          edges.push(`  ${from} --> ${aid}`);
        }
      }
      for (const r of h.redirects) {
        const target = redirectTargetHost(r);
        // A scheme upgrade on the same host is in the table; as an edge it would only loop.
        if (!target || target === h.name) continue;
        let tid = hostId(env.name, target);
        if (!tid) {
          tid = id('ext', target);
          if (!declared.has(tid)) external.push(tid);
          declare(tid, [target]);
        }
        const label = `${r.from.split(':')[0]} ${redirectStatuses(r).join('→')}${r.final ? '' : ' (cut)'}`;
        const key = `${hid}~>${tid}`;
        const at = edgeSeen.get(key);
        if (at === undefined) {
          edgeSeen.set(key, edges.length);
          edges.push(`  ${hid} -.->|"${mermaidText(label)}"| ${tid}`);
        } else {
          // Two variants (http, https) redirecting to the same host share one edge.
          edges[at] = edges[at].replace(/"\| /, `, ${mermaidText(label)}"| `);
        }
      }
    }
  }
  lines.push(...edges);
  lines.push('  classDef problem stroke:#d33,stroke-width:2px');
  lines.push('  classDef external stroke-dasharray:4 3');
  if (problems.length) lines.push(`  class ${problems.join(',')} problem`);
  if (external.length) lines.push(`  class ${external.join(',')} external`);
  return lines.join('\n');
}
