/** `launchready email <domain>` in-process against the lab (DNS, HTTPS policy host, SMTP sink). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dkim from '../checks/email/dkim.js';
import dmarc from '../checks/email/dmarc.js';
import mtaSts from '../checks/email/mta-sts.js';
import mx from '../checks/email/mx.js';
import spf from '../checks/email/spf.js';
import testSend from '../checks/email/test-send.js';
import { startLab, type Lab } from '../lab/index.js';
import { registerEmail } from './email.js';
import { EXIT } from './io.js';
import { memoryIo } from './test-io.js';

const CHECKS = [spf, dkim, dmarc, mx, mtaSts, testSend];

let lab: Lab;
let empty: string;

beforeAll(async () => {
  lab = await startLab({ variant: 'default' });
  empty = await mkdtemp(join(tmpdir(), 'launchready-email-cli-'));
});
afterAll(async () => {
  await lab?.stop();
  if (empty) await rm(empty, { recursive: true, force: true });
});

/** A program as `main.ts` builds it, with only `email` registered. */
async function run(cwd: string, ...args: string[]) {
  const m = memoryIo(cwd);
  let code: number = EXIT.ok;
  const program = new Command('launchready')
    .exitOverride()
    .configureOutput({ writeOut: (s) => m.io.stdout(s), writeErr: (s) => m.io.stderr(s) });
  const email = registerEmail(program, m.io, (c) => { code = c; }, { checks: CHECKS });
  email.exitOverride();
  try {
    await program.parseAsync(['node', 'launchready', 'email', ...args]);
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    code = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return { code, out: m.stdout(), err: m.stderr() };
}

interface Doc {
  tool: { name: string };
  project: string;
  results: { check: string; target: string; status: string; severity?: string; messageId?: string; evidence?: Record<string, unknown> }[];
  summary: Record<string, number>;
}
const json = (out: string) => JSON.parse(out) as Doc;
const labFlags = () => ['--resolver', lab.resolver, '--ca-file', join(lab.dir, 'ca.pem'), '--https-port', String(lab.ports.https), '--timeout', '2s'];

describe('launchready email <domain>', () => {
  it('runs every email check for the domain and prints the audit document', async () => {
    const r = await run(lab.dir, 'toomany.acme.test', '--config', lab.configPath, '--format', 'json');
    expect(r.code, r.err).toBe(EXIT.ok);
    const doc = json(r.out);
    expect(doc.tool.name).toBe('launchready');
    expect(Object.keys(doc.summary)).toEqual(expect.arrayContaining(['blocker', 'high', 'medium', 'low', 'pass', 'score']));
    expect([...new Set(doc.results.map((x) => x.check))].sort()).toEqual(['email.dkim', 'email.dmarc', 'email.mta-sts', 'email.mx', 'email.spf']);
    const fails = doc.results.filter((x) => x.status === 'fail').map((x) => `${x.check}:${x.messageId}`);
    expect(fails).toEqual(expect.arrayContaining([
      'email.spf:tooManyLookups', 'email.dkim:weakKey', 'email.dmarc:pNone', 'email.mx:noMx', 'email.mta-sts:missing',
    ]));
    expect(doc.results.every((x) => x.target.endsWith('toomany.acme.test'))).toBe(true);
  });

  it('exits 1 when a finding reaches --fail-on', async () => {
    const r = await run(lab.dir, 'toomany.acme.test', '--config', lab.configPath, '--fail-on', 'high', '--quiet');
    expect(r.code).toBe(EXIT.findings);
    expect(r.out).toContain('toomany.acme.test');
  });

  it('checks a domain the config does not list, with selectors from the flags', async () => {
    const r = await run(lab.dir, 'Acme.Test.', '--config', lab.configPath, '--selectors', 's1,ed1', '--receives-mail', '--format', 'json');
    const doc = json(r.out);
    expect(doc.results.filter((x) => x.status !== 'pass'), r.out).toEqual([]);
    expect(doc.results.filter((x) => x.check === 'email.dkim').map((x) => x.target).sort()).toEqual(['ed1._domainkey.acme.test', 's1._domainkey.acme.test']);
  });

  it('works without a config file, through the network flags', async () => {
    const r = await run(empty, 'notify.acme.test', ...labFlags(), '--selectors', 'k1', '--format', 'json');
    expect(r.code, r.err).toBe(EXIT.ok);
    const doc = json(r.out);
    expect(doc.project).toBe('notify.acme.test');
    expect(doc.results.map((x) => `${x.check}:${x.status}`).sort()).toEqual([
      'email.dkim:pass', 'email.dmarc:pass', 'email.mta-sts:skip', 'email.mx:pass', 'email.spf:pass',
    ]);
  });

  it('--send-test sends through the configured relay; the sink receives the message', async () => {
    const r = await run(lab.dir, 'toomany.acme.test', '--config', lab.configPath, '--send-test', 'seed@inbox.test', '--format', 'json');
    const sent = json(r.out).results.find((x) => x.check === 'email.test-send')!;
    expect(sent).toMatchObject({ status: 'pass', target: `smtp://127.0.0.1:${lab.smtp.port}` });
    expect(sent.evidence).toMatchObject({ from: 'ops@acme.test', to: 'seed@inbox.test', response: expect.stringMatching(/^250 /) });
    const got = await lab.smtp.waitFor((m) => m.raw.includes(`X-Launchready-Test: ${sent.evidence!.testId as string}`), 2000);
    expect(got.to).toEqual(['seed@inbox.test']);
    expect(got.from).toBe('ops@acme.test');
  });

  it('--send-test with --smtp and --from needs no config file', async () => {
    const r = await run(empty, 'notify.acme.test', ...labFlags(), '--send-test', 'seed2@inbox.test', '--smtp', `smtp://127.0.0.1:${lab.smtp.port}`, '--from', 'alerts@notify.acme.test', '--format', 'json');
    const sent = json(r.out).results.find((x) => x.check === 'email.test-send')!;
    expect(sent.status).toBe('pass');
    await lab.smtp.waitFor((m) => m.to.includes('seed2@inbox.test') && m.from === 'alerts@notify.acme.test', 2000);
  });

  it.each([
    ['no domain', []],
    ['not a domain', ['not_a_domain']],
    ['a bad test address', ['acme.test', '--send-test', 'nobody']],
    ['--send-test without a relay', ['acme.test', '--send-test', 'seed@inbox.test']],
    ['contradicting roles', ['acme.test', '--receives-mail', '--send-only']],
    ['a missing explicit config', ['acme.test', '--config', 'nope.yml']],
    ['an unknown format', ['acme.test', '--format', 'pdf']],
  ])('exits 2 on %s', async (_name, args) => {
    const r = await run(empty, ...args, '--resolver', lab.resolver);
    expect(r.code).toBe(EXIT.usage);
    expect(r.out).toBe('');
  });

  it('keeps `email spf-eval` under the same command', async () => {
    const r = await run(empty, 'spf-eval', '--ip', '192.0.2.1', '--mail-from', 'ops@neutral.acme.test', '--resolver', lab.resolver, '--format', 'json');
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(JSON.parse(r.out)).toMatchObject({ result: 'neutral' });
  });
});
