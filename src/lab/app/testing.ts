/**
 * Test support: mounts an app on two plain loopback listeners, one the app is told is `http`
 * and one `https` (TLS is the lab's job, not the app's), and sends requests with any `Host`.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from '../listen.js';
import type { Scheme } from './context.js';
import { createOpsApp, type OpsApp, type OpsAppOptions } from './index.js';

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json<T = any>(): T;
}

export interface TestRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const TIMEOUT_MS = 5_000;
const MAX_RESPONSE = 4 * 1024 * 1024;

export interface AppUnderTest {
  app: OpsApp;
  /** `url` like `https://api.acme.test/api/tasks`: scheme picks the listener, host the `Host` header. */
  request(url: string, init?: TestRequest): Promise<TestResponse>;
  stop(): Promise<void>;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

function send(port: number, url: URL, init: TestRequest): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, path: `${url.pathname}${url.search}`, method: init.method ?? 'GET', agent: false,
      headers: { host: url.host, ...init.headers }, timeout: TIMEOUT_MS,
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_RESPONSE) res.destroy(new Error('response too large'));
        else chunks.push(c);
      });
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Starts the app on loopback for one test file. */
export async function startAppUnderTest(opts: OpsAppOptions): Promise<AppUnderTest> {
  const app = createOpsApp(opts);
  const servers = (['http', 'https'] as Scheme[]).map((scheme) => http.createServer((req, res) => app.handle(req, res, scheme)));
  const [httpPort, httpsPort] = [await listen(servers[0]), await listen(servers[1])];
  return {
    app,
    request: (url, init = {}) => {
      const parsed = new URL(url);
      return send(parsed.protocol === 'https:' ? httpsPort : httpPort, parsed, init);
    },
    stop: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
