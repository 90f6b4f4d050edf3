/**
 * Maps whatever an exchange threw (undici errors, node socket errors, our body limits, the
 * connector's HttpErrors) onto the stable HttpErrorCode set the probes branch on.
 */
import { BodyReadError } from './decode-body.js';
import { HttpError, type HttpErrorCode } from './types.js';

/** Error codes seen in practice, by where they come from. */
const BY_CODE: Record<string, HttpErrorCode> = {
  // node sockets
  ECONNREFUSED: 'REFUSED',
  EHOSTUNREACH: 'REFUSED',
  ENETUNREACH: 'REFUSED',
  ECONNRESET: 'RESET',
  ECONNABORTED: 'RESET',
  EPIPE: 'RESET',
  ETIMEDOUT: 'TIMEOUT',
  ENOTFOUND: 'DNS',
  EAI_AGAIN: 'DNS',
  // undici (lib/core/errors.js)
  UND_ERR_SOCKET: 'RESET',
  UND_ERR_CLOSED: 'RESET',
  UND_ERR_DESTROYED: 'ABORTED',
  UND_ERR_ABORTED: 'ABORTED',
  UND_ERR_CONNECT_TIMEOUT: 'TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
  UND_ERR_HEADERS_OVERFLOW: 'HEADERS_TOO_LARGE',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'BODY_TOO_LARGE',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'PROTOCOL',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'PROTOCOL',
  UND_ERR_INVALID_ARG: 'PROTOCOL',
  UND_ERR_NOT_SUPPORTED: 'PROTOCOL',
  // llhttp's own header limit, should it ever fire before undici's
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  ABORT_ERR: 'ABORTED',
};

/** Certificate and handshake failures that escaped the connector's phase tracking. */
const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The HttpErrorCode for a low-level error code; parser errors (`HPE_*`) are PROTOCOL. */
export function classifyErrorCode(code: string | undefined): HttpErrorCode {
  if (!code) return 'PROTOCOL';
  const known = BY_CODE[code];
  if (known) return known;
  if (code.startsWith('HPE_')) return 'PROTOCOL';
  if (TLS_CODE.test(code)) return 'TLS';
  return 'PROTOCOL';
}

/**
 * One HttpError for `url` from anything thrown. When our own signal was aborted (deadline or the
 * caller's signal) its reason wins: the stream errors that follow an abort are only its echo.
 */
export function toHttpError(err: unknown, url: string, signal: AbortSignal): HttpError {
  if (err instanceof BodyReadError) return new HttpError(err.code, url, err.message);
  if (signal.aborted && signal.reason instanceof HttpError) return signal.reason;
  if (err instanceof HttpError) return err.url === url ? err : new HttpError(err.code, url, err.message);
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  return new HttpError(classifyErrorCode(code), url, code ? `${message} (${code})` : message);
}
