#!/usr/bin/env node
// Generates the history-scan benchmark repository with `git fast-import` (fast, no working-tree
// churn): ≥ 5,000 commits and ≥ 200 MB of `git log -p --all` output, in /tmp (never in this repo).
// Each commit adds a ~20 KB source file, edits a block of an existing one, and (once the tree
// holds 1,200 files) deletes the oldest — so the history is large while the tree stays ~25 MB.
// Every 20th commit plants one generated secret (a random rule's real-shaped value); the list of
// planted values goes to <repo>.planted.json (hashes and rule ids: the values stay in the repo).
//
// Usage: node bench/secrets/gen-repo.mjs [--repo /tmp/lr-secrets-bench] [--commits 5000] [--dist dist]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const repo = resolve(arg('repo', '/tmp/lr-secrets-bench'));
const commits = Number(arg('commits', '5000'));
const dist = resolve(root, arg('dist', 'dist'));
const { Rand, SAMPLES } = await import(join(dist, 'engines', 'secrets', '__fixtures__', 'samples.js'));

const r = new Rand(20_240_601);
const WORDS = ['const', 'let', 'return', 'await', 'async', 'function', 'import', 'export', 'from', 'value', 'result',
  'data', 'items', 'index', 'length', 'config', 'options', 'request', 'response', 'user', 'name', 'task', 'list',
  'session', 'cache', 'client', 'server', 'handler', 'error', 'status', 'key', 'map', 'filter', 'reduce', 'push',
  'id', 'type', 'schema', 'query', 'update', 'delete', 'create', 'https', 'url', 'mask', 'disk', 'risk', 'asia'];
// Words the secret rules key on (token, password, secret, auth…): in about one identifier in 40,
// i.e. on roughly one line in eight, as in application code that handles logins and API calls.
const SECRETISH = ['token', 'password', 'secret', 'auth', 'apiKey', 'credentials', 'accessKey', 'signingKey'];
const ident = () => `${r.next() < 0.025 ? r.pick(SECRETISH) : r.pick(WORDS)}${r.pick(['', 'Id', 'List', 'Map', 'Count', 'Name', 'Key', 'Url'])}${r.int(0, 99)}`;

/** One line of code-like text in one of a few dialects (TS, Python, JSON, YAML, Markdown). */
function line(ext) {
  const v = r.next();
  if (v < 0.04) return `  // ${ident()} ${ident()} ${ident()} ${r.hex(40)}`;
  if (v < 0.07) return `  "${ident()}": "sha512-${r.base64Bytes(64)}",`;
  if (v < 0.09) return `  const ${ident()} = '${r.uuid()}';`;
  if (v < 0.11) return `  ${ident()}: process.env.${ident().toUpperCase()},`;
  if (v < 0.12) return `  url: 'https://${ident()}.example.com/${ident()}?${ident()}=${r.int(0, 1e6)}',`;
  switch (ext) {
    case 'py': return `    ${ident()} = ${ident()}(${ident()}, ${ident()}=${r.int(0, 1000)})`;
    case 'json': return `  "${ident()}": ${r.next() < 0.5 ? r.int(0, 1e6) : `"${ident()} ${ident()}"`},`;
    case 'yml': return `  ${ident()}: ${ident()}-${r.int(0, 100)}`;
    case 'md': return `${ident()} ${ident()} ${ident()} ${ident()} ${ident()} ${ident()} ${ident()}.`;
    default: return `  ${r.pick(['const', 'let', 'return'])} ${ident()} = ${ident()}.${ident()}(${ident()}, ${r.int(0, 1000)});`;
  }
}

function fileText(ext, bytes) {
  const out = [];
  let n = 0;
  while (n < bytes) {
    const l = line(ext);
    out.push(l);
    n += l.length + 1;
  }
  return out;
}

if (existsSync(repo)) rmSync(repo, { recursive: true, force: true });
spawnSync('git', ['init', '-q', '-b', 'main', repo], { stdio: 'inherit' });
const fi = spawn('git', ['fast-import', '--quiet', '--depth=10'], { cwd: repo, stdio: ['pipe', 'inherit', 'inherit'] });
const write = (s) => (fi.stdin.write(s) ? undefined : new Promise((ok) => fi.stdin.once('drain', ok)));

const files = []; // { path, lines }
const planted = [];
const exts = ['ts', 'ts', 'js', 'py', 'json', 'yml', 'md'];
let bytes = 0;
const t0 = 1_600_000_000;
for (let c = 1; c <= commits; c++) {
  const ops = [];
  const ext = r.pick(exts);
  const path = `src/m${c % 97}/f${c}.${ext}`;
  const lines = fileText(ext, r.int(14_000, 26_000));
  if (c % 20 === 0) {
    const rule = r.pick(Object.keys(SAMPLES));
    const sample = r.pick(SAMPLES[rule].ng(r));
    lines.splice(r.int(0, lines.length), 0, ...sample.split('\n'));
    planted.push({ commit: c, rule, path });
  }
  files.push({ path, lines });
  ops.push({ path, lines });
  if (files.length > 1) {
    const f = files[r.int(0, files.length - 2)];
    const at = r.int(0, Math.max(0, f.lines.length - 40));
    f.lines.splice(at, r.int(5, 40), ...fileText(f.path.split('.').pop(), r.int(800, 3000)));
    ops.push(f);
  }
  let del = '';
  if (files.length > 1200) del = `D ${files.shift().path}\n`;
  const body = ops.map((o) => {
    const text = `${o.lines.join('\n')}\n`;
    bytes += text.length;
    return `M 100644 inline ${o.path}\ndata ${Buffer.byteLength(text)}\n${text}`;
  }).join('\n');
  const when = t0 + c * 3600;
  const msg = `commit ${c}`;
  await write(`commit refs/heads/${c % 50 === 0 ? `topic/t${c}` : 'main'}\nmark :${c}\nauthor Bench <bench@lab.test> ${when} +0000\ncommitter Bench <bench@lab.test> ${when} +0000\ndata ${msg.length}\n${msg}\n${c > 1 ? `from :${c % 50 === 0 || (c - 1) % 50 !== 0 ? c - 1 : c - 2}\n` : ''}${body}\n${del}\n`);
}
fi.stdin.end();
await new Promise((ok) => fi.on('close', ok));
spawnSync('git', ['reset', '-q', '--hard', 'main'], { cwd: repo, stdio: 'inherit' });
writeFileSync(`${repo}.planted.json`, JSON.stringify({ commits, planted }, null, 1));
const hash = createHash('sha256').update(JSON.stringify(planted)).digest('hex').slice(0, 12);
console.log(`generated ${repo}: ${commits} commits, ${(bytes / 1e6).toFixed(0)} MB of blobs written, ${planted.length} planted secrets (${hash})`);
