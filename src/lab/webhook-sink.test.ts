// The webhook sink: deliveries recorded and answered as told, over a real loopback listener.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookSink, type WebhookSink } from './webhook-sink.js';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('webhook sink', () => {
  let sink: WebhookSink;
  beforeAll(async () => {
    sink = await startWebhookSink({
      now: () => NOW,
      maxBodyBytes: 1024,
      respond: (req) => (req.path.startsWith('/fail') ? { status: 503, body: 'down', headers: { 'retry-after': '5' } } : { status: 202, body: 'accepted' }),
    });
  });
  afterAll(() => sink?.stop());

  const post = async (path: string, body: string) => {
    const res = await request(`${sink.url}${path}`, {
      method: 'POST', body, headers: { 'content-type': 'application/json' }, headersTimeout: 2000, bodyTimeout: 2000,
    });
    return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
  };

  it('records a delivery and answers as told', async () => {
    const waiting = sink.waitFor((r) => r.path === '/hooks/slack?x=1', 2000);
    const res = await post('/hooks/slack?x=1', '{"text":"incident opened"}');
    expect(res).toMatchObject({ status: 202, text: 'accepted' });
    const seen = await waiting;
    expect(seen).toMatchObject({ method: 'POST', body: '{"text":"incident opened"}', truncated: false, at: NOW });
    expect(seen.headers['content-type']).toBe('application/json');
    expect(sink.requests()).toHaveLength(1);
  });

  it('passes status and headers from respond()', async () => {
    const res = await post('/fail', '{}');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
  });

  it('answers 413 to an oversized body and records it truncated', async () => {
    const res = await post('/big', 'x'.repeat(4096));
    expect(res.status).toBe(413);
    const seen = sink.requests().find((r) => r.path === '/big');
    expect(seen).toMatchObject({ truncated: true });
    expect(seen!.body).toHaveLength(1024);
  });

  it('times out waiting for a delivery that never comes', async () => {
    await expect(sink.waitFor((r) => r.path === '/never', 50)).rejects.toThrow(/within 50 ms/);
  });

  it('clears its record', () => {
    sink.clear();
    expect(sink.requests()).toEqual([]);
  });
});
