import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab } from '../lab/index.js';
import { EXIT } from './io.js';
import { registerLoad } from './load.js';
import { memoryIo } from './test-io.js';

let server: Server;
let origin: string;
let port: number;
let dir: string;
const seen: Array<{ method: string; host: string; body: string; auth?: string }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchready-load-'));
  await writeFile(join(dir, 'task.json'), '{"title":"from file"}');
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (seen.length < 50) seen.push({ method: req.method ?? '', host: req.headers.host ?? '', body: Buffer.concat(chunks).toString(), auth: req.headers.authorization });
      res.writeHead(req.url === '/missing' ? 404 : 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

/** The command as main.ts mounts it: commander errors become exit 2. */
async function cli(args: string[], opts: { tty?: boolean } = {}) {
  const m = memoryIo(dir);
  m.io.stderrIsTty = opts.tty ?? false;
  let code: number = EXIT.ok;
  const program = new Command('launchready')
    .exitOverride()
    .configureOutput({ writeOut: (s) => m.io.stdout(s), writeErr: (s) => m.io.stderr(s) });
  registerLoad(program, m.io, (c) => (code = c));
  try {
    await program.parseAsync(['node', 'launchready', 'load', ...args]);
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    code = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return { code, out: m.stdout(), err: m.stderr() };
}

describe('launchready load', () => {
  it('prints the documented JSON document', async () => {
    const r = await cli([`${origin}/`, '--requests', '200', '--connections', '4', '--format', 'json', '--threshold', 'p95<10000', '--threshold', 'error_rate<1%']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({
      url: `${origin}/`, method: 'GET', mode: 'closed', requests: 200, errors: 0, dropped: 0, endedBy: 'requests',
      thresholds: [
        { expr: 'p95<10000', ok: true, actual: expect.any(Number), unit: 'ms' },
        { expr: 'error_rate<1%', ok: true, actual: 0, unit: '%' },
      ],
    });
    for (const key of ['durationS', 'rps', 'clientCpu']) expect(typeof doc[key]).toBe('number');
    for (const key of ['p50', 'p90', 'p95', 'p99', 'max']) expect(doc.latencyMs[key]).toBeGreaterThan(0);
    expect(doc.clientCpu).toBeGreaterThanOrEqual(0);
  });

  it('exits 1 when a threshold is broken, and says which', async () => {
    const r = await cli([`${origin}/missing`, '--requests', '50', '--threshold', 'error_rate<1%', '--threshold', 'p99<60s']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ error_rate<1%\s+100 %/);
    expect(r.out).toMatch(/✓ p99<60s\s+\d/);
    expect(r.out).toMatch(/errors\s+50\s+\(100\.00 %\)\s+http_4xx 50/);
  });

  it('counts 4xx as answers with --no-status-errors', async () => {
    const r = await cli([`${origin}/missing`, '--requests', '20', '--no-status-errors', '--threshold', 'error_rate<1%', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).statusCounts).toEqual({ 404: 20 });
  });

  it('runs an open loop at a rate and reports the schedule', async () => {
    const r = await cli([`${origin}/`, '--rate', '200', '--duration', '300ms', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ mode: 'open', requests: 60, dropped: 0, openLoop: { targetRate: 200, scheduled: 60, rateMet: true } });
  });

  it('sends the method, headers and a body read from a file; POST by default with a body', async () => {
    seen.length = 0;
    const r = await cli([`${origin}/tasks`, '--requests', '3', '--connections', '1', '--header', 'Authorization: Bearer t0k', '--body', '@task.json']);
    expect(r.code).toBe(0);
    expect(seen[0]).toEqual({ method: 'POST', host: `127.0.0.1:${port}`, body: '{"title":"from file"}', auth: 'Bearer t0k' });
    expect(r.out).toMatch(/^load POST http:\/\/127\.0\.0\.1:\d+\/tasks/);
  });

  it('applies --http-port behind a URL without a port, keeping its Host', async () => {
    seen.length = 0;
    const r = await cli(['http://localhost/', '--http-port', String(port), '--requests', '5', '--connections', '1']);
    expect(r.code).toBe(0);
    expect(seen[0].host).toBe('localhost');
  });

  it('reaches a lab host through the config: its resolver, CA and HTTPS port', async () => {
    const lab = await startLab({ variant: 'fixed' });
    try {
      const r = await cli(['https://api.acme.test/health', '--config', lab.configPath, '--requests', '40', '--connections', '2', '--format', 'json']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ requests: 40, errors: 0, statusCounts: { 200: 40 } });
    } finally {
      await lab.stop();
    }
  });

  it('writes --output and shows a progress line only on a terminal', async () => {
    const r = await cli([`${origin}/`, '--duration', '1100ms', '--connections', '2', '--output', 'load.txt'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(await readFile(join(dir, 'load.txt'), 'utf8')).toMatch(/latency\s+p50/);
    expect(r.err).toMatch(/\r\x1b\[2K1\.\d\/1\.1 s\s+[\d,]+ requests/);
    const quiet = await cli([`${origin}/`, '--requests', '5']);
    expect(quiet.err).toBe('');
  });

  it('exits 3 when nothing answers', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const dead = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const r = await cli([`http://127.0.0.1:${dead}/`, '--duration', '100ms', '--connections', '1']);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/no request got an answer \(refused \d+\)/);
  });

  it.each([
    [['not-a-url'], /not an absolute URL/],
    [['ftp://127.0.0.1/'], /only http: and https:/],
    [['http://x/', '--rate', 'fast'], /--rate expects/],
    [['http://x/', '--connections', '0'], /--connections expects/],
    [['http://x/', '--requests', '-5'], /--requests expects/],
    [['http://x/', '--duration', '5 parsecs'], /--duration:.*not a duration/],
    [['http://x/', '--duration', '0s'], /--duration must be longer than 0/],
    [['http://x/', '--threshold', 'p95'], /--threshold: .*not understood/],
    [['http://x/', '--threshold', 'p97<3'], /unknown metric/],
    [['http://x/', '--header', 'no colon here'], /--header expects "Name: value"/],
    [['http://x/', '--method', 'GE T'], /--method expects/],
    [['http://x/', '--body', '@missing.json'], /--body @missing\.json: ENOENT/],
    [['http://x/', '--format', 'xml'], /format/],
    [['http://x/', '--http-port', '99999'], /--http-port expects a port/],
    [['http://x/', '--config', 'nope.yml'], /nope\.yml/],
    [[], /missing required argument 'url'/],
  ])('exits 2 for %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
