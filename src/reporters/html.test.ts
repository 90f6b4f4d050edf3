/** The HTML report is self-contained, escapes everything, and carries the deployment map. */
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { FIXTURE_RUN, PLANTED_SCRIPT } from './__fixtures__/run.js';
import { renderHtml } from './html.js';

const html = renderHtml(FIXTURE_RUN);
const doc = parseDocument(html);
const tags = (name: string) => DomUtils.getElementsByTagName(name, doc);

describe('html reporter', () => {
  it('loads nothing external and runs no script', () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(tags('script')).toHaveLength(0);
    // No element may load anything: no src, no srcset, no data, no stylesheet link.
    const loaders = DomUtils.findAll((el) => ['src', 'srcset', 'data', 'poster'].some((a) => a in el.attribs), doc.children);
    expect(loaders).toHaveLength(0);
    expect(html).not.toMatch(/<link href="http/i);
    expect(tags('meta').some((m) => m.attribs['http-equiv'] === 'Content-Security-Policy' && m.attribs.content.includes("default-src 'none'"))).toBe(true);
  });

  it('escapes the planted script and shows it as text', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    const messages = tags('p').filter((p) => p.attribs.class === 'message').map((p) => DomUtils.textContent(p));
    expect(messages.some((m) => m.includes(PLANTED_SCRIPT))).toBe(true);
  });

  it('makes control characters visible', () => {
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    expect(html).toContain('Acme\\u0007\\u001B[31mRED');
  });

  it('has summary tiles, the risk list by severity, errors and folded passes', () => {
    expect(tags('div').filter((d) => d.attribs.class?.startsWith('tile'))).toHaveLength(9);
    expect(tags('h3').map((h) => DomUtils.textContent(h)).slice(0, 5)).toEqual([
      'Launch blockers (3)', 'High (2)', 'Medium (1)', 'Low (1)', 'Info (1)',
    ]);
    expect(tags('article')).toHaveLength(FIXTURE_RUN.results.filter((r) => r.status === 'fail').length);
    expect(DomUtils.textContent(DomUtils.getElementById('errors', doc)!)).toContain('timed out after 5000 ms');
    const passed = DomUtils.getElementById('passed', doc);
    expect(passed?.name).toBe('details');
    expect(DomUtils.textContent(passed!)).toContain('admin.auth-required');
  });

  it('shows the deployment map as Mermaid source and a host table', () => {
    const pre = tags('pre').find((p) => p.attribs.class === 'mermaid');
    expect(DomUtils.textContent(pre!)).toMatch(/^flowchart LR\n {2}subgraph env_production\["production/);
    const map = DomUtils.getElementById('deployment-map', doc)!;
    const rows = DomUtils.getElementsByTagName('tr', map).filter((r) => DomUtils.getElementsByTagName('td', r).length);
    expect(rows).toHaveLength(7);
    expect(DomUtils.textContent(map)).toContain('⚠ query timed out <5000 ms> & "gave up"');
  });

  it('says so when a run has no findings and no facts', () => {
    const clean = renderHtml({ ...FIXTURE_RUN, results: [], facts: undefined, summary: { ...FIXTURE_RUN.summary, blocker: 0, high: 0, medium: 0, low: 0, info: 0, pass: 0, skip: 0, error: 0, score: 100 } });
    expect(clean).toContain('No launch risks found.');
    expect(clean).toContain('No deployment facts were gathered');
    expect(clean).not.toContain('id="errors"');
  });
});
