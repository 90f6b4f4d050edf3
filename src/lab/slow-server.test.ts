import { afterEach, describe, expect, it } from 'vitest';
import { startSlowServer, type SlowServer } from './slow-server.js';

let server: SlowServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function timed(url: string): Promise<{ ms: number; body: string; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  const body = await res.text();
  return { ms: performance.now() - t0, body, status: res.status };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('slow lab server', () => {
  it('answers after its fixed delay, with the body size asked, and counts what it served', async () => {
    server = await startSlowServer({ delayMs: 60, bodyBytes: 5 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await timed(server.url);
    expect(r).toMatchObject({ status: 200, body: 'xxxxx' });
    expect(r.ms).toBeGreaterThanOrEqual(55);
    expect(r.ms).toBeLessThan(1_000);
    const stats = await server.stats();
    expect(stats.served).toBe(1);
    expect(stats.cpuMs).toBeGreaterThan(0);
  });

  it('holds every answer due inside a freeze until the freeze ends', async () => {
    const anchor = Date.now() + 300;
    server = await startSlowServer({ freeze: { everyMs: 1_000, forMs: 300, anchorEpochMs: anchor } });
    const before = await timed(server.url);
    expect(before.ms).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, anchor + 50 - Date.now())));
    const frozen = await timed(server.url);
    // Sent about 50 ms into a 300 ms freeze: answered when it ends.
    expect(frozen.ms).toBeGreaterThan(180);
    expect(frozen.ms).toBeLessThan(400);
    const after = await timed(server.url);
    expect(after.ms).toBeLessThan(100);
  });

  it('stops its process', async () => {
    const s = await startSlowServer();
    expect(alive(s.pid)).toBe(true);
    await s.stop();
    await s.stop();
    expect(alive(s.pid)).toBe(false);
  });
});
