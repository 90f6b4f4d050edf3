#!/usr/bin/env node
// Side-by-side load benchmark: `launchready load` against wrk (-t1 -c50) and autocannon (-c50),
// interleaved in one run (A B C, A B C, …) so machine noise hits every tool alike, each client
// pinned to core 0 and the target server (the slow lab server, its own process) to core 1.
//
//   throughput  target answers at once: requests/s of each tool, medians of per-round ratios
//               (goal: ≥ 0.9× autocannon, ≥ 0.7× wrk), every tool's CPU (user+sys / wall).
//   latency     target answers in 20 ms: p95 of each tool (goal: ours within 10 % of wrk's).
//
// Usage: npm run build && node bench/load/run.mjs [--rounds 7] [--duration 8]
//          [--autocannon-dir /tmp/lr-autocannon] [--only throughput|latency]
// Needs: wrk (Debian: apt-get install -y wrk), taskset, /usr/bin/time; autocannon is installed
// into --autocannon-dir on first use (never into the project).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ROUNDS = Number(flag('--rounds', 7));
const DURATION_S = Number(flag('--duration', 8));
const AUTOCANNON_DIR = flag('--autocannon-dir', '/tmp/lr-autocannon');
const AUTOCANNON_VERSION = '8.0.0';
const ONLY = flag('--only', undefined);
const CLIENT_CORE = '0';
const SERVER_CORE = '1';
const CONNECTIONS = 50;

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

function need(cmd, hint) {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) {
    console.error(`${cmd} is missing: ${hint}`);
    process.exit(2);
  }
}
need('wrk', 'apt-get install -y wrk');
need('taskset', 'apt-get install -y util-linux');
if (!existsSync('/usr/bin/time')) {
  console.error('/usr/bin/time is missing: apt-get install -y time');
  process.exit(2);
}
const autocannonBin = join(AUTOCANNON_DIR, 'node_modules', 'autocannon', 'autocannon.js');
if (!existsSync(autocannonBin)) {
  console.error(`installing autocannon@${AUTOCANNON_VERSION} into ${AUTOCANNON_DIR} (not a project dependency)`);
  const r = spawnSync('npm', ['install', '--prefix', AUTOCANNON_DIR, '--no-save', '--no-audit', '--no-fund', `autocannon@${AUTOCANNON_VERSION}`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(2);
}
if (!existsSync(join(root, 'dist', 'cli', 'load.js'))) {
  console.error('dist/ has no load command: run `npm run build` first');
  process.exit(2);
}
// `launchready load` through bin/ once main lists the command; until then the same command
// mounted by bench/load/launchready-load.mjs.
const help = spawnSync(process.execPath, [join(root, 'bin', 'launchready.js'), '--help'], { encoding: 'utf8' }).stdout;
const ourEntry = /^\s+load\b/m.test(help) ? join(root, 'bin', 'launchready.js') : join(here, 'launchready-load.mjs');

const { startSlowServer } = await import(join(root, 'dist', 'lab', 'slow-server.js'));

/** Runs one client pinned to the client core, timed by /usr/bin/time (CPU = user+sys over wall). */
function runPinned(argv) {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'LR_TIME %U %S %e', 'taskset', '-c', CLIENT_CORE, ...argv], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('close', (code) => {
      const t = /LR_TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(stderr);
      const cpuS = t ? Number(t[1]) + Number(t[2]) : NaN;
      const wallS = t ? Number(t[3]) : NaN;
      resolve({ code, stdout, stderr, cpuS, wallS });
    });
  });
}

const TOOLS = {
  launchready: {
    argv: (url) => [process.execPath, ourEntry, 'load', url, '--connections', String(CONNECTIONS), '--duration', `${DURATION_S}s`, '--format', 'json'],
    parse(r) {
      const j = JSON.parse(r.stdout);
      return { rps: j.rps, p50: j.latencyMs.p50, p95: j.latencyMs.p95, p99: j.latencyMs.p99, errors: j.errors, selfCpu: j.clientCpu };
    },
  },
  autocannon: {
    argv: (url) => [process.execPath, autocannonBin, '-c', String(CONNECTIONS), '-d', String(DURATION_S), '-j', url],
    parse(r) {
      const j = JSON.parse(r.stdout);
      // autocannon has no p95 (its table jumps from p90 to p97.5).
      return { rps: j.requests.total / j.duration, p50: j.latency.p50, p95: NaN, p99: j.latency.p99, errors: j.errors + j.non2xx + j.timeouts };
    },
  },
  wrk: {
    argv: (url) => ['wrk', '-t1', `-c${CONNECTIONS}`, `-d${DURATION_S}s`, '-s', join(here, 'wrk-percentiles.lua'), url],
    parse(r) {
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]);
      const m = /LR_WRK p50=(\d+) p95=(\d+) p99=(\d+) max=(\d+) requests=(\d+) errors=(\d+)/.exec(r.stdout);
      return { rps, p50: Number(m[1]) / 1000, p95: Number(m[2]) / 1000, p99: Number(m[3]) / 1000, errors: Number(m[6]) };
    },
  },
};

async function scenario(name, delayMs) {
  const server = await startSlowServer({ delayMs, launcher: ['taskset', '-c', SERVER_CORE] });
  const rows = [];
  try {
    console.log(`\n## ${name}: server delay ${delayMs} ms, ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} rounds`);
    console.log('round  tool         req/s      p50 ms   p95 ms   p99 ms   errors  client CPU  server CPU');
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [tool, spec] of Object.entries(TOOLS)) {
        const before = await server.stats();
        const r = await runPinned(spec.argv(server.url));
        const after = await server.stats();
        if (r.code !== 0) {
          console.error(`${tool} failed (exit ${r.code}):\n${r.stderr}\n${r.stdout}`);
          process.exit(1);
        }
        const m = spec.parse(r);
        const serverCpu = (after.cpuMs - before.cpuMs) / (after.uptimeMs - before.uptimeMs);
        const row = { round, tool, ...m, cpu: r.cpuS / r.wallS, serverCpu };
        rows.push(row);
        console.log(`${String(round).padEnd(6)} ${tool.padEnd(11)} ${fmt(m.rps, 0).padStart(8)}  ${fmt(m.p50, 3).padStart(7)}  ${fmt(m.p95, 3).padStart(7)}  ${fmt(m.p99, 3).padStart(7)}  ${String(m.errors).padStart(6)}  ${fmt(row.cpu * 100, 0).padStart(8)} %  ${fmt(serverCpu * 100, 0).padStart(8)} %${m.selfCpu !== undefined ? `  (self-reported ${fmt(m.selfCpu * 100, 0)} %)` : ''}`);
      }
    }
  } finally {
    await server.stop();
  }
  return rows;
}

const of = (rows, tool, round) => rows.find((r) => r.tool === tool && r.round === round);
const ratios = (rows, key, a, b) => Array.from({ length: ROUNDS }, (_, i) => of(rows, a, i + 1)[key] / of(rows, b, i + 1)[key]);
const toolMedians = (rows, key) => Object.fromEntries(Object.keys(TOOLS).map((t) => [t, median(rows.filter((r) => r.tool === t).map((r) => r[key]))]));

/**
 * A throughput round is clean when, in each of its three runs, one side (client or server) used at
 * least 85 % of its core: someone was the bottleneck. A run where neither was busy lost its core to
 * other work on the machine, and its ratio says nothing about the tools.
 */
const SATURATED = 0.85;
const cleanRound = (rows, round) => Object.keys(TOOLS).every((t) => {
  const r = of(rows, t, round);
  return r.cpu >= SATURATED || r.serverCpu >= SATURATED;
});

const summary = [];
let failed = false;
if (ONLY !== 'latency') {
  const rows = await scenario('throughput', 0);
  const clean = Array.from({ length: ROUNDS }, (_, i) => cleanRound(rows, i + 1));
  const vsAutocannon = ratios(rows, 'rps', 'launchready', 'autocannon');
  const vsWrk = ratios(rows, 'rps', 'launchready', 'wrk');
  const cleanOnly = (xs) => xs.filter((_, i) => clean[i]);
  const judged = clean.filter(Boolean).length >= 3 ? cleanOnly : (xs) => xs;
  const okA = median(judged(vsAutocannon)) >= 0.9;
  const okW = median(judged(vsWrk)) >= 0.7;
  failed ||= !okA || !okW;
  const cleanRows = rows.filter((r) => clean[r.round - 1]);
  const basis = judged === cleanOnly ? cleanRows : rows;
  const rps = toolMedians(basis, 'rps');
  const cpu = toolMedians(basis, 'cpu');
  const srv = toolMedians(basis, 'serverCpu');
  console.log(`\nclean rounds (every run had a side at ≥ ${SATURATED * 100} % CPU): ${clean.map((c, i) => (c ? i + 1 : null)).filter(Boolean).join(' ') || 'none'}`);
  console.log(`throughput ratios per round: vs autocannon ${vsAutocannon.map((x) => fmt(x)).join(' ')}; vs wrk ${vsWrk.map((x) => fmt(x)).join(' ')}`);
  console.log(`medians over all rounds: vs autocannon ${fmt(median(vsAutocannon))}, vs wrk ${fmt(median(vsWrk))}; over clean rounds: vs autocannon ${fmt(median(cleanOnly(vsAutocannon)))}, vs wrk ${fmt(median(cleanOnly(vsWrk)))}`);
  const over = judged === cleanOnly ? `${clean.filter(Boolean).length} clean rounds` : `all ${ROUNDS} rounds (fewer than 3 clean)`;
  summary.push(
    `Throughput, medians over ${over}:`,
    '',
    '| scenario | tool | median req/s | median client CPU | median server CPU | median ratio (ours ÷ tool) | goal | met |',
    '|---|---|---|---|---|---|---|---|',
    `| throughput (0 ms) | launchready | ${fmt(rps.launchready, 0)} | ${fmt(cpu.launchready * 100, 0)} % | ${fmt(srv.launchready * 100, 0)} % | | | |`,
    `| throughput (0 ms) | autocannon | ${fmt(rps.autocannon, 0)} | ${fmt(cpu.autocannon * 100, 0)} % | ${fmt(srv.autocannon * 100, 0)} % | ${fmt(median(judged(vsAutocannon)))} | ≥ 0.9 | ${okA ? 'yes' : 'NO'} |`,
    `| throughput (0 ms) | wrk | ${fmt(rps.wrk, 0)} | ${fmt(cpu.wrk * 100, 0)} % | ${fmt(srv.wrk * 100, 0)} % | ${fmt(median(judged(vsWrk)))} | ≥ 0.7 | ${okW ? 'yes' : 'NO'} |`,
  );
}
if (ONLY !== 'throughput') {
  const rows = await scenario('latency', 20);
  const p95 = ratios(rows, 'p95', 'launchready', 'wrk');
  const med = median(p95);
  const ok = Math.abs(med - 1) <= 0.1;
  failed ||= !ok;
  const m = (k) => toolMedians(rows, k);
  const [p50, p95s, p99, cpu] = [m('p50'), m('p95'), m('p99'), m('cpu')];
  console.log(`\np95 ratio (ours ÷ wrk) per round: ${p95.map((x) => fmt(x, 3)).join(' ')}`);
  summary.push(
    '',
    `Latency, medians over all ${ROUNDS} rounds:`,
    '',
    '| scenario | tool | median p50 ms | median p95 ms | median p99 ms | median client CPU | median p95 ratio (ours ÷ wrk) | goal | met |',
    '|---|---|---|---|---|---|---|---|---|',
    `| 20 ms target | launchready | ${fmt(p50.launchready, 3)} | ${fmt(p95s.launchready, 3)} | ${fmt(p99.launchready, 3)} | ${fmt(cpu.launchready * 100, 0)} % | ${fmt(med, 3)} | within 10 % | ${ok ? 'yes' : 'NO'} |`,
    `| 20 ms target | wrk | ${fmt(p50.wrk, 3)} | ${fmt(p95s.wrk, 3)} | ${fmt(p99.wrk, 3)} | ${fmt(cpu.wrk * 100, 0)} % | | | |`,
    `| 20 ms target | autocannon | ${fmt(p50.autocannon, 3)} | n/a (no p95) | ${fmt(p99.autocannon, 3)} | ${fmt(cpu.autocannon * 100, 0)} % | | | |`,
  );
}
console.log(`\n${summary.join('\n')}`);
console.log(`\nnode ${process.version}, ${ROUNDS} rounds × ${DURATION_S} s, clients on core ${CLIENT_CORE}, server on core ${SERVER_CORE}; ours via ${ourEntry.replace(`${root}/`, '')}`);
process.exitCode = failed ? 1 : 0;
