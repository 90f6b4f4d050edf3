import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessRunner } from './proc.js';

const node = process.execPath;

describe('createProcessRunner', () => {
  const runner = createProcessRunner();
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'lr-proc-'));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });
  const opts = () => ({ cwd, timeoutMs: 5_000, maxOutputBytes: 1_000_000 });

  it('returns exit code, stdout and stderr, in the given folder', async () => {
    const r = await runner.run(node, ['-e', 'process.stdout.write(process.cwd()); process.stderr.write("warn"); process.exit(3)'], opts());
    expect(r).toMatchObject({ code: 3, stderr: 'warn', timedOut: false });
    expect(r.stdout.endsWith(cwd.split('/').pop()!)).toBe(true);
    expect(r.truncated).toBeUndefined();
  });

  it('passes the environment it is given', async () => {
    const r = await runner.run(node, ['-e', 'process.stdout.write(String(process.env.LR_PROC_X))'], { ...opts(), env: { LR_PROC_X: 'yes' } });
    expect(r.stdout).toBe('yes');
  });

  it('kills a child that outlives its deadline', async () => {
    const started = performance.now();
    const r = await runner.run(node, ['-e', 'setInterval(() => {}, 1000)'], { ...opts(), timeoutMs: 300 });
    expect(r).toMatchObject({ code: null, timedOut: true });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('keeps at most maxOutputBytes of output', async () => {
    const r = await runner.run(node, ['-e', 'process.stdout.write("x".repeat(100000))'], { ...opts(), maxOutputBytes: 1000 });
    expect(r.stdout).toHaveLength(1000);
    expect(r.truncated).toBe(true);
  });

  it('reports a program that is not installed instead of throwing', async () => {
    const r = await runner.run('launchready-no-such-program', [], opts());
    expect(r).toMatchObject({ code: null, timedOut: false, spawnError: { code: 'ENOENT' } });
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const r = await runner.run(node, ['-e', 'setInterval(() => {}, 1000)'], { ...opts(), signal: controller.signal });
    expect(r.code).toBeNull();
  });
});
