import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.js';
import { createEffects } from '../../context/create-effects.js';
import { createApiSession } from '../../probes/api-session.js';
import { createProbes } from '../../probes/create-probes.js';
import { labPool } from '../../test-support/check-tester.js';
import type { Lab } from '../../lab/index.js';
import { baselineProbeOptions } from './gather.js';
import { addressLookup } from '../../context/address-lookup.js';
import { measureBaseline } from './measure.js';

const lab = labPool();
const effectsToClose: { close(): Promise<void> }[] = [];
afterAll(async () => { await Promise.all(effectsToClose.map((e) => e.close())); });

async function setUp(l: Lab, edit?: (raw: Record<string, any>) => void) {
  const { config } = await loadConfig(edit ? await l.writeConfig(edit) : l.configPath, { env: l.env });
  const fx = await createEffects(config.network);
  effectsToClose.push(fx);
  return { config, fx };
}

async function measure(l: Lab, opts: { writes?: boolean; edit?: (raw: Record<string, any>) => void } = {}) {
  const { config, fx } = await setUp(l, opts.edit);
  const started = performance.now();
  const got = await measureBaseline({
    config, login: createApiSession(fx.http, config.api, { timeoutMs: config.network.timeoutMs }), lookup: addressLookup(fx.dns), http: fx.http, writes: opts.writes,
  });
  return { got, seconds: (performance.now() - started) / 1000 };
}

describe('measureBaseline against the lab', () => {
  it('default: the planted slow paths, the 429s and their headers, within ~6 s', async () => {
    const { got, seconds } = await measure(await lab('default'));
    if (!got.ok) throw new Error(got.error.message);
    const run = got.value;
    expect(seconds).toBeLessThan(7);
    expect(run.endpoints.map((e) => [e.name, e.kind, e.budgetMs, e.requests])).toEqual([
      ['list tasks', 'read', 300, 30], ['create task', 'write', 800, 30], ['task report', 'read', 300, 30],
      ['export report', 'write', 800, 30], ['my profile', 'read', 300, 30], ['search tasks', 'read', 300, 30],
    ]);
    const by = Object.fromEntries(run.endpoints.map((e) => [e.name, e]));
    expect(by['task report'].latencyMs.p95).toBeGreaterThan(440);
    expect(by['export report'].latencyMs.p95).toBeGreaterThan(1090);
    expect(by['list tasks'].success).toMatchObject({ status: 200, rows: 250, pagination: [] });
    expect(by['task report'].success?.headers.etag).toBeUndefined();
    expect(by['my profile'].success?.headers['cache-control']).toBe('public, max-age=300');
    // About half of a 10/s search is over a 5/s limit.
    expect(by['search tasks'].errorRate).toBeGreaterThan(0.25);
    expect(by['search tasks'].errorAnswers).toEqual([expect.objectContaining({ status: 429 })]);
    expect(by['search tasks'].errorAnswers[0].headers['retry-after']).toBeUndefined();
    expect(by['search tasks'].unsampledStatuses).toEqual([]);
    expect(JSON.stringify(run)).not.toMatch(/bearer|demo-password/i);
  }, 20_000);

  it('fixed: everything within budget, answers paginated and validated', async () => {
    const { got } = await measure(await lab('fixed'));
    if (!got.ok) throw new Error(got.error.message);
    for (const e of got.value.endpoints) {
      expect(e.latencyMs.p95, e.name).toBeLessThan(e.budgetMs);
      expect(e.errors, e.name).toBe(0);
    }
    const by = Object.fromEntries(got.value.endpoints.map((e) => [e.name, e]));
    expect(by['list tasks'].success?.pagination).toEqual(['Link rel="next"', 'next']);
    expect(by['task report'].success?.headers.etag).toMatch(/^W\/"summary-/);
    expect(by['export report'].success).toMatchObject({ status: 202, headers: { location: expect.stringMatching(/^\/api\/jobs\//) } });
  }, 20_000);

  it('reads only: the writes are listed as skipped, not sent', async () => {
    const { got } = await measure(await lab('fixed'), { writes: false, edit: (raw) => { raw.baseline = { requests: 10, warmup: 0 }; } });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.endpoints.map((e) => e.name)).toEqual(['list tasks', 'task report', 'my profile', 'search tasks']);
    expect(got.value.skipped).toEqual([
      { name: 'create task', reason: 'a non-intrusive run leaves the writes out' },
      { name: 'export report', reason: 'a non-intrusive run leaves the writes out' },
    ]);
    expect(got.value.settings).toMatchObject({ rate: 10, requests: 10, warmup: 0 });
    for (const e of got.value.endpoints) expect(e.requests).toBe(10);
  }, 20_000);

  it('a rejected login is an error, and nothing is loaded', async () => {
    const { got, seconds } = await measure(await lab('default'), { edit: (raw) => { raw.api.login.body.password = 'wrong'; } });
    expect(got).toEqual({ ok: false, error: { code: 'LOGIN_REJECTED', message: expect.stringMatching(/answered 401/) } });
    expect(seconds).toBeLessThan(2);
  });

  it('a refused API is a run with no answers, counted by kind', async () => {
    const { got } = await measure(await lab('hostile'), {
      edit: (raw) => { raw.api = { base: 'https://refused.hostile.test', endpoints: [{ name: 'ping', path: '/ping' }] }; raw.baseline = { requests: 10, warmup: 1 }; },
    });
    if (!got.ok) throw new Error(got.error.message);
    const [e] = got.value.endpoints;
    expect(e).toMatchObject({ name: 'ping', requests: 10, errors: 10, errorRate: 1, errorsByKind: { refused: 10 }, latencyMs: { count: 0 }, errorAnswers: [] });
    expect(e.success).toBeUndefined();
  }, 20_000);

  it.each([
    ['no api section', (raw: Record<string, any>) => { delete raw.api; }, 'NO_API'],
    ['no endpoints', (raw: Record<string, any>) => { raw.api.endpoints = []; }, 'NO_ENDPOINTS'],
  ])('%s → %s', async (_name, edit, code) => {
    const { got } = await measure(await lab('default'), { edit });
    expect(got.ok ? undefined : got.error.code).toBe(code);
  });
});

describe('probes.baseline', () => {
  it('measures once per run, however many checks ask', async () => {
    const { config, fx } = await setUp(await lab('fixed'), (raw) => { raw.baseline = { requests: 10, warmup: 1 }; });
    const probes = createProbes(fx, { timeoutMs: config.network.timeoutMs, api: config.api, baseline: baselineProbeOptions(config, [{ meta: { intrusive: false } }]) });
    const first = probes.baseline!();
    expect(probes.baseline!()).toBe(first);
    const got = await first;
    if (!got.ok) throw new Error(got.error.message);
    // No intrusive check in the run: the writes stay out.
    expect(got.value.skipped.map((s) => s.name)).toEqual(['create task', 'export report']);
    expect(await probes.login!()).toMatchObject({ ok: true });
  }, 20_000);

  it('is absent without baseline options (checks then measure on their own)', async () => {
    const { config, fx } = await setUp(await lab('fixed'));
    expect(createProbes(fx, { timeoutMs: config.network.timeoutMs, api: config.api }).baseline).toBeUndefined();
    expect(baselineProbeOptions(config, [{ meta: {} }, { meta: { intrusive: true } }]).writes).toBe(true);
  });
});
