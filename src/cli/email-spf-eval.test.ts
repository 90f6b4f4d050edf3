/** `launchready email spf-eval` in-process, against the lab's DNS server. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type LabDnsServer } from '../lab/dns-server.js';
import { buildZone } from '../lab/zone.js';
import { addCommonOptions } from './common-options.js';
import { registerSpfEval } from './email-spf-eval.js';
import { EXIT } from './io.js';
import { memoryIo } from './test-io.js';

let server: LabDnsServer;
let dir: string;

beforeAll(async () => {
  server = await startDnsServer({
    zone: buildZone({
      'acme-mail.test': { TXT: 'v=spf1 ip4:192.0.2.0/24 include:_spf.relay.test -all exp=why.acme-mail.test' },
      'why.acme-mail.test': { TXT: '%{i} may not send for %{d}' },
      '_spf.relay.test': { TXT: 'v=spf1 ip6:2001:db8::/32 ~all' },
      'helo.acme-mail.test': { TXT: 'v=spf1 a -all', A: '198.51.100.7' },
      'broken.acme-mail.test': { TXT: 'v=spf1 ip4:192.0.2.0/33 -all' },
      'slow.acme-mail.test': 'timeout',
    }),
  });
  dir = await mkdtemp(join(tmpdir(), 'launchready-spf-eval-'));
  await writeFile(join(dir, 'lab.yml'), `project: X\nnetwork:\n  resolver: "${server.address}"\n  timeout: 1s\n`);
});
afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * A program like `main.ts` builds, with only `email spf-eval` registered; `parentOptions` gives
 * the `email` command the common options too, as `launchready email <domain>` will have.
 */
async function runWith(parentOptions: boolean, ...args: string[]) {
  const m = memoryIo(dir);
  let code: number = EXIT.ok;
  const program = new Command('launchready')
    .exitOverride()
    .configureOutput({ writeOut: (s) => m.io.stdout(s), writeErr: (s) => m.io.stderr(s) });
  const email = program.command('email').exitOverride();
  if (parentOptions) addCommonOptions(email, { formats: ['text', 'json'] }).argument('[domain]').action(() => undefined);
  registerSpfEval(email, m.io, (c) => { code = c; });
  try {
    await program.parseAsync(['node', 'launchready', 'email', 'spf-eval', ...args]);
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    code = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return { code, out: m.stdout(), err: m.stderr() };
}
const run = (...args: string[]) => runWith(false, ...args);

const lab = () => ['--resolver', server.address, '--timeout', '1s'];

describe('launchready email spf-eval', () => {
  it.each([
    ['pass', ['--ip', '192.0.2.25', '--mail-from', 'ops@acme-mail.test', '--helo', 'mx.acme-mail.test'], 'pass', /matched "ip4:192\.0\.2\.0\/24"/, 0],
    ['pass through the include', ['--ip', '2001:db8::1', '--mail-from', 'ops@acme-mail.test'], 'pass', /matched "include:_spf\.relay\.test"/, 1],
    ['fail with the exp= text', ['--ip', '203.0.113.9', '--mail-from', 'ops@acme-mail.test', '--helo', 'x.test'], 'fail', /^203\.0\.113\.9 may not send for acme-mail\.test$/, 1],
    ['HELO identity', ['--ip', '198.51.100.7', '--mail-from', '', '--helo', 'helo.acme-mail.test'], 'pass', /matched "a"/, 1],
    ['permerror', ['--ip', '192.0.2.1', '--mail-from', 'a@broken.acme-mail.test'], 'permerror', /prefix length/, 0],
    ['temperror', ['--ip', '192.0.2.1', '--mail-from', 'a@slow.acme-mail.test'], 'temperror', /no answer/, 0],
    ['none', ['--ip', '192.0.2.1', '--mail-from', 'a@nothing.acme-mail.test'], 'none', /publishes no SPF record/, 0],
  ])('%s: prints the JSON of interface.md and exits 0', async (_name, args, result, explanation, lookups) => {
    const r = await run(...args, ...lab(), '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).sort()).toEqual(['explanation', 'lookups', 'result', 'voidLookups']);
    expect(json.result).toBe(result);
    expect(json.explanation).toMatch(explanation);
    expect(json.lookups).toBe(lookups);
    expect(json.voidLookups).toBe(0);
  });

  it('prints text with the trace by default', async () => {
    const r = await run('--ip', '203.0.113.9', '--mail-from', 'ops@acme-mail.test', ...lab());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^SPF fail for MAIL FROM ops@acme-mail\.test from 203\.0\.113\.9/);
    expect(r.out).toContain('include:_spf.relay.test → _spf.relay.test: 0 look-up(s), 0 void, softfail');
  });

  it('takes the resolver and timeout from the config file', async () => {
    const r = await run('--config', 'lab.yml', '--ip', '192.0.2.25', '--mail-from', 'ops@acme-mail.test', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).result).toBe('pass');
  });

  it('keeps its flags when the parent email command declares the same options', async () => {
    const r = await runWith(true, '--config', 'lab.yml', '--ip', '203.0.113.9', '--mail-from', 'ops@acme-mail.test', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).result).toBe('fail');
    expect((await runWith(true, '--ip', '192.0.2.1', '--helo', 'a.test', '--config', 'missing.yml')).code).toBe(2);
  });

  it.each([
    [[], /--ip/],
    [['--ip', 'not-an-ip', '--mail-from', 'a@b.test'], /IPv4 or IPv6/],
    [['--ip', '192.0.2.1'], /--mail-from.*--helo/],
    [['--ip', '192.0.2.1', '--helo', 'a.test', '--timeout', 'soon'], /--timeout/],
    [['--ip', '192.0.2.1', '--helo', 'a.test', '--resolver', 'nowhere'], /nowhere/],
    [['--ip', '192.0.2.1', '--helo', 'a.test', '--config', 'missing.yml'], /not found/],
    [['--ip', '192.0.2.1', '--helo', 'a.test', '--format', 'xml'], /format/],
  ])('exits 2 on bad arguments %j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
