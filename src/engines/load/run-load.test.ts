import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlowServer, type SlowServer } from '../../lab/slow-server.js';
import { LoadOptionsError } from './endpoints.js';
import { runLoad } from './run-load.js';
import type { LoadOptions } from './types.js';

/** A loopback server whose answer depends on the path; it counts what it sees. */
interface Lab {
  url: string;
  port: number;
  seen: { requests: number; connections: number; hosts: Set<string>; bodies: string[] };
  close(): Promise<void>;
}

function route(req: IncomingMessage, res: ServerResponse, lab: Lab): void {
  lab.seen.requests += 1;
  lab.seen.hosts.add(req.headers.host ?? '');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (chunks.length && lab.seen.bodies.length < 5) lab.seen.bodies.push(Buffer.concat(chunks).toString());
    const path = req.url ?? '/';
    if (path === '/missing') return void res.writeHead(404).end('no');
    if (path === '/broken') return void res.writeHead(500).end('boom');
    if (path === '/limited') return void res.writeHead(429, { 'retry-after': '7', 'x-ratelimit-limit': '5' }).end('slow down');
    if (path === '/big') return void res.writeHead(200).end(Buffer.alloc(200_000));
    if (path === '/hang') return; // never answers
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
}

async function startLab(): Promise<Lab> {
  const lab = { seen: { requests: 0, connections: 0, hosts: new Set<string>(), bodies: [] as string[] } } as Lab;
  const server: Server = createServer((req, res) => route(req, res, lab));
  server.on('connection', () => (lab.seen.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  lab.port = (server.address() as AddressInfo).port;
  lab.url = `http://127.0.0.1:${lab.port}`;
  lab.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return lab;
}

const loopback = async () => ['127.0.0.1'];
const base = (url: string, extra: Partial<LoadOptions> = {}): LoadOptions => ({
  endpoints: [{ url }],
  durationMs: 300,
  connections: 4,
  lookup: loopback,
  ...extra,
});

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab.close());
const reset = () => {
  lab.seen = { requests: 0, connections: 0, hosts: new Set(), bodies: [] };
};

describe('closed loop', () => {
  it('keeps N connections busy for the duration and reports what it saw', async () => {
    reset();
    const r = await runLoad(base(`${lab.url}/`));
    expect(r.mode).toBe('closed');
    expect(r.endedBy).toBe('duration');
    expect(r.requests).toBeGreaterThan(50);
    expect(r.errors).toBe(0);
    expect(r.statusCounts).toEqual({ 200: r.requests });
    expect(r.durationS).toBeGreaterThanOrEqual(0.3);
    expect(r.durationS).toBeLessThan(0.5);
    expect(r.rps).toBeCloseTo(r.requests / r.durationS, -1);
    expect(r.latencyMs.count).toBe(r.requests);
    expect(r.latencyMs.p50).toBeGreaterThan(0);
    expect(r.latencyMs.p50).toBeLessThanOrEqual(r.latencyMs.p99);
    expect(r.latencyMs.p99).toBeLessThanOrEqual(r.latencyMs.max);
    expect(r.clientCpu).toBeGreaterThan(0);
    expect(r.bytesRead).toBe(2 * r.requests);
    expect(lab.seen.connections).toBe(4);
    expect(lab.seen.requests).toBe(r.requests);
    expect(r.endpoints).toHaveLength(1);
    expect(r.endpoints[0]).toMatchObject({ name: 'GET /', method: 'GET', requests: r.requests });
  });

  it('stops at the request count', async () => {
    const r = await runLoad(base(`${lab.url}/`, { maxRequests: 137, durationMs: undefined }));
    expect(r.endedBy).toBe('requests');
    expect(r.requests).toBe(137);
    expect(r.latencyMs.count).toBe(137);
  });

  it('leaves the warm-up out of every number', async () => {
    reset();
    const r = await runLoad(base(`${lab.url}/`, { warmupMs: 200, durationMs: 200, connections: 2 }));
    expect(r.warmupS).toBe(0.2);
    expect(lab.seen.requests).toBeGreaterThan(r.requests + 10);
    expect(r.durationS).toBeLessThan(0.35);
  });

  it('splits requests by weight and tags each endpoint', async () => {
    const r = await runLoad({
      ...base(''),
      endpoints: [
        { name: 'list tasks', url: `${lab.url}/tasks`, weight: 3 },
        { name: 'create task', url: `${lab.url}/tasks`, method: 'post', body: '{"title":"x"}', headers: { 'Content-Type': 'application/json' } },
      ],
      maxRequests: 400,
      durationMs: undefined,
    });
    const [list, create] = r.endpoints;
    expect(list).toMatchObject({ name: 'list tasks', method: 'GET' });
    expect(create).toMatchObject({ name: 'create task', method: 'POST' });
    expect(list.requests + create.requests).toBe(400);
    expect(list.requests).toBe(300);
    expect(lab.seen.bodies[0]).toBe('{"title":"x"}');
  });

  it('dials through the injected lookup and the port override, keeping the Host header', async () => {
    reset();
    const asked: string[] = [];
    const r = await runLoad(base('http://api.lab.test/x', {
      lookup: async (host) => (asked.push(host), ['127.0.0.1']),
      ports: { http: lab.port },
      maxRequests: 40,
    }));
    expect(r.errors).toBe(0);
    expect([...lab.seen.hosts]).toEqual(['api.lab.test']);
    expect(asked).toEqual(['api.lab.test']); // once for four connections
  });
});

describe('errors by kind', () => {
  it.each([
    ['/missing', {}, { http_4xx: expect.any(Number) }],
    ['/broken', {}, { http_5xx: expect.any(Number) }],
    ['/broken', { errorStatusFrom: false as const }, {}],
    ['/big', { maxBodyBytes: 1000 }, { body_too_large: expect.any(Number) }],
  ])('%s %j counts %j', async (path, extra, kinds) => {
    const r = await runLoad(base(`${lab.url}${path}`, { durationMs: 150, ...extra }));
    expect(r.requests).toBeGreaterThan(0);
    expect(r.errorsByKind).toEqual(kinds);
    expect(r.errors).toBe(Object.keys(kinds).length ? r.requests : 0);
  });

  it('counts a refused port as refused, with a warning that nothing answered', async () => {
    const probe = await startLab();
    const url = probe.url;
    await probe.close();
    const r = await runLoad(base(url, { durationMs: 150, connections: 2 }));
    expect(r.requests).toBeGreaterThan(0);
    expect(r.errorsByKind).toEqual({ refused: r.requests });
    expect(r.latencyMs.count).toBe(0);
    expect(r.warnings.map((w) => w.code)).toContain('NO_RESPONSES');
  });

  it('times out a server that never answers, within the bound', async () => {
    const t0 = performance.now();
    const r = await runLoad(base(`${lab.url}/hang`, { durationMs: 100, connections: 2, timeoutMs: 200 }));
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(r.requests).toBe(2);
    expect(r.errors).toBe(2);
    expect(Object.keys(r.errorsByKind).every((k) => k === 'timeout' || k === 'unfinished')).toBe(true);
  });

  it('ends at once on abort and reports what it measured', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const t0 = performance.now();
    const r = await runLoad(base(`${lab.url}/`, { durationMs: 10_000, signal: controller.signal }));
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(r.endedBy).toBe('aborted');
    expect(r.requests).toBeGreaterThan(0);
    expect(r.durationS).toBeLessThan(0.5);
    expect(r.errors).toBe(0);
  });
});

describe('error answers', () => {
  it('keeps the headers of the first answer per error status when asked, and only then', async () => {
    const endpoints = [{ url: `${lab.url}/limited` }, { url: `${lab.url}/` }];
    const r = await runLoad(base('', { endpoints, maxRequests: 20, captureHeadersFrom: 400 }));
    expect(r.endpoints[0].headersByStatus?.['429']).toMatchObject({ 'retry-after': '7', 'x-ratelimit-limit': '5' });
    expect(r.endpoints[1].headersByStatus).toBeUndefined();
    const plain = await runLoad(base('', { endpoints, maxRequests: 20 }));
    expect(plain.endpoints[0].headersByStatus).toBeUndefined();
  });
});

describe('open loop', () => {
  it('keeps to the rate and reports it met', async () => {
    const r = await runLoad(base(`${lab.url}/`, { rate: 400, durationMs: 500, connections: undefined }));
    expect(r.mode).toBe('open');
    expect(r.openLoop).toMatchObject({ targetRate: 400, scheduled: 200, sent: 200, dropped: 0, rateMet: true, maxInFlight: 800 });
    expect(r.requests).toBe(200);
    expect(r.rps).toBeGreaterThan(350);
    expect(r.rps).toBeLessThanOrEqual(401);
    expect(r.warnings.map((w) => w.code)).not.toContain('RATE_NOT_MET');
  });

  it('stops at the request count', async () => {
    // Enough connections that a slow machine does not drop any; if it still does, the drop is counted.
    const r = await runLoad(base(`${lab.url}/`, { rate: 1000, maxRequests: 50, durationMs: undefined, connections: 64 }));
    expect(r.endedBy).toBe('requests');
    expect(r.openLoop?.scheduled).toBe(50);
    expect(r.requests + r.dropped).toBe(50);
    expect(r.durationS).toBeLessThan(0.5);
  });
});

describe('against the slow lab server', () => {
  let slow: SlowServer;
  beforeAll(async () => {
    slow = await startSlowServer({ delayMs: 40 });
  });
  afterAll(() => slow?.stop());

  it('closed loop: latency follows the server delay', async () => {
    const r = await runLoad(base(slow.url, { durationMs: 400 }));
    expect(r.latencyMs.p50).toBeGreaterThanOrEqual(40);
    expect(r.latencyMs.p50).toBeLessThan(60);
    // 4 connections at ~40 ms each: about 100 requests a second.
    expect(r.rps).toBeGreaterThan(60);
    expect(r.rps).toBeLessThan(101);
  });

  it('open loop: drops what the in-flight cap cannot carry, and says so', async () => {
    const r = await runLoad(base(slow.url, { rate: 200, durationMs: 500, connections: 2 }));
    const open = r.openLoop!;
    expect(open.scheduled).toBe(100);
    expect(open.dropped).toBeGreaterThan(50);
    expect(open.sent + open.dropped).toBe(100);
    expect(open.rateMet).toBe(false);
    expect(r.dropped).toBe(open.dropped);
    expect(r.requests).toBe(open.sent);
    expect(r.warnings.find((w) => w.code === 'RATE_NOT_MET')?.message).toMatch(/not met: \d+ of 100 scheduled/);
  });
});

describe('options', () => {
  it.each([
    [{ rate: 0 }, /rate/],
    [{ connections: 0 }, /connections/],
    [{ durationMs: -1 }, /duration/],
    [{ maxRequests: 1.5 }, /request count/],
    [{ errorStatusFrom: 200 }, /error status/],
    [{ endpoints: [] }, /no endpoint/],
    [{ endpoints: [{ url: 'ftp://x/' }] }, /only http/],
    [{ endpoints: [{ url: 'not a url' }] }, /valid absolute URL/],
    [{ endpoints: [{ url: 'http://x/', method: 'GE T' }] }, /method/],
    [{ endpoints: [{ url: 'http://x/', headers: { 'x-a': 'b\r\nc: d' } }] }, /line break/],
    [{ endpoints: [{ url: 'http://x/', weight: 0 }] }, /weight/],
  ])('%j is refused before sending', async (extra, message) => {
    await expect(runLoad({ ...base('http://127.0.0.1:9/'), ...extra } as LoadOptions)).rejects.toThrow(LoadOptionsError);
    await expect(runLoad({ ...base('http://127.0.0.1:9/'), ...extra } as LoadOptions)).rejects.toThrow(message);
  });
});
