/**
 * An SMTP sink on loopback (smtp-server): accepts any envelope and any credentials, keeps each
 * message in memory so tests and the demo can read back what the product sent. No STARTTLS:
 * the lab's mail is plaintext on 127.0.0.1.
 */
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  /** Envelope sender (MAIL FROM); empty for a bounce (`<>`). */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The message as received (headers and body, CRLF line ends, dot-unstuffed). */
  raw: string;
  /** The decoded `Subject` header; empty when there is none. */
  subject: string;
  receivedAt: Date;
  /** The name the client gave in EHLO/HELO. */
  helo: string;
  /** The user name the client authenticated as, if it did (the password is never kept). */
  user?: string;
}

export interface SmtpSinkOptions {
  host?: string;
  port?: number;
  /** Larger messages are refused with 552 (RFC 5321 §4.5.3.1.10). Default 10 MB. */
  maxMessageBytes?: number;
  /** Only the newest messages are kept. Default 1000. */
  maxMessages?: number;
  now?: () => Date;
}

export interface SmtpSink {
  host: string;
  port: number;
  messages(): SinkMessage[];
  /** Resolves with the first message matching `predicate`, or rejects after `timeoutMs`. */
  waitFor(predicate: (m: SinkMessage) => boolean, timeoutMs: number): Promise<SinkMessage>;
  clear(): void;
  stop(): Promise<void>;
}

/** Decodes RFC 2047 encoded-words (`=?UTF-8?Q?caf=C3=A9?=`), as nodemailer writes non-ASCII subjects. */
export function decodeEncodedWords(text: string): string {
  // §6.2: white space between two adjacent encoded-words is not displayed.
  return text.replace(/=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=(?:\s+(?==\?))?/g, (_m, charset: string, encoding: string, data: string) => {
    const bytes = encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    try {
      return new TextDecoder(charset.replace(/\*.*$/, '')).decode(bytes);
    } catch {
      return bytes.toString('utf8');
    }
  });
}

/** The `Subject` of a raw message: header section only, folded lines unfolded (RFC 5322 §2.2.3). */
export function subjectOf(raw: string): string {
  const headerEnd = raw.search(/\r?\n\r?\n/);
  const headers = (headerEnd === -1 ? raw : raw.slice(0, headerEnd)).replace(/\r?\n[ \t]+/g, ' ');
  const line = /^Subject:[ \t]*(.*)$/im.exec(headers);
  return line ? decodeEncodedWords(line[1].trim()) : '';
}

/** Starts the sink on `host` (default 127.0.0.1) and `port` (default 0: a free one). */
export async function startSmtpSink(opts: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const maxBytes = opts.maxMessageBytes ?? 10 * 1024 * 1024;
  const maxMessages = opts.maxMessages ?? 1000;
  const now = opts.now ?? (() => new Date());
  const received: SinkMessage[] = [];
  const arrivals = new EventEmitter().setMaxListeners(0);

  const server = new SMTPServer({
    authOptional: true,
    // Accept AUTH PLAIN/LOGIN over plaintext: the product may be configured with credentials.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: maxBytes,
    banner: 'launchready lab SMTP sink',
    logger: false,
    // Stop does not wait the default 30 s for idle pooled clients.
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes) {
          return callback(Object.assign(new Error(`message exceeds ${maxBytes} bytes`), { responseCode: 552 }));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: subjectOf(raw),
          receivedAt: now(),
          helo: session.hostNameAppearsAs ?? '',
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
        });
        if (received.length > maxMessages) received.splice(0, received.length - maxMessages);
        arrivals.emit('message');
        callback(null);
      });
    },
  });
  // smtp-server re-emits client socket errors (a reset mid-session); unhandled, they would crash the process.
  server.on('error', () => undefined);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    host,
    port,
    messages: () => [...received],
    async waitFor(predicate, timeoutMs) {
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      try {
        // Bounded by the timer: each arrival re-checks, the abort ends the wait.
        for (;;) {
          const hit = received.find(predicate);
          if (hit) return hit;
          await once(arrivals, 'message', { signal: timeout.signal });
        }
      } catch (err) {
        if (timeout.signal.aborted) throw new Error(`no matching message within ${timeoutMs} ms`);
        throw err;
      } finally {
        clearTimeout(timer);
      }
    },
    clear: () => {
      received.length = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
