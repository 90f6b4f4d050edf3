import { describe, expect, it } from 'vitest';
import type { LaunchConfig } from '../config/types.js';
import { createCheck } from './create-check.js';
import { runChecks } from './runner.js';
import { createTargets } from './targets.js';
import type { CheckContext } from './types.js';

const config = {
  project: 'Acme Ops', file: '/x/launchready.yml', dir: '/x', repo: '/x',
  network: { timeoutMs: 200, concurrency: 2 },
  environments: { production: { hosts: [{ name: 'app.acme.test' }] } },
  pages: [], smoke: [],
  audit: { ignore: [], rate_limit_probe: true, rate_limit_burst: 60, secrets: { allow_paths: [] } },
} as unknown as LaunchConfig;

const make = (id: string, run: (ctx: CheckContext) => Promise<void>, needs: any[] = []) =>
  createCheck({
    meta: { id, stage: 1, title: id, defaultSeverity: 'high', targetKind: 'host', needs },
    messages: { bad: 'bad {{thing}} on {{target}}' },
    remediation: { bad: 'fix it' },
    run,
  });

const opts = (checks: any[], extra: object = {}) => ({
  checks, config, effects: {} as any, probes: {} as any,
  targets: createTargets(config, (h) => h), ...extra,
});

describe('runner', () => {
  it.each([
    ['a throw becomes an error result', async () => { throw Object.assign(new Error('boom'), { code: 'EBOOM' }); }, 'error', 'EBOOM'],
    ['a hang becomes a timeout error', () => new Promise<void>(() => {}), 'error', 'TIMEOUT'],
    ['reporting nothing becomes a skip', async () => {}, 'skip', undefined],
  ])('%s', async (_name, run, status, code) => {
    const results = await runChecks(opts([make('x.y', run as any)], { checkTimeoutMs: 100 }));
    expect(results).toHaveLength(1);
    expect(results[0].status).toBe(status);
    if (code) expect(results[0].evidence?.code).toBe(code);
  });

  it('stamps id, title, docs, severity, message and a cause-based fingerprint', async () => {
    const check = make('tls.expiry', async (ctx) => {
      ctx.fail({ target: 'app.acme.test', messageId: 'bad', data: { thing: 'cert' }, evidence: { daysLeft: 12 } });
    });
    const [r] = await runChecks(opts([check]));
    expect(r).toMatchObject({
      check: 'tls.expiry', status: 'fail', severity: 'high', message: 'bad cert on app.acme.test',
      remediation: 'fix it', docs: 'docs/checks/tls.expiry.md', messageId: 'bad',
    });
    const again = make('tls.expiry', async (ctx) => {
      ctx.fail({ target: 'app.acme.test', messageId: 'bad', data: { thing: 'other' }, evidence: { daysLeft: 11 } });
    });
    const [r2] = await runChecks(opts([again]));
    expect(r2.fingerprint).toBe(r.fingerprint);
  });

  it('skips a check whose config section is missing, with the reason', async () => {
    const [r] = await runChecks(opts([make('email.spf', async () => {}, ['email'])]));
    expect(r.status).toBe('skip');
    expect(r.message).toMatch(/email/);
  });

  it('runs at most `concurrency` checks at once', async () => {
    let running = 0;
    let peak = 0;
    const slow = (id: string) => make(id, async (ctx) => {
      running++; peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 20));
      running--; ctx.pass('t');
    });
    const results = await runChecks(opts(['a.a', 'b.b', 'c.c', 'd.d', 'e.e'].map(slow), { concurrency: 2 }));
    expect(results).toHaveLength(5);
    expect(peak).toBe(2);
  });

  it('runs load measurements after every other check and keeps the registry order in results', async () => {
    const log: string[] = [];
    const step = (id: string, ms: number, measuresLoad = false) => {
      const c = make(id, async (ctx) => {
        log.push(`start ${id}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${id}`);
        ctx.pass('t');
      });
      return measuresLoad ? { ...c, meta: { ...c.meta, measuresLoad: true } } : c;
    };
    const results = await runChecks(opts([step('perf.a', 5, true), step('x.slow', 40), step('x.fast', 5)], { concurrency: 4 }));
    expect(results.map((r) => r.check)).toEqual(['perf.a', 'x.slow', 'x.fast']);
    expect(log.indexOf('start perf.a')).toBeGreaterThan(log.indexOf('end x.slow'));
  });

  it('an unknown messageId is a bug in the check: an error result, not a crash', async () => {
    const [r] = await runChecks(opts([make('x.y', async (ctx) => ctx.fail({ target: 't', messageId: 'nope' }))]));
    expect(r.status).toBe('error');
  });
});
