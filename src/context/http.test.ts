import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type ClosableHttpClient, type HttpClientOptions } from './http.js';
import { HttpError, type HttpErrorCode } from './types.js';

const TEXT = 'launch ready? '.repeat(200);

/** Loopback-only resolver: every *.test name is 127.0.0.1, except the few the tests reroute. */
const names: Record<string, string[]> = { 'refused.test': ['127.0.0.3'], 'fallback.test': ['127.0.0.3', '127.0.0.1'] };
const lookups: string[] = [];
async function lookup(host: string): Promise<string[]> {
  lookups.push(host);
  if (names[host]) return names[host];
  if (host.endsWith('.test')) return ['127.0.0.1'];
  throw new Error(`NXDOMAIN ${host}`);
}

/** One app behind both servers; it records what each request looked like on arrival. */
interface Seen { host?: string; sni?: string; path?: string }
const seen: Seen[] = [];
function app(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  seen.push({ host: req.headers.host, sni: (req.socket as TLSSocket).servername || undefined, path: url.pathname });
  const send = (status: number, headers: http.OutgoingHttpHeaders, body?: Buffer | string): void => {
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  switch (url.pathname) {
    case '/echo': {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => send(200, { 'content-type': 'application/json' }, JSON.stringify({
        host: req.headers.host, method: req.method, body: Buffer.concat(chunks).toString(),
        ua: req.headers['user-agent'], ae: req.headers['accept-encoding'],
      })));
      return;
    }
    case '/redirect': return send(302, { location: 'https://www.acme.test/next', 'content-length': '0' });
    case '/headers':
      return send(200, { 'Set-Cookie': ['a=1; Secure', 'b=2; HttpOnly'], 'X-Multi': ['one', 'two'], 'X-Mixed-Case': 'Yes' }, 'ok');
    case '/one-cookie': return send(200, { 'set-cookie': 'only=1' }, 'ok');
    case '/gzip': return send(200, { 'content-encoding': 'gzip' }, zlib.gzipSync(TEXT));
    case '/x-gzip': return send(200, { 'content-encoding': 'x-gzip' }, zlib.gzipSync(TEXT));
    case '/deflate': return send(200, { 'content-encoding': 'deflate' }, zlib.deflateSync(TEXT));
    case '/deflate-raw': return send(200, { 'content-encoding': 'deflate' }, zlib.deflateRawSync(TEXT));
    case '/br': return send(200, { 'content-encoding': 'br' }, zlib.brotliCompressSync(TEXT));
    case '/gzip-br': return send(200, { 'content-encoding': 'gzip, br' }, zlib.brotliCompressSync(zlib.gzipSync(TEXT)));
    case '/unknown-coding': return send(200, { 'content-encoding': 'zstd' }, 'opaque bytes');
    case '/corrupt-gzip': {
      const gz = zlib.gzipSync(TEXT);
      gz.fill(0x55, 10, gz.length - 8); // trample the deflate data, keep the gzip header
      return send(200, { 'content-encoding': 'gzip' }, gz);
    }
    case '/empty-gzip': return send(204, { 'content-encoding': 'gzip' });
    case '/declared-huge':
      // Announces 100 MB and then sends nothing: only an early Content-Length check fails fast.
      res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) });
      res.flushHeaders();
      return;
    case '/bytes': return send(200, {}, Buffer.alloc(Number(url.searchParams.get('n')), 'b'));
    case '/hang': return; // never answers; the client's deadline or signal must end it
    default: return send(404, {}, 'not found');
  }
}

let dir: string;
let certPem: string;
let plain: http.Server;
let secure: https.Server;
let secureConnections = 0;
const clients: ClosableHttpClient[] = [];
const ports = { http: 0, https: 0 };

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function client(extra: Partial<HttpClientOptions> = {}): ClosableHttpClient {
  const c = createHttpClient({ lookup, ports, timeoutMs: 1_500, ...extra });
  clients.push(c);
  return c;
}

async function failure(p: Promise<unknown>): Promise<HttpError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'launchready-http-'));
  // A self-signed leaf for the names the tests use (EC keys: generated in milliseconds).
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=app.acme.test',
    '-addext', 'subjectAltName=DNS:app.acme.test,DNS:fallback.test',
  ], { stdio: 'ignore' });
  certPem = readFileSync(join(dir, 'cert.pem'), 'utf8');
  plain = http.createServer(app);
  secure = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: certPem }, app);
  secure.on('secureConnection', () => (secureConnections += 1));
  ports.http = await listen(plain);
  ports.https = await listen(secure);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  for (const s of [plain, secure]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('network overrides', () => {
  it('sends port-less http URLs to the override port, keeping Host as written', async () => {
    lookups.length = 0;
    const res = await client().request({ url: 'http://app.acme.test/echo?x=1' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toMatchObject({ host: 'app.acme.test', method: 'GET' });
    expect(res.url).toBe('http://app.acme.test/echo?x=1');
    expect(res.remoteAddress).toBe('127.0.0.1');
    expect(res.tls).toBeUndefined();
    expect(lookups).toEqual(['app.acme.test']);
  });

  it('keeps SNI and Host on https and reports an unverified chain without failing', async () => {
    const res = await client().request({ url: 'https://app.acme.test/echo' });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ host: 'app.acme.test', sni: 'app.acme.test' });
    expect(res.tls).toMatchObject({ authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT', protocol: 'TLSv1.3' });
  });

  it('keeps an explicit port even when an override exists', async () => {
    const c = createHttpClient({ lookup, ports: { http: 1 }, timeoutMs: 1_500 });
    clients.push(c);
    const res = await c.request({ url: `http://app.acme.test:${ports.http}/echo` });
    expect(JSON.parse(res.body.toString()).host).toBe(`app.acme.test:${ports.http}`);
  });

  it('falls back to the next address when the first refuses', async () => {
    const res = await client().request({ url: 'http://fallback.test/echo' });
    expect(res.status).toBe(200);
    expect(res.remoteAddress).toBe('127.0.0.1');
  });

  it('reuses a kept-alive connection and still reports its TLS facts', async () => {
    const c = client();
    const before = secureConnections;
    const first = await c.request({ url: 'https://app.acme.test/echo' });
    // undici hands a kept-alive socket back one event-loop turn after the response ends.
    await new Promise((r) => setTimeout(r, 10));
    const second = await c.request({ url: 'https://app.acme.test/headers' });
    expect(secureConnections - before).toBe(1);
    expect(first.tls?.protocol).toBe('TLSv1.3');
    expect(second.tls).toEqual(first.tls);
    expect(second.remoteAddress).toBe('127.0.0.1');
  });
});

describe('exchange', () => {
  it('never follows redirects', async () => {
    const res = await client().request({ url: 'http://app.acme.test/redirect' });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://www.acme.test/next');
  });

  it('normalises headers: lower case, repeats joined, set-cookie always an array', async () => {
    const c = client();
    const res = await c.request({ url: 'http://app.acme.test/headers' });
    expect(res.headers['set-cookie']).toEqual(['a=1; Secure', 'b=2; HttpOnly']);
    expect(res.headers['x-multi']).toBe('one, two');
    expect(res.headers['x-mixed-case']).toBe('Yes');
    expect((await c.request({ url: 'http://app.acme.test/one-cookie' })).headers['set-cookie']).toEqual(['only=1']);
  });

  it('sends method, body and default headers, and measures timings', async () => {
    const res = await client({ userAgent: 'probe/1' }).request({ url: 'http://app.acme.test/echo', method: 'post', body: '{"a":1}' });
    expect(JSON.parse(res.body.toString())).toEqual({
      host: 'app.acme.test', method: 'POST', body: '{"a":1}', ua: 'probe/1', ae: 'gzip, deflate, br',
    });
    expect(res.timings.ttfbMs).toBeGreaterThanOrEqual(0);
    expect(res.timings.totalMs).toBeGreaterThanOrEqual(res.timings.ttfbMs);
  });

  it.each(['/gzip', '/x-gzip', '/deflate', '/deflate-raw', '/br', '/gzip-br'])('decodes %s bodies', async (path) => {
    const res = await client().request({ url: `http://app.acme.test${path}` });
    expect(res.body.toString()).toBe(TEXT);
  });

  it('passes bodies in unknown codings through as sent, and empty coded bodies as empty', async () => {
    const c = client();
    expect((await c.request({ url: 'http://app.acme.test/unknown-coding' })).body.toString()).toBe('opaque bytes');
    expect((await c.request({ url: 'http://app.acme.test/empty-gzip' })).body.length).toBe(0);
    const head = await c.request({ url: 'http://app.acme.test/gzip', method: 'HEAD' });
    expect([head.status, head.body.length]).toEqual([200, 0]);
  });
});

describe('failures map to codes', () => {
  const cases: Array<{ name: string; url: string; code: HttpErrorCode; opts?: Record<string, unknown> }> = [
    { name: 'corrupt gzip', url: 'http://app.acme.test/corrupt-gzip', code: 'DECOMPRESSION' },
    { name: 'Content-Length above the cap (early)', url: 'http://app.acme.test/declared-huge', code: 'BODY_TOO_LARGE' },
    { name: 'body above a per-request cap', url: 'http://app.acme.test/bytes?n=70000', code: 'BODY_TOO_LARGE', opts: { maxBodyBytes: 65_536 } },
    { name: 'a server that never answers', url: 'http://app.acme.test/hang', code: 'TIMEOUT', opts: { timeoutMs: 300 } },
    { name: 'a refused port', url: 'http://refused.test/', code: 'REFUSED' },
    { name: 'a name the lookup rejects', url: 'http://nowhere.example/', code: 'DNS' },
    { name: 'an untrusted chain with verifyTls', url: 'https://app.acme.test/echo', code: 'TLS', opts: { verifyTls: true } },
    { name: 'a non-http scheme', url: 'ftp://app.acme.test/', code: 'BLOCKED' },
    { name: 'an invalid URL', url: 'not a url', code: 'PROTOCOL' },
  ];
  it.each(cases)('$name → $code', async ({ url, code, opts }) => {
    const started = performance.now();
    const err = await failure(client().request({ url, ...opts }));
    expect(err.code).toBe(code);
    expect(err.url).toBe(url);
    expect(performance.now() - started).toBeLessThan(1_400);
  });

  it('maps an empty lookup answer to DNS', async () => {
    const c = createHttpClient({ lookup: async () => [], ports, timeoutMs: 1_000 });
    clients.push(c);
    expect((await failure(c.request({ url: 'http://app.acme.test/' }))).code).toBe('DNS');
  });

  it('reports the caller\'s abort as ABORTED, before and during the exchange', async () => {
    const c = client();
    expect((await failure(c.request({ url: 'http://app.acme.test/hang', signal: AbortSignal.abort() }))).code).toBe('ABORTED');
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    expect((await failure(c.request({ url: 'http://app.acme.test/hang', signal: ctl.signal }))).code).toBe('ABORTED');
  });

  it('refuses requests once closed', async () => {
    const c = createHttpClient({ lookup, ports });
    await c.close();
    expect((await failure(c.request({ url: 'http://app.acme.test/echo' }))).code).toBe('ABORTED');
  });
});

describe('TLS verification', () => {
  it('trusts the extra roots in `ca` besides the defaults', async () => {
    const res = await client({ ca: certPem }).request({ url: 'https://app.acme.test/echo', verifyTls: true });
    expect(res.status).toBe(200);
    expect(res.tls).toEqual({ authorized: true, protocol: 'TLSv1.3' });
  });

  it('reports a name the certificate does not cover, and fails on it with verifyTls', async () => {
    const c = client({ ca: certPem });
    const res = await c.request({ url: 'https://other.acme.test/echo' });
    expect(res.tls).toMatchObject({ authorized: false, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect((await failure(c.request({ url: 'https://other.acme.test/echo', verifyTls: true }))).code).toBe('TLS');
  });
});
