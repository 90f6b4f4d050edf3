/** The Markdown report: tables stay tables, and nothing from a result renders as markup. */
import { describe, expect, it } from 'vitest';
import { FIXTURE_RUN } from './__fixtures__/run.js';
import { renderMarkdown } from './markdown.js';

/** Splits a table row on unescaped pipes. */
const cells = (row: string) => row.slice(1, -1).split(/(?<!\\)\|/);

describe('markdown reporter', () => {
  const md = renderMarkdown(FIXTURE_RUN);

  it('has one table per severity with findings, worst first', () => {
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Launch blockers (3)', '## High (2)', '## Medium (1)', '## Low (1)', '## Info (1)', '## Could not check (1)',
    ]);
  });

  it('keeps every row of a table the same width, even with pipes and newlines in values', () => {
    const run = {
      ...FIXTURE_RUN,
      results: [{ ...FIXTURE_RUN.results[0], target: 'a | b', message: 'one\ntwo | three', evidence: { 'k|ey': 'v|al' } }],
    };
    const rows = renderMarkdown(run).split('\n').filter((l) => l.startsWith('|'));
    expect(rows.length).toBe(3);
    for (const r of rows) expect(cells(r)).toHaveLength(5);
    expect(rows[2]).toContain('one<br>two \\| three');
  });

  it('neutralises HTML and Markdown syntax from results', () => {
    expect(md).not.toContain('<script');
    expect(md).toContain('&lt;script&gt;alert("pwned")&lt;/script&gt;');
    const run = { ...FIXTURE_RUN, results: [{ ...FIXTURE_RUN.results[0], message: '[click](http://evil.test) ![x](http://t.test/p.png) **b**' }] };
    const out = renderMarkdown(run);
    expect(out).toContain('\\[click\\](http://evil.test) !\\[x\\](http://t.test/p.png) \\*\\*b\\*\\*');
  });

  it('folds skips and passes, or leaves them out', () => {
    expect(md).toContain('<details><summary>Passed (3)</summary>');
    expect(renderMarkdown(FIXTURE_RUN, { details: false })).not.toContain('<details>');
  });
});
