/**
 * The SMTP sender: the one way launchready hands a message to a mail relay (the operational
 * test send). Injected through `Effects.smtp` so tests point it at the lab's SMTP sink.
 */

export interface SmtpMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Extra header fields (e.g. a marker the test send uses to find its message again). */
  headers?: Record<string, string>;
}

/** The relay's answer to an accepted message. */
export interface SmtpSendResult {
  accepted: string[];
  rejected: string[];
  /** The relay's final reply line, e.g. `250 2.0.0 Ok: queued as 4B1C2`. */
  response: string;
  messageId: string;
}

/** A sender bound to one relay (`createSmtpSender`). */
export interface SmtpSender {
  /** Sends one message; throws SmtpError when the relay refuses it or cannot be reached. */
  send(msg: SmtpMessage, opts?: { signal?: AbortSignal }): Promise<SmtpSendResult>;
}

/** A sender for any relay URL (`smtp://` or `smtps://`, credentials in the URL): `Effects.smtp`. */
export interface SmtpClient {
  send(req: SmtpMessage & { url: string; signal?: AbortSignal }): Promise<SmtpSendResult>;
}

/**
 * `REJECTED`: the relay answered 5xx (a permanent refusal, bad credentials included);
 * `TEMPORARY`: 4xx; the rest are transport trouble (no verdict on the relay's policy).
 */
export type SmtpErrorCode = 'REJECTED' | 'TEMPORARY' | 'TIMEOUT' | 'REFUSED' | 'NETWORK' | 'DNS' | 'TLS' | 'AUTH' | 'PROTOCOL' | 'ABORTED';

export class SmtpError extends Error {
  constructor(
    readonly code: SmtpErrorCode,
    /** The relay without credentials, `smtp://relay.example.com:587`. */
    readonly relay: string,
    message: string,
    readonly reply?: { code?: number; response?: string; command?: string },
  ) {
    super(message);
    this.name = 'SmtpError';
  }
}
