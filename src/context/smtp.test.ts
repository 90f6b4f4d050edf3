/** The SMTP sender against real loopback SMTP servers: the lab sink and relays that refuse. */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../lab/smtp-sink.js';
import { createSmtpClient, createSmtpSender, parseRelayUrl, redactRelayUrl, SmtpError } from './smtp.js';

let sink: SmtpSink;
const servers: SMTPServer[] = [];
const ports: Record<string, number> = {};

/** A relay that answers `code message` at one stage of the envelope. */
async function refusingRelay(name: string, stage: 'mail' | 'rcpt' | 'auth', code: number, message: string) {
  const server = new SMTPServer({
    authOptional: stage !== 'auth',
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onAuth(_auth, _session, cb) {
      cb(Object.assign(new Error(message), { responseCode: code }));
    },
    onMailFrom(_addr, _session, cb) {
      if (stage === 'mail') return cb(Object.assign(new Error(message), { responseCode: code }));
      cb();
    },
    onRcptTo(_addr, _session, cb) {
      if (stage === 'rcpt') return cb(Object.assign(new Error(message), { responseCode: code }));
      cb();
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  ports[name] = (server.server.address() as AddressInfo).port;
}

beforeAll(async () => {
  sink = await startSmtpSink({});
  await refusingRelay('rcpt550', 'rcpt', 550, '5.7.1 Relay access denied');
  await refusingRelay('mail451', 'mail', 451, '4.7.1 Try again later');
  await refusingRelay('auth535', 'auth', 535, '5.7.8 Authentication credentials invalid');
  // A port that accepts and never speaks: the greeting times out.
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  ports.silent = (silent.address() as AddressInfo).port;
  servers.push({ close: (cb: () => void) => { silent.close(); cb(); } } as unknown as SMTPServer);
  // A port nothing listens on.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  ports.refused = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(async () => {
  await sink?.stop();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const msg = { from: 'ops@acme.test', to: 'seed@inbox.test', subject: 'launchready test', text: 'hello' };

describe('createSmtpSender', () => {
  it('hands the message to the relay and returns its answer', async () => {
    const sender = createSmtpSender({ url: `smtp://127.0.0.1:${sink.port}`, timeoutMs: 2000 });
    const res = await sender.send({ ...msg, headers: { 'X-Launchready-Test': 'abc' } });
    expect(res.accepted).toEqual(['seed@inbox.test']);
    expect(res.rejected).toEqual([]);
    expect(res.response).toMatch(/^250 /);
    expect(res.messageId).toMatch(/^<.+>$/);
    const got = await sink.waitFor((m) => m.raw.includes('X-Launchready-Test: abc'), 2000);
    expect(got).toMatchObject({ from: 'ops@acme.test', to: ['seed@inbox.test'], subject: 'launchready test' });
  });

  it('resolves the relay name through the given lookup and authenticates with URL credentials', async () => {
    const asked: string[] = [];
    const sender = createSmtpSender({
      url: `smtp://robot%40acme.test:s3cret@relay.acme.test:${sink.port}`,
      timeoutMs: 2000,
      lookup: async (host) => { asked.push(host); return '127.0.0.1'; },
    });
    await sender.send({ ...msg, subject: 'via name' });
    expect(asked).toEqual(['relay.acme.test']);
    expect((await sink.waitFor((m) => m.subject === 'via name', 2000)).user).toBe('robot@acme.test');
  });

  it.each([
    ['a 5xx on RCPT', 'rcpt550', 'REJECTED', 550],
    ['a 5xx on AUTH', 'auth535', 'REJECTED', 535],
    ['a 4xx on MAIL', 'mail451', 'TEMPORARY', 451],
  ])('reports %s as %s with the reply', async (_name, relay, code, replyCode) => {
    const url = relay === 'auth535' ? `smtp://u:p@127.0.0.1:${ports[relay]}` : `smtp://127.0.0.1:${ports[relay]}`;
    const err = await createSmtpSender({ url, timeoutMs: 2000 }).send(msg).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmtpError);
    expect(err).toMatchObject({ code, reply: { code: replyCode }, relay: `smtp://127.0.0.1:${ports[relay]}` });
    expect((err as Error).message).not.toContain(':p@');
  });

  it.each([
    ['a refused connection', 'refused', 'REFUSED'],
    ['a relay that never greets', 'silent', 'TIMEOUT'],
  ])('reports %s as %s', async (_name, relay, code) => {
    const started = performance.now();
    const err = await createSmtpSender({ url: `smtp://127.0.0.1:${ports[relay]}`, timeoutMs: 300 }).send(msg).catch((e: unknown) => e);
    expect(err).toMatchObject({ code });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('reports a name that does not resolve as DNS', async () => {
    const sender = createSmtpSender({ url: 'smtp://nowhere.test', timeoutMs: 300, lookup: async () => { throw new Error('NXDOMAIN'); } });
    await expect(sender.send(msg)).rejects.toMatchObject({ code: 'DNS' });
  });

  it('sends through the client with the URL per message', async () => {
    const client = createSmtpClient({ timeoutMs: 2000 });
    const res = await client.send({ url: `smtp://127.0.0.1:${sink.port}`, ...msg, subject: 'client' });
    expect(res.accepted).toEqual(['seed@inbox.test']);
  });
});

describe('relay URLs', () => {
  it.each([
    ['smtp://relay.example.com', { host: 'relay.example.com', port: 587, secure: false, display: 'smtp://relay.example.com:587' }],
    ['smtps://u:p%40ss@relay.example.com', { port: 465, secure: true, user: 'u', pass: 'p@ss', display: 'smtps://relay.example.com:465' }],
    ['smtp://127.0.0.1:2525', { host: '127.0.0.1', port: 2525 }],
  ])('%s', (url, expected) => {
    expect(parseRelayUrl(url)).toMatchObject(expected);
  });

  it('never shows credentials', () => {
    expect(redactRelayUrl('smtp://user:hunter2@relay.example.com:25')).toBe('smtp://relay.example.com:25');
    expect(() => parseRelayUrl('http://relay.example.com')).toThrow(SmtpError);
  });
});
