/**
 * Interfaces of every outside effect a check may cause. Real implementations live beside this
 * file; the lab and the tests hand the same implementations different network overrides, so a
 * check never knows whether it talks to production or to loopback.
 */

import type { ProcessRunner } from './proc-types.js';
import type { SmtpClient } from './smtp-types.js';
import type { PostgresClient } from './postgres-types.js';
import type { BrowserRunner } from './browser-types.js';

export type { ProcessOptions, ProcessResult, ProcessRunner } from './proc-types.js';
export type { SmtpClient, SmtpMessage, SmtpSendResult, SmtpSender, SmtpErrorCode } from './smtp-types.js';
export { SmtpError } from './smtp-types.js';
export type { PostgresClient, PostgresConnectOptions, PostgresSession, PostgresErrorCode } from './postgres-types.js';
export { PostgresError } from './postgres-types.js';
export type { BrowserLocation, BrowserRunner, BrowserErrorCode, LighthouseRequest, LighthouseRun } from './browser-types.js';
export { BrowserError } from './browser-types.js';

// ---------------------------------------------------------------- DNS

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'CAA' | 'NS' | 'SOA' | 'PTR' | 'SPF';

export interface MxData { preference: number; exchange: string }
export interface CaaData { flags: number; tag: string; value: string }
export interface SoaData { mname: string; rname: string; serial: number }

/** One resource record. `data` is a string for A/AAAA/CNAME/NS/PTR, string chunks for TXT. */
export interface DnsRecord {
  name: string;
  type: DnsRecordType;
  ttl: number;
  data: string | string[] | MxData | CaaData | SoaData;
}

export type DnsRcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'FORMERR' | 'NOTIMP' | string;

/** A raw answer to one question; rcodes are data here, never exceptions. */
export interface DnsResponse {
  rcode: DnsRcode;
  authoritative: boolean;
  truncated: boolean;
  answers: DnsRecord[];
  authorities: DnsRecord[];
}

/**
 * A name resolved to one record type with its CNAME chain followed.
 * `status` nodata means the name exists but has no record of that type.
 */
export interface DnsLookup {
  name: string;
  type: DnsRecordType;
  status: 'ok' | 'nxdomain' | 'nodata';
  /** CNAME targets in order (`app.x` → `edge.y` → …); empty when the name has none. */
  cnames: string[];
  /** Records of the asked type at the end of the chain. */
  records: DnsRecord[];
}

export type DnsErrorCode = 'TIMEOUT' | 'SERVFAIL' | 'REFUSED' | 'NETWORK' | 'CNAME_LOOP' | 'BAD_RESPONSE';

/** Infrastructure trouble while resolving: checks turn it into an `error` result. */
export class DnsError extends Error {
  constructor(readonly code: DnsErrorCode, readonly qname: string, message: string) {
    super(message);
    this.name = 'DnsError';
  }
}

export interface DnsClient {
  /** One question to the configured resolver (UDP, TCP on truncation); throws DnsError on timeout/network. */
  query(name: string, type: DnsRecordType, opts?: { signal?: AbortSignal }): Promise<DnsResponse>;
  /** Resolves with CNAMEs chased (at most 8); throws DnsError on timeout, SERVFAIL, REFUSED, loops. */
  resolve(name: string, type: DnsRecordType, opts?: { signal?: AbortSignal }): Promise<DnsLookup>;
}

// ---------------------------------------------------------------- HTTP

export interface HttpRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Whole-exchange deadline, headers and body together (a trickling server cannot stretch it). */
  timeoutMs?: number;
  /** Cap on the decoded body; above it the request fails with BODY_TOO_LARGE. */
  maxBodyBytes?: number;
  signal?: AbortSignal;
  /** Verify the certificate chain (default false: TLS validity is judged by the TLS checks). */
  verifyTls?: boolean;
}

export interface HttpResponse {
  /** The URL as asked (with the host's real port, not the override). */
  url: string;
  status: number;
  /** Lower-case names; repeated headers joined with ", " except set-cookie (kept as array). */
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** Milliseconds from send to last body byte, and to the first header byte. */
  timings: { totalMs: number; ttfbMs: number };
  remoteAddress?: string;
  tls?: { authorized: boolean; authorizationError?: string; protocol?: string };
}

export type HttpErrorCode =
  | 'TIMEOUT' | 'REFUSED' | 'RESET' | 'DNS' | 'TLS' | 'BODY_TOO_LARGE' | 'HEADERS_TOO_LARGE'
  | 'DECOMPRESSION' | 'PROTOCOL' | 'BLOCKED' | 'ABORTED';

export class HttpError extends Error {
  constructor(readonly code: HttpErrorCode, readonly url: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface HttpClient {
  /** One exchange; redirects are never followed here (the probes follow them hop by hop). */
  request(req: HttpRequest): Promise<HttpResponse>;
}

// ---------------------------------------------------------------- TLS

export interface CertificateInfo {
  subject: string;
  subjectAltNames: string[];
  issuer: string;
  issuerOrganization?: string;
  validFrom: Date;
  validTo: Date;
  serialNumber: string;
  fingerprint256: string;
  keyType?: string;
  keyBits?: number;
  selfSigned: boolean;
}

export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export interface TlsInspection {
  host: string;
  port: number;
  /** Chain verified against system roots plus `network.ca`. */
  authorized: boolean;
  authorizationError?: string;
  /** Does the leaf cover `host` (RFC 6125 matching, wildcards one label deep)? */
  hostnameMatches: boolean;
  protocol: string;
  cipher: string;
  /** Leaf first. */
  chain: CertificateInfo[];
}

export type TlsErrorCode = 'TIMEOUT' | 'REFUSED' | 'RESET' | 'DNS' | 'HANDSHAKE';

export class TlsError extends Error {
  constructor(readonly code: TlsErrorCode, readonly host: string, message: string) {
    super(message);
    this.name = 'TlsError';
  }
}

export interface TlsClient {
  /** Handshake (any version the server prefers) and read the chain. Throws TlsError. */
  inspect(host: string, opts?: { port?: number; signal?: AbortSignal }): Promise<TlsInspection>;
  /** Whether a handshake pinned to exactly `version` succeeds. Throws TlsError for timeouts/refusals. */
  accepts(host: string, version: TlsVersion, opts?: { port?: number; signal?: AbortSignal }): Promise<boolean>;
}

// ---------------------------------------------------------------- misc

export interface Clock {
  now(): Date;
}

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
}

/** Everything with an outside effect, bundled; built once per run by `createContext`. */
export interface Effects {
  dns: DnsClient;
  http: HttpClient;
  tls: TlsClient;
  clock: Clock;
  logger: Logger;
  /** Starts other programs (package-manager auditors); absent where a driver offers none. */
  proc?: ProcessRunner;
  /** Hands messages to an SMTP relay (the operational test send); absent where a driver offers none. */
  smtp?: SmtpClient;
  /** Read-only PostgreSQL sessions (slow-query analysis); absent where a driver offers none. */
  postgres?: PostgresClient;
  /** Headless Chromium for Lighthouse audits; absent where a driver offers none. */
  browser?: BrowserRunner;
}
