#!/usr/bin/env node
// Side by side: the RFC 7208 suite's 203 cases through Debian's python3-spf (pyspf, the
// reference implementation) and through ours, against the same lab DNS servers (one per
// scenario, real UDP/TCP on loopback). Prints agreement and time per case for both.
//
// Usage: npm run build && node bench/spf/run.mjs [--suite rfc4408] [--timeout-ms 500] [--dist <build dir>]
// Needs Debian's python3-spf, which this script never installs:
//   sudo apt-get update && sudo apt-get install -y python3-spf
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const suiteName = opt('--suite', 'rfc7208');
const timeoutMs = Number(opt('--timeout-ms', '500'));
const python = opt('--python', '/usr/bin/python3');

const runner = join(resolve(opt('--dist', join(root, 'dist'))), 'engines', 'spf', 'conformance-runner.js');
if (!existsSync(runner)) {
  console.error(`${runner} is missing: run \`npm run build\` first.`);
  process.exit(2);
}
const probe = spawnSync(python, ['-c', 'import spf; print(spf.__version__)'], { encoding: 'utf8' });
if (probe.status !== 0) {
  console.error(`pyspf is not importable by ${python}. This bench installs nothing; on Debian/Ubuntu run:\n` +
    '  sudo apt-get update && sudo apt-get install -y python3-spf\n(or pass --python <interpreter with pyspf>)');
  process.exit(2);
}
const pyspfVersion = probe.stdout.trim();

const { startSpfSuite } = await import(pathToFileURL(runner).href);
const text = readFileSync(join(root, 'test', 'conformance', 'spf', `${suiteName}-tests.yml`), 'utf8');
const suite = await startSpfSuite(text, { timeoutMs });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

try {
  // Ours: in process, one case after another (as pyspf runs them).
  const ours = [];
  const t0 = performance.now();
  for (const c of suite.cases) ours.push(await suite.evaluate(c));
  const oursWall = performance.now() - t0;

  // pyspf: one interpreter for all cases; its time is measured around each check2() call.
  const input = suite.cases.map((c, id) => {
    const address = suite.serverFor(c);
    const [server, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
    return { id, server, port, ip: c.host, mailfrom: c.mailfrom, helo: c.helo, timeout: timeoutMs / 1000 };
  });
  const t1 = performance.now();
  const theirs = await new Promise((resolve, reject) => {
    const child = spawn(python, [join(here, 'pyspf_driver.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`pyspf driver exited ${code}`))));
    child.stdin.end(JSON.stringify(input));
  });
  const theirsWall = performance.now() - t1;

  let agree = 0;
  let oursAccepted = 0;
  let theirsAccepted = 0;
  let oursPreferred = 0;
  let theirsPreferred = 0;
  const disagreements = [];
  suite.cases.forEach((c, i) => {
    const a = ours[i].result;
    const b = theirs[i].result;
    if (a === b) agree++;
    else disagreements.push(`${c.name}: ours ${a}, pyspf ${b} ("${theirs[i].explanation}"), suite ${c.results.join("|")}`);
    if (c.results.includes(a)) oursAccepted++;
    if (c.results.includes(b)) theirsAccepted++;
    if (a === c.results[0]) oursPreferred++;
    if (b === c.results[0]) theirsPreferred++;
  });
  const n = suite.cases.length;
  const oursMs = ours.map((o) => o.ms);
  const theirsMs = theirs.map((t) => t.ms);
  const row = (name, accepted, preferred, ms, wall) =>
    `| ${name} | ${accepted}/${n} | ${preferred}/${n} | ${median(ms).toFixed(2)} | ${mean(ms).toFixed(2)} | ${p95(ms).toFixed(2)} | ${(wall / 1000).toFixed(2)} s |`;
  console.log(`SPF side by side: ${suiteName} suite, ${n} cases, DNS timeout ${timeoutMs} ms, pyspf ${pyspfVersion}, Node ${process.version}`);
  console.log(`agreement: ${agree}/${n} identical results`);
  for (const d of disagreements) console.log(`  differs: ${d}`);
  console.log('| implementation | accepted result | preferred result | median ms/case | mean ms/case | p95 ms/case | total wall |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row('launchready (TypeScript)', oursAccepted, oursPreferred, oursMs, oursWall));
  console.log(row(`pyspf ${pyspfVersion} (python3-spf)`, theirsAccepted, theirsPreferred, theirsMs, theirsWall));
} finally {
  await suite.stop();
}
