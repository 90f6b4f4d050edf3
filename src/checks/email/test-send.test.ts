import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpError } from '../../context/types.js';
import { checkTester, labPool, runAgainstLab } from '../../test-support/check-tester.js';
import testSend, { judgeRefusal, relayTarget, TEST_HEADER } from './test-send.js';

/** A relay that refuses recipients outside its own domain, and any login. */
let strict: SMTPServer;
let strictPort = 0;
let closedPort = 0;

beforeAll(async () => {
  strict = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onAuth(_auth, _session, cb) {
      cb(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith('@relay-owner.test')) return cb();
      cb(Object.assign(new Error('5.7.1 Relay access denied'), { responseCode: 554 }));
    },
  });
  strict.on('error', () => undefined);
  await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
  strictPort = (strict.server.address() as AddressInfo).port;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(() => new Promise<void>((resolve) => (strict ? strict.close(() => resolve()) : resolve())));

checkTester(testSend, {
  pass: [{ name: 'the lab relay accepts the message', lab: 'default' }],
  fail: [
    {
      name: 'the relay denies relaying to the seed inbox',
      lab: 'default',
      config: (raw) => { raw.email.smtp.url = `smtp://127.0.0.1:${strictPort}`; },
      // Targets carry the relay's port, only known once the relay listens.
      expect: [{ messageId: 'rejected', severity: 'high' }],
    },
    {
      name: 'the relay refuses the credentials',
      lab: 'default',
      config: (raw) => { raw.email.smtp.url = `smtp://robot:wrong@127.0.0.1:${strictPort}`; },
      expect: [{ messageId: 'authRejected', severity: 'high' }],
    },
  ],
  error: [
    {
      name: 'nothing listens on the relay port',
      lab: 'default',
      config: (raw) => { raw.email.smtp.url = `smtp://127.0.0.1:${closedPort}`; },
      expect: [{}],
    },
  ],
  skip: [
    { name: 'no relay configured', lab: 'fixed', config: (raw) => { delete raw.email.smtp; }, expect: [{}] },
  ],
});

describe('email.test-send through the lab relay', () => {
  const lab = labPool();
  it('delivers a message the sink can read back, with the relay\'s answer as evidence', async () => {
    const l = await lab('fixed');
    const { results } = await runAgainstLab(testSend, l);
    expect(results).toHaveLength(1);
    const [r] = results;
    expect(r).toMatchObject({ status: 'pass', target: `smtp://127.0.0.1:${l.smtp.port}` });
    expect(r.evidence).toMatchObject({ from: 'ops@acme.test', to: 'launch-seed@acme.test', response: expect.stringMatching(/^250 /) });
    const id = r.evidence?.testId as string;
    const got = await l.smtp.waitFor((m) => m.raw.includes(`${TEST_HEADER}: ${id}`), 2000);
    expect(got.to).toEqual(['launch-seed@acme.test']);
    expect(got.subject).toMatch(/^launchready test message for Acme Ops \(launch ready\) \[/);
  });

  it('keeps credentials out of results', async () => {
    const l = await lab('fixed');
    const { results } = await runAgainstLab(testSend, l, (raw) => { raw.email.smtp.url = `smtp://robot:hunter2@127.0.0.1:${strictPort}`; });
    expect(JSON.stringify(results)).not.toContain('hunter2');
  });
});

describe('test-send helpers', () => {
  it.each([
    ['smtp://u:p@relay.example.com', 'smtp://relay.example.com:587'],
    ['smtps://relay.example.com', 'smtps://relay.example.com:465'],
    ['smtp://127.0.0.1:2525', 'smtp://127.0.0.1:2525'],
  ])('relayTarget(%s) = %s', (url, expected) => {
    expect(relayTarget(url)).toBe(expected);
  });

  it.each([
    [new SmtpError('REJECTED', 'r', 'm', { code: 554, response: '554 5.7.1 Relay access denied', command: 'RCPT TO' }), 'rejected'],
    [new SmtpError('REJECTED', 'r', 'm', { code: 535, response: '535 bad', command: 'AUTH PLAIN' }), 'authRejected'],
    [new SmtpError('TEMPORARY', 'r', 'm', { code: 451 }), undefined],
    [new SmtpError('REFUSED', 'r', 'm'), undefined],
    [new Error('x'), undefined],
  ])('judgeRefusal %#', (err, expected) => {
    expect(judgeRefusal(err)?.messageId).toBe(expected);
  });
});
