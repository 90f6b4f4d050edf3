// The real runner against real Chromium: finding it, and never leaving a browser or a profile behind.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import { startLab, type Lab } from '../lab/index.js';
import { createBrowserRunner, loadLighthouseModules, type LaunchedChrome, type LighthouseModules } from './browser.js';
import { createDnsClient } from './dns.js';
import { BrowserError } from './types.js';

const modules = await loadLighthouseModules();
const chromium = modules.installations()[0];

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('createBrowserRunner.locate', () => {
  it('says why when the configured browser is missing', async () => {
    const runner = createBrowserRunner({ lookup: async () => [], chromePath: '/nonexistent/chromium' });
    expect(await runner.locate()).toEqual({ ok: false, reason: 'the browser at /nonexistent/chromium is missing or not executable' });
    await expect(runner.lighthouse({ url: 'https://a.test/', timeoutMs: 1_000 })).rejects.toMatchObject({ code: 'NO_BROWSER' });
  });

  it('says why when none is installed', async () => {
    const runner = createBrowserRunner({ lookup: async () => [], load: async () => ({ ...modules, installations: () => [] }) });
    expect(await runner.locate()).toMatchObject({ ok: false, reason: expect.stringContaining('CHROME_PATH') });
  });

  it.skipIf(!chromium)('finds the installed one', async () => {
    expect(await createBrowserRunner({ lookup: async () => [] }).locate()).toEqual({ ok: true, path: chromium });
  });
});

describe.skipIf(!chromium)('createBrowserRunner.lighthouse bounds (hostile lab)', () => {
  let lab: Lab;
  let runner: ReturnType<typeof createBrowserRunner>;
  const launched: { pid: number; profile?: string }[] = [];
  beforeAll(async () => {
    lab = await startLab({ variant: 'hostile' });
    const { config } = await loadConfig(lab.configPath, { env: lab.env });
    const dns = createDnsClient({ server: config.network.resolver, timeoutMs: 2_000 });
    // The real modules, watched: which browser each run started, to see it gone afterwards.
    const watched: LighthouseModules = {
      ...modules,
      launch: async (o) => {
        const chrome: LaunchedChrome = await modules.launch(o);
        launched.push({ pid: (chrome.process as unknown as { pid: number }).pid, profile: chrome.profile });
        return chrome;
      },
    };
    runner = createBrowserRunner({
      lookup: async (h) => (await dns.resolve(h, 'A')).records.map((r) => String(r.data)),
      ports: config.network.ports,
      ca: await readFile(config.network.ca!, 'utf8'),
      privateResolver: true,
      load: async () => watched,
    });
  });
  afterAll(() => lab?.stop());

  it('times out on a page that trickles forever, and kills the browser', async () => {
    const started = performance.now();
    const err = await runner.lighthouse({ url: 'https://slow.hostile.test/', timeoutMs: 4_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrowserError);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
    expect(performance.now() - started).toBeLessThan(15_000);
    const last = launched.at(-1)!;
    expect(alive(last.pid)).toBe(false);
    expect(last.profile && existsSync(last.profile)).toBe(false);
  }, 30_000);

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1_500).unref();
    const before = launched.length;
    await expect(runner.lighthouse({ url: 'https://slow.hostile.test/', timeoutMs: 20_000, signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    for (const l of launched.slice(before)) expect(alive(l.pid)).toBe(false);
  }, 30_000);
});
