// Lighthouse runs are slow (~10-15 s a page here): one page per lab variant, one lab per variant.
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config/load.js';
import { createBrowserRunner, loadLighthouseModules } from '../../context/browser.js';
import { createEffects } from '../../context/create-effects.js';
import { runOne } from '../../core/runner.js';
import { createTargets } from '../../core/targets.js';
import type { LighthouseSummary } from '../../engines/lighthouse/index.js';
import { createProbes } from '../../probes/create-probes.js';
import { registrableDomain } from '../../services/audit.js';
import { checkTester, labPool } from '../../test-support/check-tester.js';
import lighthouse, { hostsToMap, judgeLighthouse } from './lighthouse.js';

vi.setConfig({ testTimeout: 120_000 });
const chromium = (await loadLighthouseModules()).installations()[0];

describe.skipIf(!chromium)('with Chromium installed', () => {
  checkTester(lighthouse, {
    pass: [{ name: 'fixed: the widget loads async, the dashboard scores ≥ 80', lab: 'fixed', config: (raw) => { raw.pages = ['https://app.acme.test/']; } }],
    fail: [{
      name: 'default: the tasks screen waits 2.5 s for a blocking widget',
      lab: 'default',
      config: (raw) => { raw.pages = ['https://app.acme.test/tasks']; },
      expect: [{ target: 'https://app.acme.test/tasks', messageId: 'lowScore', severity: 'medium' }],
    }],
    error: [{
      name: 'a page that never finishes loading is an error before any browser starts',
      lab: 'hostile',
      config: (raw) => { raw.network.timeout = '800ms'; raw.pages = ['https://slow.hostile.test/']; },
      expect: [{ target: 'https://slow.hostile.test/' }],
    }],
    skip: [{ name: 'an API is not a screen', lab: 'fixed', config: (raw) => { raw.pages = ['https://api.acme.test/api/me']; }, expect: [{ target: 'https://api.acme.test/api/me' }] }],
  });
});

describe('web.lighthouse without a browser', () => {
  const lab = labPool();
  it('skips every key page with the reason', async () => {
    const l = await lab('fixed');
    const { config } = await loadConfig(l.configPath, { env: l.env });
    const effects = await createEffects(config.network, { browser: createBrowserRunner({ lookup: async () => [], chromePath: '/nonexistent/chromium' }) });
    try {
      const results = await runOne(lighthouse, {
        checks: [lighthouse], config, effects, probes: createProbes(effects, { timeoutMs: config.network.timeoutMs }), targets: createTargets(config, registrableDomain),
      });
      expect(results.map((r) => [r.target, r.status])).toEqual([['https://app.acme.test/', 'skip'], ['https://app.acme.test/tasks', 'skip']]);
      expect(results[0].message).toContain('/nonexistent/chromium');
    } finally {
      await effects.close();
    }
  });
});

const summary = (over: Partial<LighthouseSummary>): LighthouseSummary => ({
  score: 90, metrics: { fcpMs: 900, lcpMs: 1300, tbtMs: 30, cls: 0, siMs: 900 }, opportunities: [], warnings: [], auditErrors: [], ...over,
});

describe('judgeLighthouse', () => {
  it.each([
    { score: 100, ok: true }, { score: 80, ok: true }, { score: 79, ok: false }, { score: 0, ok: false },
  ])('score $score → $ok', ({ score, ok }) => {
    expect(judgeLighthouse(summary({ score })).ok).toBe(ok);
  });

  it('is an error when Lighthouse could not load the page or score it', () => {
    expect(judgeLighthouse(summary({ score: null, runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' } })))
      .toMatchObject({ ok: 'error', error: { code: 'NO_FCP' } });
    expect(judgeLighthouse(summary({ score: null }))).toMatchObject({ ok: 'error', error: { code: 'NO_SCORE' } });
  });

  it('shows the score beside the minimum, the metrics and the advice', () => {
    const v = judgeLighthouse(summary({ score: 65, opportunities: [{ id: 'uses-text-compression', title: 'Enable text compression', savingsMs: 450 }], auditErrors: ['render-blocking-resources'] }));
    expect(v).toMatchObject({
      ok: false,
      evidence: { score: 65, minimum: 80, formFactor: 'mobile', metrics: { lcpMs: 1300 }, opportunities: [{ id: 'uses-text-compression' }], auditErrors: ['render-blocking-resources'] },
    });
  });
});

describe('hostsToMap', () => {
  it('the redirect chain, then every subresource host once; forms are not fetched', () => {
    const html = '<script src="https://cdn.widgets.test/widget.js"></script><img src="/logo.png"><iframe src="https://help.widgets.test/chat"></iframe><form action="https://pay.test/x"></form>';
    expect(hostsToMap(['acme.test', 'app.acme.test'], html, 'https://app.acme.test/')).toEqual(['acme.test', 'app.acme.test', 'cdn.widgets.test', 'help.widgets.test']);
  });
});
