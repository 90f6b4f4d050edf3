/** The deployment map: golden Markdown, valid Mermaid ids, edges for resolution and redirects. */
import { describe, expect, it } from 'vitest';
import type { RunFacts } from '../core/types.js';
import { expectGolden } from '../reporters/__fixtures__/golden.js';
import { FIXTURE_FACTS, FIXTURE_RUN } from '../reporters/__fixtures__/run.js';
import { buildDeploymentMap, renderDeploymentMapMarkdown } from './deployment-map.js';
import { createIdAllocator, deploymentMapMermaid, MERMAID_ID, mermaidText } from './deployment-map-mermaid.js';
import { renderRiskList } from './risk-list.js';

const golden = (name: string) => new URL(`./__golden__/${name}`, import.meta.url);

/** Every node id the diagram declares or links (`id["label"]`, `a --> b`). */
function nodeIds(mermaid: string): string[] {
  const ids = new Set<string>();
  for (const line of mermaid.split('\n').slice(1)) {
    const t = line.trim();
    if (t === 'end' || t.startsWith('classDef ')) continue;
    if (t.startsWith('class ')) {
      t.slice(6).split(' ')[0].split(',').forEach((id) => ids.add(id));
      continue;
    }
    const decl = /^(?:subgraph )?([^\s["]+)\["/.exec(t);
    if (decl) ids.add(decl[1]);
    const edge = /^(\S+) (?:-->|-\.->)(?:\|"[^"]*"\|)? (\S+)$/.exec(t);
    if (edge) [edge[1], edge[2]].forEach((id) => ids.add(id));
    if (!decl && !edge) throw new Error(`unexpected Mermaid line: ${t}`);
  }
  return [...ids];
}

describe('deployment map', () => {
  it('matches the golden Markdown', () => {
    expectGolden(golden('deployment-map.md'), renderDeploymentMapMarkdown(FIXTURE_RUN));
  });

  it('renders the risk list deliverable', () => {
    expectGolden(golden('risk-list.md'), renderRiskList(FIXTURE_RUN));
  });

  it('uses only valid, keyword-free Mermaid ids', () => {
    const ids = nodeIds(deploymentMapMermaid(FIXTURE_FACTS));
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      expect(id).toMatch(MERMAID_ID);
      expect(['end', 'graph', 'subgraph', 'flowchart', 'class', 'classDef', 'style']).not.toContain(id);
    }
  });

  it('draws environments, DNS edges and redirects', () => {
    const m = deploymentMapMermaid(FIXTURE_FACTS);
    expect(m.split('\n')[0]).toBe('flowchart LR');
    expect(m).toContain('subgraph env_production["production · https://app.acme.test"]');
    expect(m).toContain('subgraph env_staging[');
    // api → CNAME → address
    expect(m).toContain('host_production_api_acme_test -->|"CNAME"| dns_edge_acme_cdn_test');
    expect(m).toContain('dns_edge_acme_cdn_test --> ip_127_0_0_4');
    // CNAME chains are followed link by link
    expect(m).toContain('dns_old_edge_1_test -->|"CNAME"| dns_lb_edge_1_test');
    // redirects to another host are dashed; the http and https variants share one edge
    expect(m).toContain('host_production_www_acme_test -.->|"http 301→302, https 302"| host_production_app_acme_test');
    // a redirect to an undeclared host draws an external node; a cut chain says so
    expect(m).toContain('-.->|"http 301"| ext_legacy_example_host_test');
    expect(m).toContain('-.->|"https 302→302 (cut)"| host_production_app_acme_test');
    expect(m).toContain('class ext_legacy_example_host_test external');
    // an expired certificate and an unresolved host are flagged
    expect(m).toMatch(/class [^\n]*host_production_www_acme_test[^\n]* problem/);
    expect(m).toMatch(/class [^\n]*host_production_status_acme_test[^\n]* problem/);
    // no scheme-upgrade self loops
    expect(m).not.toContain('host_production_api_acme_test -.->');
  });

  it('escapes label text that Mermaid or HTML would interpret', () => {
    const m = deploymentMapMermaid(FIXTURE_FACTS);
    expect(m).toContain('query timed out #60;5000 ms#62; #38; #34;gave up#34;');
    expect(m).not.toMatch(/<(?!br\/>)/);
  });

  it.each([
    ['quotes', 'say "hi"', 'say #34;hi#34;'],
    ['html', '<b>&', '#60;b#62;#38;'],
    ['hash first (no double escape)', '#35;', '#35;35#59;'],
    ['pipe and semicolon', 'a|b;c', 'a#124;b#59;c'],
    ['backtick (markdown string)', '`x`', '#96;x#96;'],
    ['newline and control', 'a\nb\u0007', 'a b\\u0007'],
  ])('mermaidText: %s', (_name, input, want) => {
    expect(mermaidText(input)).toBe(want);
  });

  it('gives colliding sanitised names distinct ids and repeats stay stable', () => {
    const id = createIdAllocator();
    const a = id('host', 'a-b.test');
    const b = id('host', 'a.b-test');
    expect(a).toBe('host_a_b_test');
    expect(b).toBe('host_a_b_test_2');
    expect(id('host', 'a-b.test')).toBe(a);
    expect(id('ip', '2001:db8::1')).toMatch(MERMAID_ID);
  });

  it('renders an empty map when no facts were gathered', () => {
    const run = { ...FIXTURE_RUN, facts: undefined };
    expect(buildDeploymentMap(undefined)).toEqual({ environments: [], mermaid: '' });
    expect(renderDeploymentMapMarkdown(run)).toContain('No deployment facts were gathered');
  });

  it('builds table rows per environment for the HTML report', () => {
    const map = buildDeploymentMap(FIXTURE_FACTS);
    expect(map.environments.map((e) => e.name)).toEqual(['production', 'staging']);
    const api = map.environments[0].rows.find((r) => r.host === 'api.acme.test');
    expect(api).toMatchObject({ role: 'api', resolvesTo: '127.0.0.4', cnameChain: 'edge.acme-cdn.test', problem: true });
    expect(api?.certificate).toBe('Lab ACME · 5 days left (valid to 2025-03-06)');
    const facts: RunFacts = { environments: [{ name: 'x', hosts: [] }] };
    expect(buildDeploymentMap(facts).mermaid).toBe('flowchart LR\n  subgraph env_x["x"]\n  end\n  classDef problem stroke:#d33,stroke-width:2px\n  classDef external stroke-dasharray:4 3');
  });
});
