#!/usr/bin/env node
// Secret-scan benchmark (issue 4): history scan vs `git log -p --all` alone, working-tree
// throughput and slowest file, the same tree against secretlint, and recall/precision on the
// labelled corpus (corpus.mjs). Prints the ratios; `--write` appends them to bench/RESULTS.md.
//
// Usage: npm run build && node bench/secrets/run.mjs [--runs 3] [--regen] [--write]
//          [--repo /tmp/lr-secrets-bench] [--dist dist] [--secretlint /tmp/lr-secretlint] [--no-secretlint]
// The repository is generated once by gen-repo.mjs (≥ 5,000 commits, ≥ 200 MB of patches) under
// /tmp; secretlint is installed into its own temp folder with npm on first use.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus, evaluate } from './corpus.mjs';

const here = resolve(fileURLToPath(import.meta.url), '..');
const root = resolve(here, '..', '..');
const argv = process.argv.slice(2);
const arg = (name, dflt) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);
const flag = (name) => argv.includes(`--${name}`);
const runs = Number(arg('runs', '3'));
const repo = resolve(arg('repo', '/tmp/lr-secrets-bench'));
const dist = resolve(root, arg('dist', 'dist'));
const slDir = resolve(arg('secretlint', '/tmp/lr-secretlint'));
const imp = (p) => import(pathToFileURL(join(dist, p)).href);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (s) => `${s.toFixed(2)} s`;
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;

/** Wall time of a child process (stdout to /dev/null unless captured). */
function timed(cmd, args, opts = {}) {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const out = opts.capture ? 'pipe' : openSync('/dev/null', 'w');
    const child = spawn(cmd, args, { cwd: opts.cwd ?? repo, stdio: ['ignore', out, 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('error', fail);
    child.on('close', (code) => ok({ s: (performance.now() - t0) / 1000, code, stdout, stderr }));
  });
}

async function repeat(label, fn) {
  const xs = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await fn();
    xs.push(last.s);
    process.stderr.write(`  ${label} run ${i + 1}: ${fmt(last.s)}\n`);
  }
  return { s: median(xs), all: xs, last };
}

// ---------------------------------------------------------------- the repository
if (flag('regen') || !existsSync(join(repo, '.git'))) {
  process.stderr.write(`generating ${repo} …\n`);
  const g = spawnSync(process.execPath, [join(here, 'gen-repo.mjs'), '--repo', repo, '--dist', dist], { stdio: 'inherit' });
  if (g.status !== 0) process.exit(1);
}
// Heavy files a real tree also has (untracked, so the history is unchanged): a minified bundle
// on one 3 MB line, a 2 MB lockfile of integrity strings, a 5 MB log. Each carries planted values.
{
  const { Rand, SAMPLES } = await imp('engines/secrets/__fixtures__/samples.js');
  const r = new Rand(99);
  mkdirSync(join(repo, 'bench-extra'), { recursive: true });
  const pick = () => SAMPLES[r.pick(['github-pat', 'stripe-secret-key', 'slack-webhook-url'])].ng(r)[0];
  const min = [];
  for (let i = 0; i < 30_000; i++) min.push(`function ${r.chars(2, 'letters')}(${r.chars(1, 'letters')}){return ${r.chars(3, 'letters')}.map(x=>x*${i})}`);
  min.splice(10_000, 0, `var k="${pick()}"`);
  min.splice(20_000, 0, `var t="${pick()}"`);
  writeFileSync(join(repo, 'bench-extra', 'bundle.min.js'), min.join(';'));
  const lock = ['{', '  "lockfileVersion": 3,', '  "packages": {'];
  for (let i = 0; i < 9_000; i++) lock.push(`    "node_modules/p${i}": { "version": "1.${i}.0", "resolved": "https://registry.npmjs.org/p${i}/-/p${i}-1.${i}.0.tgz", "integrity": "sha512-${r.base64Bytes(64)}" },`);
  lock.push('  }', '}');
  writeFileSync(join(repo, 'bench-extra', 'package-lock.json'), lock.join('\n'));
  const log = [];
  for (let i = 0; i < 60_000; i++) log.push(`2024-05-01T10:${String(i % 60).padStart(2, '0')}:00Z INFO request ${r.uuid()} GET /api/tasks/${i} 200 ${r.int(1, 900)} ms user=${r.hex(12)}`);
  log.splice(30_000, 0, `2024-05-01T10:00:00Z DEBUG env ${pick()}`);
  writeFileSync(join(repo, 'bench-extra', 'app.log'), log.join('\n'));
}
const planted = JSON.parse(readFileSync(`${repo}.planted.json`, 'utf8')).planted;
const commits = Number(spawnSync('git', ['rev-list', '--all', '--count'], { cwd: repo }).stdout.toString().trim());
const patchBytes = Number(spawnSync('sh', ['-c', 'git log -p --all | wc -c'], { cwd: repo }).stdout.toString().trim());
process.stderr.write(`repository: ${commits} commits, ${mb(patchBytes)} of \`git log -p --all\`\n`);

// ---------------------------------------------------------------- history: scan vs git alone
// Runs alternate (git, scan, git, scan …) so both see the same machine load; the ratio is the
// median of the per-pair ratios.
const cli = join(here, 'cli.mjs');
const pairs = [];
let historyLast;
for (let i = 0; i < runs; i++) {
  const g = await timed('git', ['log', '-p', '--all']);
  const h = await timed(process.execPath, [cli, dist, repo, '--no-tree', '--format', 'json', '--quiet', '--fail-on', 'low'], { capture: true });
  pairs.push({ git: g.s, scan: h.s, ratio: h.s / g.s });
  historyLast = h;
  process.stderr.write(`  pair ${i + 1}: git log -p --all ${fmt(g.s)} · launchready secrets --no-tree ${fmt(h.s)} · ${(h.s / g.s).toFixed(2)}×\n`);
}
const gitAlone = { s: median(pairs.map((p) => p.git)) };
const history = { s: median(pairs.map((p) => p.scan)), last: historyLast };
const historyDoc = JSON.parse(history.last.stdout);
const historyFound = historyDoc.results.filter((x) => x.status === 'fail');
const key = (rule, path) => `${rule} ${path}`;
const foundKeys = new Set(historyFound.map((x) => key(x.evidence.rule, x.evidence.path)));
const plantedFound = planted.filter((p) => foundKeys.has(key(p.rule, p.path))).length;

// ---------------------------------------------------------------- working tree
const { createGitRunner } = await imp('context/git.js');
const engine = await imp('engines/secrets/index.js');
const inProcess = [];
let treeStats;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const res = await engine.scanWorkingTree({ root: repo, git: createGitRunner(), compiled: engine.compileRules(engine.BUILTIN_RULES) });
  inProcess.push((performance.now() - t0) / 1000);
  treeStats = res.stats;
}
const treeCli = await repeat('launchready secrets --no-history', () =>
  timed(process.execPath, [cli, dist, repo, '--no-history', '--format', 'json', '--quiet'], { capture: true }));
const treeFindings = JSON.parse(treeCli.last.stdout).results.filter((x) => x.status === 'fail').length;

let secretlint;
if (!flag('no-secretlint')) {
  const bin = join(slDir, 'node_modules', '.bin', 'secretlint');
  if (!existsSync(bin)) {
    mkdirSync(slDir, { recursive: true });
    spawnSync('npm', ['init', '-y'], { cwd: slDir, stdio: 'ignore' });
    const inst = spawnSync('npm', ['install', '--no-audit', '--no-fund', 'secretlint', '@secretlint/secretlint-rule-preset-recommend'], { cwd: slDir, stdio: 'inherit' });
    if (inst.status !== 0) process.exit(1);
  }
  writeFileSync(join(slDir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const version = spawnSync(bin, ['--version']).stdout.toString().trim();
  // `unix` output: one line per finding (`path:line:col: message`), masked, without file contents.
  const sl = await repeat('secretlint', () =>
    timed(bin, ['--secretlintrc', join(slDir, '.secretlintrc.json'), '--format', 'unix', '--no-color', '**/*'], { capture: true }));
  secretlint = { ...sl, version, messages: sl.last.stdout.split('\n').filter((l) => /^\S+:\d+:\d+:/.test(l)).length };
}

// ---------------------------------------------------------------- accuracy
const { Rand, SAMPLES } = await imp('engines/secrets/__fixtures__/samples.js');
const compiled = engine.compileRules(engine.BUILTIN_RULES);
const acc = evaluate(buildCorpus({ Rand, SAMPLES }), (t) => engine.scanFileText('corpus.txt', t, compiled));

// ---------------------------------------------------------------- report
const ratioHistory = median(pairs.map((p) => p.ratio));
const treeMBs = treeStats.bytes / 1e6 / median(inProcess);
const treeMBsCli = treeStats.bytes / 1e6 / treeCli.s;
const ratioSecretlint = secretlint ? secretlint.s / treeCli.s : undefined;
const date = new Date().toISOString().slice(0, 10);
const lines = [
  '## Secrets',
  '',
  `Command: \`npm run build && node bench/secrets/run.mjs --runs ${runs}\` (the repository is generated by`,
  '`bench/secrets/gen-repo.mjs` under /tmp with `git fast-import`; medians of the runs; every scan is a',
  `separate \`node\` process running the CLI, like git and secretlint). Machine: ${cpus().length} cores shared with other`,
  `work, Node ${process.version}, git ${spawnSync('git', ['--version']).stdout.toString().trim().replace('git version ', '')}, ${date}.`,
  '',
  `Repository: ${commits.toLocaleString('en-US')} commits on ${spawnSync('git', ['for-each-ref', '--count=100000', 'refs/heads'], { cwd: repo }).stdout.toString().trim().split('\n').length} branches, ${mb(patchBytes)} of \`git log -p --all\` output; working tree`,
  `${treeStats.files.toLocaleString('en-US')} files, ${mb(treeStats.bytes)} (generated sources plus a 3 MB one-line minified bundle, a 2 MB lockfile, a 5 MB log).`,
  '',
  '| measure | command | median | target | result |',
  '|---|---|---|---|---|',
  `| git alone | \`git log -p --all > /dev/null\` | ${fmt(gitAlone.s)} | floor | — |`,
  `| full-history scan | \`launchready secrets <repo> --no-tree --format json\` (all refs, each secret once with its commit, still-present check; the whole CLI process) | ${fmt(history.s)} | ≤ 1.3× git | **${ratioHistory.toFixed(2)}×** (pairs: ${pairs.map((p) => p.ratio.toFixed(2)).join(', ')}) |`,
  `| working tree, in process | \`scanWorkingTree\` (git ls-files + read + scan) | ${fmt(median(inProcess))} | ≥ 20 MB/s | **${treeMBs.toFixed(0)} MB/s** |`,
  `| working tree, CLI | \`launchready secrets <repo> --no-history --format json\` | ${fmt(treeCli.s)} | — | ${treeMBsCli.toFixed(0)} MB/s |`,
  `| slowest single file | \`${treeStats.slowest?.path}\` | ${((treeStats.slowest?.ms ?? 0) / 1000).toFixed(3)} s | ≤ 1 s | ${(treeStats.slowest?.ms ?? 0) <= 1000 ? 'ok' : 'over'} |`,
  ...(secretlint ? [`| secretlint ${secretlint.version} (recommended preset) | \`secretlint "**/*"\` in the same tree | ${fmt(secretlint.s)} | ≥ 10× slower than ours | **${ratioSecretlint.toFixed(1)}×** |`] : []),
  '',
  `History findings: ${historyFound.length}; planted values found: **${plantedFound}/${planted.length}** (one every 20 commits, of ${new Set(planted.map((p) => p.rule)).size} rules, some only`,
  `in deleted files or side branches). Working-tree findings: ${treeFindings}${secretlint ? `; secretlint reported ${secretlint.messages} on the same tree` : ''}.`,
  '',
  `Accuracy on the labelled corpus (\`bench/secrets/corpus.mjs\`): ${acc.positives.toLocaleString('en-US')} positives (every rule, 30 generated`,
  `values each, in 4 surroundings) and ${acc.negatives} look-alikes (UUIDs, hashes and digests, npm/yarn/SRI integrity strings, minified`,
  'code, data URIs, source maps, password hashes, identifiers under secret-sounding keys, random strings without a key,',
  `documentation samples): **recall ${(acc.recall * 100).toFixed(1)} %**, **precision ${(acc.precision * 100).toFixed(1)} %** (TP ${acc.tp}, FN ${acc.fn}, FP ${acc.fp}).`,
  ...(acc.fn ? [`Missed: ${JSON.stringify(acc.missed)}.`] : []),
  ...(acc.fp ? [`False positives: ${JSON.stringify(acc.falseBy)}.`] : []),
  '',
];
const text = lines.join('\n');
process.stdout.write(`${text}\n`);
process.stdout.write(`ratios: history/git ${ratioHistory.toFixed(2)} · tree ${treeMBs.toFixed(0)} MB/s · secretlint/ours ${ratioSecretlint?.toFixed(1) ?? 'n/a'} · recall ${acc.recall.toFixed(3)} · precision ${acc.precision.toFixed(3)}\n`);
if (flag('write')) {
  const file = join(root, 'bench', 'RESULTS.md');
  if (!existsSync(file)) writeFileSync(file, '# Benchmark results\n\n');
  appendFileSync(file, `\n${text}`);
  process.stderr.write(`appended to ${file}\n`);
}
