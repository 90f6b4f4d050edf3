/**
 * The real SMTP sender on nodemailer. The relay's name is resolved through the run's resolver
 * (never the system's), the TLS server name stays the relay's name, and every exchange is
 * bounded by the run's timeout: connect, greeting, each reply, and the whole send together.
 */
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import { SmtpError, type SmtpClient, type SmtpErrorCode, type SmtpMessage, type SmtpSendResult, type SmtpSender } from './smtp-types.js';

export type { SmtpClient, SmtpMessage, SmtpSendResult, SmtpSender } from './smtp-types.js';
export { SmtpError } from './smtp-types.js';

export interface SmtpSenderOptions {
  /** `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  url: string;
  timeoutMs: number;
  /** Resolves the relay's name (default: the name is handed to nodemailer as is). */
  lookup?: (host: string) => Promise<string>;
  /** Extra trusted roots (PEM) for the relay's certificate. */
  ca?: string;
}

interface Relay {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  /** For messages and evidence: no credentials. */
  display: string;
}

/** Parses a relay URL; the display form never carries credentials. */
export function parseRelayUrl(url: string): Relay {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SmtpError('PROTOCOL', '(unparsable URL)', 'the SMTP relay URL is not a URL');
  }
  const scheme = u.protocol.replace(/:$/, '');
  if (scheme !== 'smtp' && scheme !== 'smtps') throw new SmtpError('PROTOCOL', `${scheme}://${u.host}`, `unsupported scheme ${scheme}: (use smtp:// or smtps://)`);
  const secure = scheme === 'smtps';
  // RFC 8314: 465 is implicit TLS; 587 is submission with STARTTLS.
  const port = u.port ? Number(u.port) : secure ? 465 : 587;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return {
    host,
    port,
    secure,
    ...(u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : {}),
    display: `${scheme}://${u.hostname}:${port}`,
  };
}

/** The relay of a URL without credentials (`smtp://host:port`), for evidence and messages. */
export function redactRelayUrl(url: string): string {
  try {
    return parseRelayUrl(url).display;
  } catch (err) {
    return (err as SmtpError).relay ?? '(SMTP relay)';
  }
}

/** Maps nodemailer's errors to stable codes: a 5xx reply is a refusal, the rest infrastructure. */
function toSmtpError(err: unknown, relay: string): SmtpError {
  if (err instanceof SmtpError) return err;
  const e = (err ?? {}) as { code?: string; responseCode?: number; response?: string; command?: string; message?: string };
  const message = e.message ?? String(err);
  const reply = { code: e.responseCode, response: e.response, command: e.command };
  let code: SmtpErrorCode;
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) code = 'REJECTED';
  else if (typeof e.responseCode === 'number' && e.responseCode >= 400) code = 'TEMPORARY';
  else if (e.code === 'ETIMEDOUT' || /timeout/i.test(message)) code = 'TIMEOUT';
  else if (/ECONNREFUSED/.test(message)) code = 'REFUSED';
  else if (/certificate|self[- ]signed|TLS|SSL/i.test(message)) code = 'TLS';
  else if (e.code === 'EAUTH') code = 'AUTH';
  else if (e.code === 'ECONNECTION' || e.code === 'ESOCKET') code = 'NETWORK';
  else code = 'PROTOCOL';
  const text = reply.response ? `${relay}: ${reply.command ? `${reply.command} → ` : ''}${reply.response}` : `${relay}: ${message}`;
  return new SmtpError(code, relay, text, reply.code || reply.response ? reply : undefined);
}

/** A sender bound to one relay. Each `send` opens one connection and closes it. */
export function createSmtpSender(opts: SmtpSenderOptions): SmtpSender {
  return {
    async send(msg: SmtpMessage, sendOpts: { signal?: AbortSignal } = {}): Promise<SmtpSendResult> {
      const relay = parseRelayUrl(opts.url);
      let address = relay.host;
      if (isIP(relay.host) === 0 && opts.lookup) {
        try {
          address = await opts.lookup(relay.host);
        } catch (err) {
          throw new SmtpError('DNS', relay.display, `${relay.display}: cannot resolve ${relay.host}: ${(err as Error).message ?? String(err)}`);
        }
      }
      const transport = nodemailer.createTransport({
        host: address,
        port: relay.port,
        secure: relay.secure,
        ...(isIP(relay.host) === 0 ? { servername: relay.host } : {}),
        ...(relay.user !== undefined ? { auth: { user: relay.user, pass: relay.pass ?? '' } } : {}),
        tls: { ...(opts.ca ? { ca: opts.ca } : {}), ...(isIP(relay.host) === 0 ? { servername: relay.host } : {}) },
        connectionTimeout: opts.timeoutMs,
        greetingTimeout: opts.timeoutMs,
        socketTimeout: opts.timeoutMs,
        // The message is ours: never let it pull files or URLs into attachments.
        disableFileAccess: true,
        disableUrlAccess: true,
        logger: false,
      } as Parameters<typeof nodemailer.createTransport>[0]);
      // Whole-send deadline: connect + EHLO + AUTH + MAIL/RCPT/DATA, each under its own timeout
      // above, could otherwise add up to several times the run's bound.
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      const stop = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new SmtpError('TIMEOUT', relay.display, `${relay.display}: no answer within ${opts.timeoutMs} ms`)), opts.timeoutMs * 2);
        onAbort = () => reject(new SmtpError('ABORTED', relay.display, `${relay.display}: send aborted`));
        if (sendOpts.signal?.aborted) onAbort();
        sendOpts.signal?.addEventListener('abort', onAbort, { once: true });
      });
      try {
        const sending = transport.sendMail({ from: msg.from, to: msg.to, subject: msg.subject, text: msg.text, headers: msg.headers });
        // Past the deadline nobody awaits the send any more: its late failure must not go unhandled.
        sending.catch(() => undefined);
        const info = (await Promise.race([sending, stop])) as { accepted?: unknown[]; rejected?: unknown[]; response?: string; messageId?: string };
        return {
          accepted: (info.accepted ?? []).map(String),
          rejected: (info.rejected ?? []).map(String),
          response: String(info.response ?? ''),
          messageId: String(info.messageId ?? ''),
        };
      } catch (err) {
        throw toSmtpError(err, relay.display);
      } finally {
        clearTimeout(timer);
        if (onAbort) sendOpts.signal?.removeEventListener('abort', onAbort);
        transport.close();
      }
    },
  };
}

/** A client for any relay URL, sharing one timeout, resolver and trust store: `Effects.smtp`. */
export function createSmtpClient(opts: Omit<SmtpSenderOptions, 'url'>): SmtpClient {
  return {
    send: ({ url, signal, ...msg }) => createSmtpSender({ ...opts, url }).send(msg, { signal }),
  };
}
