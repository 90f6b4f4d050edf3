#!/usr/bin/env node
// Times the whole demo audit (lab start, every check, reports, lab stop) as a user runs it, and
// reads the peak RSS of the process from the kernel's accounting (getrusage of the child).
// Usage: npm run bench:audit [-- --runs 5] [-- --fixed]
// Variants: the demo (default), the launch-ready demo (fixed), and an audit of the hostile lab.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const variants = args.includes('--fixed') ? ['fixed'] : ['default', 'fixed', 'hostile'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The hostile lab runs in this process; the audit of it runs as a child, measured like the demo.
const { startLab } = await import(join(root, 'dist', 'lab', 'index.js'));

for (const variant of variants) {
  const walls = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const lab = variant === 'hostile' ? await startLab({ variant: 'hostile' }) : undefined;
    const demoArgs = lab
      ? ['bin/launchready.js', 'audit', '--config', lab.configPath, '--format', 'json', '--quiet']
      : ['bin/launchready.js', 'demo', '--format', 'json', '--quiet', '--out-dir', join('.launchready', 'bench')];
    if (variant === 'fixed') demoArgs.push('--fixed');
    const t0 = performance.now();
    // /usr/bin/time -f %M prints the child's peak resident set in KiB on stderr.
    const r = await new Promise((resolve) => {
      const child = spawn('/usr/bin/time', ['-f', 'maxrss_kib=%M', process.execPath, ...demoArgs], { cwd: root });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => { stdout += c; });
      child.stderr.on('data', (c) => { stderr += c; });
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    const wall = performance.now() - t0;
    await lab?.stop();
    // The audit exits 1 when it finds blockers; only 2 and 3 mean it did not run.
    if (r.status !== 0 && r.status !== 1) {
      console.error(r.stderr);
      process.exit(1);
    }
    const doc = JSON.parse(r.stdout);
    const kib = Number(/maxrss_kib=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
    walls.push(wall);
    rss.push(kib / 1024);
    console.log(`${variant} run ${i + 1}: wall ${(wall / 1000).toFixed(2)} s, audit ${(doc.durationMs / 1000).toFixed(2)} s, peak RSS ${(kib / 1024).toFixed(0)} MB, ${doc.results.length} results`);
  }
  console.log(`${variant}: median wall ${(median(walls) / 1000).toFixed(2)} s (budget 20 s, ratio ${(median(walls) / 20000).toFixed(2)}), max peak RSS ${Math.max(...rss).toFixed(0)} MB (budget 300 MB)`);
}
