import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/index.js';
import { labPostgresAvailable } from '../lab/postgres.js';
import { registerBaseline } from './baseline.js';
import { EXIT } from './io.js';
import { memoryIo } from './test-io.js';

let defaultLab: Lab;
let fixedLab: Lab;
beforeAll(async () => {
  [defaultLab, fixedLab] = await Promise.all([startLab({ variant: 'default' }), startLab({ variant: 'fixed' })]);
}, 30_000);
afterAll(async () => {
  await Promise.all([defaultLab?.stop(), fixedLab?.stop()]);
});

/** The command as main.ts mounts it, run in the lab's folder. */
async function cli(lab: Lab, args: string[]) {
  const m = memoryIo(lab.dir, lab.env);
  let code: number = EXIT.ok;
  const program = new Command('launchready').exitOverride().configureOutput({ writeOut: (s) => m.io.stdout(s), writeErr: (s) => m.io.stderr(s) });
  registerBaseline(program, m.io, (c) => (code = c));
  try {
    await program.parseAsync(['node', 'launchready', 'baseline', ...args]);
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    code = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return { code, out: m.stdout(), err: m.stderr() };
}

const runsIn = async (lab: Lab) => (await readdir(join(lab.dir, '.launchready', 'baselines')).catch(() => [] as string[])).sort();

describe('launchready baseline', () => {
  let defaultRun: string;

  it('default: prints the table, saves the run, writes the report, exits 1', async () => {
    const started = performance.now();
    const r = await cli(defaultLab, ['--config', defaultLab.configPath, '--out-dir', 'out']);
    expect((performance.now() - started) / 1000).toBeLessThan(15);
    expect(r.code).toBe(EXIT.findings);
    expect(r.out).toMatch(/^Baseline of Acme Ops — https:\/\/api\.acme\.test\n {2}6 endpoints × 30 requests at 10\/s each \(3 warm-up\)/);
    expect(r.out).toMatch(/✗ task report +GET \/api\/reports\/summary +read +30 +\d+ ms +\d{3} ms/);
    expect(r.out).toMatch(/✗ export report +POST \/api\/reports\/export +write +30 +.* 800 ms +0 %/);
    expect(r.out).toMatch(/✗ search tasks .* 300 ms +\d+(\.\d)? % \(429×\d+\)/);
    expect(r.out).toMatch(/✓ my profile /);
    expect(r.out).toContain('2 over the p95 budget, 1 over the 2 % error budget');
    expect(r.out).toMatch(/Saved to \.launchready\/baselines\/\d{4}-\d\d-\d\dT[\d-]+\.\d+Z\.json\n$/);
    const runs = await runsIn(defaultLab);
    expect(runs).toHaveLength(1);
    defaultRun = join(defaultLab.dir, '.launchready', 'baselines', runs[0]);

    const report = await readFile(join(defaultLab.dir, 'out', 'baseline-report.md'), 'utf8');
    expect(report).toContain('## Top 5 slow paths');
    expect(report).toMatch(/\| 1 \| task report — `GET \/api\/reports\/summary` \| \d{3} ms \| 300 ms \| 1\.\d\d× \| Cache with ETag \|/);
    expect(report).toMatch(/\| 2 \| export report — `POST \/api\/reports\/export` \| 1,\d{3} ms \| 800 ms \| 1\.\d\d× \| Move downstream work to a queue \|/);
    expect(report).toMatch(/list tasks — `GET \/api\/tasks` .* \| Paginate \|/);
    expect(report).toContain('one answer holds 250 rows');
    // web.third-party's finding on the key pages names the script to drop.
    expect(report).toMatch(/Drop a render-blocking script/);
    expect(report).toContain('cdn.widgets.test/widget.js');
    for (const text of [r.out, r.err, report, await readFile(defaultRun, 'utf8')]) {
      expect(text).not.toContain('demo-password');
      expect(text).not.toMatch(/bearer/i);
    }
  }, 30_000);

  it('fixed: JSON with the before/after numbers against the default run, exits 0', async () => {
    const r = await cli(fixedLab, ['--config', fixedLab.configPath, '--format', 'json', '--compare', defaultRun]);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ format: 'launchready-baseline/1', project: expect.stringContaining('Acme Ops'), settings: { rate: 10, requests: 30, warmup: 3 }, comparison: { against: defaultRun } });
    expect(doc.savedTo).toMatch(/\.launchready\/baselines\/.*\.json$/);
    expect(doc.endpoints.map((e: { name: string; requests: number }) => [e.name, e.requests])).toEqual([
      ['list tasks', 30], ['create task', 30], ['task report', 30], ['export report', 30], ['my profile', 30], ['search tasks', 30],
    ]);
    for (const e of doc.endpoints) expect(e.latencyMs.p95).toBeLessThan(e.budgetMs);
    const trend = Object.fromEntries(doc.comparison.rows.map((row: { name: string; trend: string }) => [row.name, row.trend]));
    expect(trend).toMatchObject({ 'task report': 'better', 'export report': 'better', 'search tasks': 'better' });
    const report = doc.comparison.rows.find((row: { name: string }) => row.name === 'task report');
    expect(report.deltaP95Ms).toBeLessThan(-300);
  }, 30_000);

  it('fixed, reads only: compares with `latest` and saves nothing', async () => {
    const before = await runsIn(fixedLab);
    const r = await cli(fixedLab, ['--config', fixedLab.configPath, '--no-writes', '--no-save', '--compare', 'latest']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('not measured (a non-intrusive run leaves the writes out): create task, export report');
    expect(r.out).toMatch(/Compared with the run of .* \(\.launchready\/baselines\/.*\.json\)/);
    expect(r.out).toMatch(/ create task +[\d.]+ ms +— +— +0 % → — +unmeasured/);
    expect(r.out).not.toContain('Saved to');
    expect(await runsIn(fixedLab)).toEqual(before);
  }, 30_000);

  it('exits 3 when the login is rejected, saying why without the password', async () => {
    const configPath = await defaultLab.writeConfig((raw) => { raw.api.login.body.password = 'wrong-s3cret'; });
    const r = await cli(defaultLab, ['--config', configPath]);
    expect(r.code).toBe(EXIT.runFailed);
    expect(r.err).toMatch(/^baseline: login POST https:\/\/api\.acme\.test\/api\/login answered 401 .*\(LOGIN_REJECTED\)\n$/);
    expect(r.out).toBe('');
    expect(r.err).not.toContain('wrong-s3cret');
  });

  it.each([
    ['no api section', (raw: Record<string, any>) => { delete raw.api; }, [], /no `api` section/],
    ['no endpoints', (raw: Record<string, any>) => { raw.api.endpoints = []; }, [], /no `api.endpoints` declared/],
    ['an unknown baseline key', (raw: Record<string, any>) => { raw.baseline = { rat: 5 }; }, [], /LR_CONFIG_UNKNOWN_KEY unknown key "rat" — did you mean "rate"\?/],
    ['a missing compare file', () => undefined, ['--compare', 'nope.json'], /no baseline run at .*nope\.json/],
    ['`previous` with one run saved', () => undefined, ['--compare', 'previous'], /there is no previous one|no saved baseline run/],
  ])('exits 2 on %s', async (_name, edit, args, message) => {
    const configPath = await defaultLab.writeConfig(edit);
    const r = await cli(defaultLab, ['--config', configPath, ...args]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(message);
  });

  it('exits 2 on a file that is not a run', async () => {
    await writeFile(join(defaultLab.dir, 'other.json'), '{"requests": 1}');
    const r = await cli(defaultLab, ['--config', defaultLab.configPath, '--compare', 'other.json']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/is not a launchready baseline run/);
  });
});

describe.skipIf(!labPostgresAvailable())('launchready baseline with the app database', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab({ variant: 'default', postgres: true });
  }, 60_000);
  afterAll(async () => lab?.stop());

  it('names the index perf.slow-queries suggests for the table a slow path reads', async () => {
    const r = await cli(lab, ['--config', lab.configPath, '--out-dir', 'out', '--no-save']);
    expect(r.code).toBe(EXIT.findings);
    const report = await readFile(join(lab.dir, 'out', 'baseline-report.md'), 'utf8');
    expect(report).toMatch(/Add an index/);
    expect(report).toContain('CREATE INDEX CONCURRENTLY tasks_');
    // The database URL carries a password: the report never shows it.
    const password = new URL(String(lab.config.database && (lab.config.database as { url: string }).url)).password;
    expect(password.length).toBeGreaterThan(0);
    expect(report).not.toContain(password);
    expect(r.out + r.err).not.toContain(password);
  }, 60_000);
});
