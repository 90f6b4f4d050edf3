import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer } from '../listen.js';
import { createWidgetsHandler, WIDGET_BYTES, widgetsCertificates, widgetsZone } from './widgets.js';

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number }

describe('widgets.test vendor host', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    const handle = createWidgetsHandler({ delayMs: 300 });
    server = http.createServer((req, res) => {
      if (!handle(req, res, 'https')) res.writeHead(421).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => closeServer(server));

  const get = (host: string, path: string, method = 'GET') => new Promise<Answer>((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: { host }, timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });

  it('serves widget.js late and large, uncompressed', async () => {
    const res = await get('cdn.widgets.test', '/widget.js?v=4');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.length).toBeGreaterThan(WIDGET_BYTES * 0.98);
    expect(res.body.length).toBeLessThan(WIDGET_BYTES * 1.02);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.ms).toBeGreaterThanOrEqual(290);
    // It is JavaScript a browser can run, and the same bytes every time.
    expect(() => new Function(res.body.toString('utf8'))).not.toThrow();
    expect((await get('cdn.widgets.test', '/widget.js')).body.equals(res.body)).toBe(true);
  });

  it('answers the planted http:// references, the help frame, and nothing else', async () => {
    expect((await get('cdn.widgets.test', '/w.js')).status).toBe(200);
    expect((await get('cdn.widgets.test', '/w.css')).headers['content-type']).toMatch(/^text\/css/);
    expect((await get('help.widgets.test', '/chat')).body.toString()).toContain('How can we help');
    expect((await get('cdn.widgets.test', '/nope.js')).status).toBe(404);
    expect((await get('cdn.widgets.test', '/widget.js', 'POST')).status).toBe(405);
    expect((await get('app.acme.test', '/widget.js')).status).toBe(421);
  });

  it('survives a client that leaves before the slow answer', async () => {
    const req = http.request({ host: '127.0.0.1', port, path: '/widget.js', headers: { host: 'cdn.widgets.test' } });
    req.on('error', () => undefined);
    req.end();
    await new Promise((r) => setTimeout(r, 50));
    req.destroy();
    await new Promise((r) => setTimeout(r, 400));
    expect(server.listening).toBe(true);
  });

  it('has DNS names and a certificate for both hosts', () => {
    const zone = widgetsZone();
    expect(zone.names.get('cdn.widgets.test')?.records).toEqual([expect.objectContaining({ type: 'A', data: '127.0.0.1' })]);
    expect(zone.names.get('help.widgets.test')?.records).toEqual([expect.objectContaining({ type: 'A', data: '127.0.0.1' })]);
    expect(widgetsCertificates(new Date('2026-03-01T00:00:00Z'))[0].names).toEqual(['cdn.widgets.test', 'help.widgets.test']);
  });
});
