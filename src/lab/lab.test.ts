// The assembled lab, seen through the product's own clients exactly as an audit sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import { createEffects, type RunEffects } from '../context/create-effects.js';
import { startLab, type Lab } from './index.js';

describe.each(['default', 'fixed'] as const)('lab (%s)', (variant) => {
  let lab: Lab;
  let fx: RunEffects;
  beforeAll(async () => {
    lab = await startLab({ variant });
    const { config } = await loadConfig(lab.configPath, { env: lab.env });
    fx = await createEffects(config.network);
  });
  afterAll(async () => {
    await fx?.close();
    await lab?.stop();
  });

  it('resolves names through its DNS server', async () => {
    const api = await fx.dns.resolve('api.acme.test', 'A');
    expect(api.cnames).toEqual(['edge.acme-cdn.test']);
    expect(api.records.map((r) => r.data)).toEqual(['127.0.0.4']);
    const staging = await fx.dns.resolve('staging.acme.test', 'A');
    expect(staging.records[0].data).toBe(variant === 'fixed' ? '127.0.0.2' : '127.0.0.1');
  });

  it('serves the app over HTTPS by SNI with the override port', async () => {
    const res = await fx.http.request({ url: 'https://app.acme.test/login' });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('type="password"');
    expect(res.tls?.authorized).toBe(true);
  });

  it('presents the planned certificates', async () => {
    const app = await fx.tls.inspect('app.acme.test');
    const issuer = app.chain[0].issuer;
    expect(issuer).toBe(variant === 'fixed' ? 'Lab ACME R1' : 'Acme Internal CA');
    const admin = await fx.tls.inspect('admin.acme.test');
    expect(admin.hostnameMatches).toBe(variant === 'fixed');
  });

  it('accepts legacy TLS on the api listener only by default', async () => {
    expect(await fx.tls.accepts('api.acme.test', 'TLSv1')).toBe(variant === 'default');
    expect(await fx.tls.accepts('api.acme.test', 'TLSv1.3')).toBe(true);
  });

  it('logs in through the API', async () => {
    const res = await fx.http.request({
      url: 'https://api.acme.test/api/login', method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@acme.test', password: 'demo-password' }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).token).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('lab (hostile)', () => {
  let lab: Lab;
  let fx: RunEffects;
  beforeAll(async () => {
    lab = await startLab({ variant: 'hostile' });
    const { config } = await loadConfig(lab.configPath, { env: lab.env });
    fx = await createEffects(config.network);
  });
  afterAll(async () => {
    await fx?.close();
    await lab?.stop();
  });

  it.each([
    ['https://slow.hostile.test/', 'TIMEOUT'],
    ['https://big.hostile.test/', 'BODY_TOO_LARGE'],
    ['https://bomb.hostile.test/', 'BODY_TOO_LARGE'],
    ['https://headers.hostile.test/', 'HEADERS_TOO_LARGE'],
    ['https://stall.hostile.test/', 'TIMEOUT'],
    ['https://refused.hostile.test/', 'REFUSED'],
    ['https://timeout.hostile.test/', 'TIMEOUT'], // the DNS server never answers
  ])('%s fails with %s', async (url, code) => {
    await expect(fx.http.request({ url, timeoutMs: 1500 })).rejects.toMatchObject({ code });
  });
});
