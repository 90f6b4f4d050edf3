// `launchready audit` flags against the real lab: selection, gate severity, baseline, deliverables.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/test-io.js';
import { startLab, type Lab } from '../../src/lab/index.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ variant: 'default' });
});
afterAll(async () => lab?.stop());

async function audit(...args: string[]) {
  const m = memoryIo(lab.dir);
  const code = await main(['node', 'launchready', 'audit', '--config', lab.configPath, ...args], m.io);
  return { code, out: m.stdout(), err: m.stderr() };
}
const checksIn = (out: string) => new Set(JSON.parse(out).results.map((r: { check: string }) => r.check));

describe('audit flags', () => {
  it.each([
    [['--only', 'tls.caa'], 0],
    [['--only', 'tls.caa', '--fail-on', 'low'], 1],
    [['--only', 'tls'], 1],
    [['--only', 'tls.expiry', '--skip', 'tls'], 0],
  ])('%j exits %i', async (args, code) => {
    expect((await audit(...args, '--format', 'json')).code).toBe(code);
  });

  it('--only and --skip select by id or area', async () => {
    const only = checksIn((await audit('--only', 'dns,tls.caa', '--format', 'json')).out);
    expect([...only].sort()).toEqual(['dns.dangling-cname', 'dns.environment-separation', 'dns.records-match', 'tls.caa']);
    const skipped = checksIn((await audit('--skip', 'dns,edge.rate-limit,web.lighthouse,perf', '--format', 'json')).out);
    expect([...skipped].some((c) => String(c).startsWith('dns.') || c === 'edge.rate-limit')).toBe(false);
  }, 120_000);

  it('--no-intrusive leaves out the checks that send bursts, write data or send mail', async () => {
    const all = checksIn((await audit('--only', 'edge,email.test-send,tls.caa', '--format', 'json')).out);
    expect(all).toContain('edge.rate-limit');
    const safe = checksIn((await audit('--only', 'edge,email.test-send,tls.caa', '--no-intrusive', '--format', 'json')).out);
    expect([...safe].sort()).toEqual(['edge.cdn', 'tls.caa']);
  });

  it('--stage keeps only that stage', async () => {
    const r = await audit('--stage', '5', '--format', 'json');
    const stages = new Set(JSON.parse(r.out).results.map((x: { stage: number }) => x.stage));
    expect([...stages]).toEqual([5]);
    expect(checksIn(r.out)).toContain('deploy.health-endpoint');
  });

  it('a --baseline of an earlier result accepts its findings', async () => {
    const first = await audit('--only', 'tls', '--format', 'json');
    expect(first.code).toBe(1);
    const file = join(lab.dir, 'accepted.json');
    await writeFile(file, first.out);
    const second = await audit('--only', 'tls', '--format', 'json', '--baseline', file);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).results.filter((r: { status: string }) => r.status === 'fail')).toEqual([]);
  });

  it('config audit.ignore accepts a fingerprint', async () => {
    const first = JSON.parse((await audit('--only', 'tls.caa', '--format', 'json')).out);
    const fp = first.results.find((r: { status: string }) => r.status === 'fail').fingerprint;
    const path = await lab.writeConfig((raw) => { raw.audit.ignore = [fp]; });
    const m = memoryIo(lab.dir);
    await main(['node', 'launchready', 'audit', '--config', path, '--only', 'tls.caa', '--format', 'json', '--fail-on', 'low'], m.io);
    expect(JSON.parse(m.stdout()).summary.low).toBe(0);
  });

  it.each(['sarif', 'junit', 'markdown', 'html'])('renders --format %s', async (format) => {
    const r = await audit('--only', 'tls', '--format', format);
    expect(r.out.length).toBeGreaterThan(200);
  });

  it('shows progress on stderr only when it is a terminal', async () => {
    const quiet = await audit('--only', 'tls');
    expect(quiet.err).not.toMatch(/\[\d+\/\d+\]/);
    const m = memoryIo(lab.dir);
    m.io.stderrIsTty = true;
    await main(['node', 'launchready', 'audit', '--config', lab.configPath, '--only', 'tls'], m.io);
    expect(m.stderr()).toMatch(/\[\d+\/5\] tls\./);
  });
});
