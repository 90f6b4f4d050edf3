// The README's first command, end to end: the demo audit finds launch blockers in the sample app,
// the fixed variant comes out clean, and the hostile lab is bounded in time and memory.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/test-io.js';
import { startLab, type Lab } from '../../src/lab/index.js';
import { labPostgresAvailable } from '../../src/lab/postgres.js';

const chromiumInstalled = () => ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', process.env.CHROME_PATH ?? ''].some((p) => p !== '' && existsSync(p));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchready-demo-'));
});

async function demo(...args: string[]) {
  const m = memoryIo(dir);
  const code = await main(['node', 'launchready', 'demo', '--out-dir', 'out', ...args], m.io);
  return { code, out: m.stdout(), err: m.stderr() };
}

describe('launchready demo', () => {
  // One demo run serves the text and the JSON assertions: report.json is the `--format json` document.
  let text: Awaited<ReturnType<typeof demo>>;
  beforeAll(async () => {
    text = await demo();
  }, 180_000);

  it('prints a risk list with launch blockers and writes the HTML report', async () => {
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/LAUNCH BLOCKER/);
    expect(text.err).toMatch(/HTML report: .*out\/report\.html/);
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('Deployment map');
    const map = await readFile(join(dir, 'out', 'deployment-map.md'), 'utf8');
    expect(map).toContain('```mermaid');
    // The perf checks' one measurement also gives the baseline report: slow paths, one fix each.
    const baseline = await readFile(join(dir, 'out', 'baseline-report.md'), 'utf8');
    expect(baseline).toMatch(/task report/);
    expect(baseline).toMatch(/export report/);
  });

  it('finds every planted risk of the sample app (json)', async () => {
    const doc = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8'));
    expect(doc.summary.blocker).toBeGreaterThan(0);
    const failed = new Set(doc.results.filter((x: any) => x.status === 'fail').map((x: any) => x.check));
    const registered = JSON.parse((await run('checks', 'list', '--format', 'json')).out).map((c: any) => c.id);
    // The demo's relay accepts mail in both variants; a refusing relay is covered in test-send's own tests.
    const notPlanted = new Set(['email.test-send']);
    // Machines without PostgreSQL's server binaries or Chromium skip these two, with the reason.
    if (!labPostgresAvailable()) notPlanted.add('perf.slow-queries');
    if (!chromiumInstalled()) notPlanted.add('web.lighthouse');
    for (const id of registered) if (!notPlanted.has(id)) expect(failed, `${id} found nothing in the risky sample app`).toContain(id);
  });

  it('comes out clean with --fixed', async () => {
    const r = await demo('--fixed', '--format', 'json');
    const doc = JSON.parse(r.out);
    const bad = doc.results.filter((x: any) => x.status === 'fail' || x.status === 'error');
    expect(bad.map((x: any) => `${x.check} ${x.target}: ${x.message}`)).toEqual([]);
    expect(doc.summary.score).toBe(100);
  }, 180_000);
});

async function run(...args: string[]) {
  const m = memoryIo(dir);
  const code = await main(['node', 'launchready', ...args], m.io);
  return { code, out: m.stdout(), err: m.stderr() };
}

describe('audit of the hostile lab', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab({ variant: 'hostile' });
  });
  afterAll(async () => lab?.stop());

  it('finishes within its timeouts, stays under 300 MB and turns every hostile host into error or fail', async () => {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    const started = performance.now();
    const r = await run('audit', '--config', lab.configPath, '--format', 'json');
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    expect(r.code === 0 || r.code === 1).toBe(true);
    expect(seconds).toBeLessThan(45);
    expect(peak / 2 ** 20).toBeLessThan(300);
    const doc = JSON.parse(r.out);
    const broken = ['slow', 'big', 'bomb', 'headers', 'stall', 'wall', 'refused', 'timeout', 'servfail'].map((h) => `${h}.hostile.test`);
    const passesOnBroken = doc.results.filter(
      (x: any) => x.status === 'pass' && broken.some((h) => String(x.target).includes(h)) && /^(https|redirect|admin|cors|subdomain|deploy|api|edge|web|cache|perf)\./.test(x.check),
    );
    expect(passesOnBroken.map((x: any) => `${x.check} ${x.target}`)).toEqual([]);
    const errors = doc.results.filter((x: any) => x.status === 'error');
    for (const x of errors) expect(x.message).toMatch(/Could not check: .+/);
  }, 90_000);
});
