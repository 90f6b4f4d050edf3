/**
 * Shared gatherers: network work done once per run and memoised, so one redirect chain serves
 * the HTTPS, canonical, HSTS and mixed-content checks. Each probe returns its error as data.
 */
import type { DnsLookup, HttpResponse, TlsInspection, TlsVersion } from '../context/types.js';
import type { BaselineRun } from '../engines/baseline/types.js';

/** Either a value or the reason it could not be gathered. */
export type Gathered<T> = { ok: true; value: T } | { ok: false; error: ProbeError };

export interface ProbeError {
  /** Stable code (`TIMEOUT`, `REFUSED`, `SERVFAIL`, `CHALLENGE`, `BODY_TOO_LARGE` …). */
  code: string;
  message: string;
}

export interface HostAddresses {
  name: string;
  status: 'ok' | 'nxdomain' | 'nodata';
  cnames: string[];
  a: string[];
  aaaa: string[];
}

export interface RedirectHop {
  url: string;
  status: number;
  location?: string;
}

export interface RedirectChain {
  start: string;
  hops: RedirectHop[];
  /** The last response (not a redirect), when the chain ended normally. */
  final?: HttpResponse;
  /** Set when the chain was cut: `LOOP`, `TOO_MANY_HOPS`, or a transport error. */
  error?: ProbeError;
}

export interface Probes {
  /** A and AAAA of a host with its CNAME chain. */
  addresses(host: string): Promise<Gathered<HostAddresses>>;
  /** Any record type, CNAMEs chased. */
  dns(name: string, type: DnsLookup['type']): Promise<Gathered<DnsLookup>>;
  /** One GET (memoised by URL), body capped. A bot-wall challenge page is an error `CHALLENGE`. */
  fetch(url: string): Promise<Gathered<HttpResponse>>;
  /** Follow redirects from `url` hop by hop (at most 10), memoised by start URL. */
  redirects(url: string): Promise<RedirectChain>;
  /** TLS handshake details of `host`. */
  tls(host: string): Promise<Gathered<TlsInspection>>;
  /** Which protocol versions `host` accepts. */
  tlsVersions(host: string): Promise<Gathered<Record<TlsVersion, boolean>>>;
  /**
   * Logs in once per run through `api.login` (see `api-session.ts`); an error when login is not
   * configured or fails. Absent when the driver built the probes without the `api` section —
   * checks call `loginFor(ctx)`, which falls back to a session of their own.
   */
  login?(): Promise<Gathered<{ token: string }>>;
  /**
   * The performance baseline of the declared endpoints, measured once per run (one login, one
   * bounded load; see `engines/baseline`). Absent when the driver gave no baseline options —
   * checks call `baselineFor(ctx)`, which then measures on its own.
   */
  baseline?(): Promise<Gathered<BaselineRun>>;
}
