import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpClient, type ClosableHttpClient } from '../context/http.js';
import { HttpError, type HttpErrorCode } from '../context/types.js';
import { createHostileHandler, stallConnection, stalledTlsNames } from './hostile.js';
import { gzipBombBlock } from './hostile-streams.js';

const DEADLINE_MS = 1_000;

let dir: string;
let plain: http.Server;
let secure: https.Server;
let client: ClosableHttpClient;
let rssBefore: number;

function serve(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Waits (bounded) until `server` holds no connection: the hostile writer noticed the client left. */
async function drained(server: net.Server): Promise<number> {
  let open = -1;
  for (let i = 0; i < 50 && open !== 0; i += 1) {
    open = await new Promise<number>((r) => server.getConnections((_e, n) => r(n)));
    if (open !== 0) await new Promise((r) => setTimeout(r, 20));
  }
  return open;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'launchready-hostile-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=hostile.test',
    '-addext', 'subjectAltName=DNS:*.hostile.test',
  ], { stdio: 'ignore' });
  const hostile = createHostileHandler();
  const app = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (hostile(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not a hostile host');
  };
  plain = http.createServer(app);
  secure = https.createServer({
    key: readFileSync(join(dir, 'key.pem')),
    cert: readFileSync(join(dir, 'cert.pem')),
    // As the lab does: the SNI callback never answers for the stalled names.
    SNICallback: (name, cb) => (stalledTlsNames.includes(name) ? undefined : cb(null, undefined)),
    handshakeTimeout: 5_000,
  }, app);
  const ports = { http: await serve(plain), https: await serve(secure) };
  client = createHttpClient({
    lookup: async (host) => {
      if (!host.endsWith('.test')) throw new Error(`NXDOMAIN ${host}`);
      return ['127.0.0.1'];
    },
    ports,
    timeoutMs: DEADLINE_MS,
  });
  rssBefore = process.memoryUsage().rss;
});

afterAll(async () => {
  await client.close();
  for (const s of [plain, secure]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile hosts against the HTTP client', () => {
  const cases: Array<{ url: string; code: HttpErrorCode }> = [
    { url: 'http://slow.hostile.test/', code: 'TIMEOUT' },
    { url: 'http://big.hostile.test/', code: 'BODY_TOO_LARGE' },
    { url: 'http://big.hostile.test/chunked', code: 'BODY_TOO_LARGE' },
    { url: 'https://big.hostile.test/chunked', code: 'BODY_TOO_LARGE' },
    { url: 'http://bomb.hostile.test/', code: 'BODY_TOO_LARGE' },
    { url: 'https://bomb.hostile.test/', code: 'BODY_TOO_LARGE' },
    { url: 'http://headers.hostile.test/', code: 'HEADERS_TOO_LARGE' },
    { url: 'http://stall.hostile.test/', code: 'TIMEOUT' },
    { url: 'https://stall.hostile.test/', code: 'TIMEOUT' },
  ];
  it.each(cases)('$url → $code within the deadline, and the server lets go', async ({ url, code }) => {
    const started = performance.now();
    const err = await client.request({ url }).then(() => undefined, (e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).code).toBe(code);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 500);
    if (!url.includes('stall')) expect(await drained(url.startsWith('https') ? secure : plain)).toBe(0);
  });

  it('stops the trickle and its timer when the client leaves', async () => {
    // Only intervals are faked: sockets and the client's deadline keep real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      await client.request({ url: 'http://slow.hostile.test/', timeoutMs: 300 }).catch(() => undefined);
      expect(await drained(plain)).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('kept the test process far below 300 MB through all of the above', () => {
    const growthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    expect(growthMb).toBeLessThan(100);
  });

  it('answers the bot wall as a normal 403 response', async () => {
    const res = await client.request({ url: 'https://wall.hostile.test/' });
    expect(res.status).toBe(403);
    expect(res.headers).toMatchObject({ 'cf-mitigated': 'challenge', server: 'cloudflare' });
    expect(res.body.toString()).toContain('<title>Just a moment...</title>');
  });

  it.each([
    ['http://loop.hostile.test/a', '/b'],
    ['http://loop.hostile.test/b', '/a'],
    ['https://loop.hostile.test/elsewhere', '/a'],
    ['http://loop.hostile.test/ping', 'https://loop.hostile.test/ping'],
    ['https://loop.hostile.test/ping', 'http://loop.hostile.test/ping'],
  ])('loops %s → %s', async (url, location) => {
    const res = await client.request({ url });
    expect([res.status, res.headers.location]).toEqual([302, location]);
  });

  it('leaves other hosts to the lab', async () => {
    const res = await client.request({ url: 'http://app.acme.test/' });
    expect(res.status).toBe(404);
  });
});

describe('payloads', () => {
  it('serves a gzip stream of about 10 MB that inflates to at least 1 GB', async () => {
    const length = await new Promise<number>((resolve, reject) => {
      const port = (plain.address() as AddressInfo).port;
      http.get({ host: '127.0.0.1', port, headers: { host: 'bomb.hostile.test' } }, (res) => {
        resolve(Number(res.headers['content-length']));
        res.destroy();
      }).on('error', reject);
    });
    const block = gzipBombBlock(1024 * 1024, 64); // the handler's block: 64 MiB inflated
    const inflated = zlib.gunzipSync(block.subarray(0, block.length / 64)).length * 64;
    expect(inflated).toBe(64 * 1024 * 1024);
    expect(length % block.length).toBe(0);
    expect((length / block.length) * inflated).toBeGreaterThanOrEqual(1024 ** 3);
    expect(length).toBeLessThan(12 * 1024 * 1024);
  });
});

describe('stallConnection', () => {
  it('holds a connection without a word, and lets it go after the hold', async () => {
    const server = net.createServer((socket) => stallConnection(socket, 200));
    const port = await serve(server as unknown as http.Server);
    try {
      const started = performance.now();
      const received = await new Promise<number>((resolve) => {
        let bytes = 0;
        const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nhost: stall.hostile.test\r\n\r\n'));
        socket.on('data', (d) => (bytes += d.length));
        socket.on('close', () => resolve(bytes));
      });
      expect(received).toBe(0);
      expect(performance.now() - started).toBeGreaterThanOrEqual(150);
      expect(await drained(server)).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
