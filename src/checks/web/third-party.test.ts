import { describe, expect, it } from 'vitest';
import { createEffects } from '../../context/create-effects.js';
import { loadConfig } from '../../config/load.js';
import { blockingScriptHints } from '../../engines/web/index.js';
import { startLab } from '../../lab/index.js';
import { checkTester, runAgainstLab } from '../../test-support/check-tester.js';
import thirdParty, { judgeThirdParty, type MeasuredScript } from './third-party.js';

checkTester(thirdParty, {
  pass: [
    { name: 'fixed loads the widget async', lab: 'fixed' },
    { name: 'a page with no third-party script at all', lab: 'fixed', config: (raw) => { raw.pages = ['https://status.acme.test/']; } },
  ],
  fail: [
    {
      name: 'default blocks both key screens on the slow widget',
      lab: 'default',
      expect: [
        { target: 'https://app.acme.test/', messageId: 'blockingScript', severity: 'medium' },
        { target: 'https://app.acme.test/tasks', messageId: 'blockingScript', severity: 'medium' },
      ],
    },
  ],
  error: [
    {
      name: 'a page that never answers, a bot wall, a redirect loop',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '800ms';
        raw.pages = ['https://slow.hostile.test/', 'https://wall.hostile.test/', 'https://loop.hostile.test/a'];
      },
      expect: [{ target: 'https://slow.hostile.test/' }, { target: 'https://wall.hostile.test/' }, { target: 'https://loop.hostile.test/a' }],
    },
    { name: 'a missing page', lab: 'fixed', config: (raw) => { raw.pages = ['https://app.acme.test/nope']; }, expect: [{ target: 'https://app.acme.test/nope' }] },
  ],
  skip: [
    { name: 'a JSON API is not a page', lab: 'fixed', config: (raw) => { raw.pages = ['https://api.acme.test/api/me']; }, expect: [{ target: 'https://api.acme.test/api/me' }] },
  ],
});

describe('web.third-party evidence against the lab', () => {
  it('lists the widget with its host, size, time and loading mode', async () => {
    const lab = await startLab({ variant: 'default' });
    try {
      const { results } = await runAgainstLab(thirdParty, lab, (raw) => { raw.network.timeout = '8s'; raw.pages = ['https://app.acme.test/']; });
      const [r] = results;
      expect(r).toMatchObject({ status: 'fail', evidence: { thirdPartyScripts: 2, blockingCount: 1, blockingHosts: ['cdn.widgets.test'], firstPartyScripts: 1 } });
      const scripts = r.evidence?.scripts as Record<string, unknown>[];
      expect(scripts[0]).toMatchObject({ host: 'cdn.widgets.test', url: 'https://cdn.widgets.test/widget.js', loading: 'blocking', blocking: true });
      expect(scripts[0].bytes).toBeGreaterThan(140_000);
      expect(scripts[0].timeMs).toBeGreaterThanOrEqual(2_400);
      // The planted http:// script is refused by browsers: listed, not blocking, not fetched.
      expect(scripts[1]).toMatchObject({ url: 'http://cdn.widgets.test/w.js', blocking: false, bytes: null });
      expect(r.message).toContain('cdn.widgets.test');

      // The baseline report's hint comes from the same engine, without fetching the scripts.
      const { config } = await loadConfig(lab.configPath, { env: lab.env });
      const effects = await createEffects(config.network);
      try {
        const hints = await blockingScriptHints(effects.http, config.pages, { timeoutMs: 3_000 });
        expect(hints).toEqual([
          { page: 'https://app.acme.test/', script: 'https://cdn.widgets.test/widget.js' },
          { page: 'https://app.acme.test/tasks', script: 'https://cdn.widgets.test/widget.js' },
        ]);
      } finally {
        await effects.close();
      }
    } finally {
      await lab.stop();
    }
  });
});

const script = (over: Partial<MeasuredScript>): MeasuredScript => ({
  url: 'https://cdn.vendor.test/a.js', host: 'cdn.vendor.test', party: 'third', loading: 'async', blocking: false, bytes: 1000, ...over,
});

describe('judgeThirdParty', () => {
  it.each([
    { name: 'no scripts', scripts: [], ok: true },
    { name: 'only first-party, even blocking', scripts: [script({ party: 'first', loading: 'blocking', blocking: true })], ok: true },
    { name: 'third-party async and defer', scripts: [script({}), script({ url: 'https://b.test/b.js', host: 'b.test', loading: 'defer' })], ok: true },
    { name: 'third-party blocking', scripts: [script({ loading: 'blocking', blocking: true })], ok: false },
    { name: 'blocking but refused as mixed content', scripts: [script({ url: 'http://cdn.vendor.test/a.js', loading: 'blocking', blocking: false, mixedContentBlocked: true })], ok: true },
  ])('$name → ok=$ok', ({ scripts, ok }) => {
    expect(judgeThirdParty({ scripts, stylesheets: [] }).ok).toBe(ok);
  });

  it('counts bytes of third parties only, lists blocking scripts first', () => {
    const v = judgeThirdParty({
      scripts: [
        script({ url: 'https://a.test/a.js', host: 'a.test', bytes: 500 }),
        script({ party: 'first', host: 'app.test', bytes: 99_999 }),
        script({ url: 'https://b.test/b.js', host: 'b.test', loading: 'blocking', blocking: true, bytes: undefined, error: 'TIMEOUT' }),
      ],
      stylesheets: [{ url: 'https://fonts.googleapis.com/css2?family=Lora', host: 'fonts.googleapis.com', party: 'third', blocking: true }],
    });
    expect(v).toMatchObject({
      ok: false,
      evidence: {
        thirdPartyScripts: 2, blockingCount: 1, blockingHosts: ['b.test'], thirdPartyBytes: 500, firstPartyScripts: 1,
        scripts: [{ host: 'b.test', bytes: null, sizeError: 'TIMEOUT', blocking: true }, { host: 'a.test', bytes: 500 }],
        blockingStylesheets: [{ host: 'fonts.googleapis.com' }],
      },
    });
  });

  it('bounds the list', () => {
    const many = Array.from({ length: 45 }, (_, i) => script({ url: `https://v${i}.test/x.js`, host: `v${i}.test` }));
    const v = judgeThirdParty({ scripts: many, stylesheets: [] });
    expect((v.evidence.scripts as unknown[]).length).toBe(40);
    expect(v.evidence.more).toBe(5);
  });
});
