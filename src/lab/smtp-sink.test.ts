// The SMTP sink, driven by a real SMTP client (nodemailer) over loopback.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEncodedWords, startSmtpSink, subjectOf, type SmtpSink } from './smtp-sink.js';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('smtp sink', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ maxMessageBytes: 64 * 1024, now: () => NOW });
  });
  afterAll(() => sink?.stop());

  const transport = (auth?: { user: string; pass: string }) => nodemailer.createTransport({
    host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, name: 'sender.acme.test',
    connectionTimeout: 2000, greetingTimeout: 2000, socketTimeout: 2000, ...(auth ? { auth } : {}),
  });

  it('stores a message sent by nodemailer with its envelope and decoded subject', async () => {
    const waiting = sink.waitFor((m) => m.to.includes('ops@acme.test'), 2000);
    await transport().sendMail({
      from: 'alerts@acme.test', to: ['ops@acme.test', 'oncall@acme.test'], subject: 'Café is up ☕ again', text: 'Hello from the lab',
    });
    const message = await waiting;
    expect(message).toMatchObject({
      from: 'alerts@acme.test', to: ['ops@acme.test', 'oncall@acme.test'], subject: 'Café is up ☕ again', receivedAt: NOW, helo: 'sender.acme.test',
    });
    expect(message.raw).toContain('Hello from the lab');
    expect(sink.messages()).toHaveLength(1);
  });

  it('accepts any credentials and records the user, never the password', async () => {
    await transport({ user: 'relay-user', pass: 'relay-secret' }).sendMail({ from: 'a@acme.test', to: 'b@acme.test', subject: 'auth', text: 'x' });
    const message = await sink.waitFor((m) => m.subject === 'auth', 2000);
    expect(message.user).toBe('relay-user');
    expect(JSON.stringify(message)).not.toContain('relay-secret');
  });

  it('refuses a message over the size cap with 552', async () => {
    await expect(transport().sendMail({ from: 'a@acme.test', to: 'b@acme.test', subject: 'big', text: 'x'.repeat(100 * 1024) }))
      .rejects.toMatchObject({ responseCode: 552 });
    expect(sink.messages().some((m) => m.subject === 'big')).toBe(false);
  });

  it('times out waiting for a message that never comes', async () => {
    await expect(sink.waitFor((m) => m.subject === 'never', 50)).rejects.toThrow(/within 50 ms/);
  });

  it('clears its messages', () => {
    sink.clear();
    expect(sink.messages()).toEqual([]);
  });
});

describe('subject decoding', () => {
  it.each([
    ['Subject: plain\r\n\r\nbody', 'plain'],
    ['Subject: folded\r\n  over lines\r\n\r\n', 'folded over lines'],
    ['Subject: =?UTF-8?Q?caf=C3=A9_ok?=\r\n\r\n', 'café ok'],
    ['Subject: =?UTF-8?B?4piV?= =?UTF-8?B?4piV?=\r\n\r\n', '☕☕'],
    ['From: a@b\r\n\r\nSubject: in the body', ''],
  ])('%j → %j', (raw, subject) => {
    expect(subjectOf(raw)).toBe(subject);
  });

  it('falls back to UTF-8 for an unknown charset', () => {
    expect(decodeEncodedWords('=?x-unknown?Q?hi?=')).toBe('hi');
  });
});
