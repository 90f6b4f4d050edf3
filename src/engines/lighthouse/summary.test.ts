import { describe, expect, it } from 'vitest';
import labDefault from './__fixtures__/lab-default-dashboard.lhr.json' with { type: 'json' };
import labFixed from './__fixtures__/lab-fixed-dashboard.lhr.json' with { type: 'json' };
import { summariseLighthouse } from './summary.js';

describe('summariseLighthouse', () => {
  it('the lab dashboard behind a slow render-blocking widget (Lighthouse 12.2.3, Chromium 156)', () => {
    const s = summariseLighthouse(labDefault);
    expect(s).toMatchObject({
      score: 65,
      metrics: { fcpMs: 4911, lcpMs: 4911, tbtMs: 0, cls: 0, siMs: 7973 },
      lighthouseVersion: '12.2.3',
      formFactor: 'mobile',
      finalUrl: 'https://app.acme.test/',
      warnings: [],
    });
    expect(s.opportunities).toEqual([
      { id: 'uses-text-compression', title: 'Enable text compression', savingsMs: 450, savingsBytes: 91664 },
      { id: 'unminified-javascript', title: 'Minify JavaScript', savingsMs: 150, savingsBytes: 27275 },
    ]);
    // This Lighthouse's trace engine predates Chromium 156's frame events: those audits crash, the metrics do not.
    expect(s.auditErrors).toContain('render-blocking-resources');
    expect(s.runtimeError).toBeUndefined();
  });

  it('the same dashboard with the widget async', () => {
    const s = summariseLighthouse(labFixed);
    expect(s.score).toBe(100);
    expect(s.metrics.fcpMs).toBeLessThan(1500);
    expect(s.opportunities.map((o) => o.id)).toEqual(['uses-text-compression', 'unminified-javascript']);
    expect(s.opportunities[0].savingsMs).toBe(0);
  });

  it('a page Lighthouse could not load', () => {
    const lhr = {
      lighthouseVersion: '12.2.3',
      runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST', message: 'Lighthouse was unable to reliably load the page you requested. (Status code: 500)' },
      runWarnings: ['The page may not be loading as expected because your test URL (https://x.test/) was redirected to https://x.test/500.'],
      categories: { performance: { score: null, auditRefs: [{ id: 'first-contentful-paint' }] } },
      audits: { 'first-contentful-paint': { id: 'first-contentful-paint', score: null, scoreDisplayMode: 'error', errorMessage: 'ERRORED_DOCUMENT_REQUEST' } },
    };
    expect(summariseLighthouse(lhr)).toMatchObject({
      score: null,
      metrics: {},
      runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST' },
      warnings: [expect.stringContaining('redirected')],
      auditErrors: ['first-contentful-paint'],
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'not an lhr'],
    ['wrong types', { categories: { performance: { score: '0.9', auditRefs: 'x' } }, audits: { 'speed-index': { numericValue: 'fast' } } }],
  ])('tolerates %s', (_name, lhr) => {
    expect(summariseLighthouse(lhr)).toEqual({ score: null, metrics: {}, opportunities: [], warnings: [], auditErrors: [] });
  });

  it('ranks by time saved, then bytes, and bounds the list', () => {
    const audit = (id: string, ms: number, bytes?: number, score = 0) => ({ id, title: id, score, scoreDisplayMode: 'metricSavings', metricSavings: { LCP: ms, FCP: 0 }, details: { type: 'opportunity', overallSavingsMs: ms, overallSavingsBytes: bytes } });
    const audits = { a: audit('a', 100), b: audit('b', 900), c: audit('c', 0, 5000), d: audit('d', 300), passing: audit('passing', 2000, 0, 0.95) };
    const lhr = { categories: { performance: { score: 0.5, auditRefs: Object.keys(audits).map((id) => ({ id })) } }, audits };
    expect(summariseLighthouse(lhr).opportunities.map((o) => o.id)).toEqual(['b', 'd', 'a']);
    expect(summariseLighthouse(lhr, { topOpportunities: 10 }).opportunities.map((o) => o.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
