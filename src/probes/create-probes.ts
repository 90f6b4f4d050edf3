/**
 * The shared gatherers of one run. Each does its network work once (memoised) and returns errors
 * as data, so five checks reading the same redirect chain cost one chain.
 */
import type { ApiSection } from '../config/types.js';
import type { Effects, HttpResponse, TlsVersion } from '../context/types.js';
import { describeError } from '../core/errors.js';
import type { BaselineProbeOptions } from '../engines/baseline/gather.js';
import { addressLookup } from '../context/address-lookup.js';
import { measureBaseline } from '../engines/baseline/measure.js';
import { createApiSession } from './api-session.js';
import { detectChallenge } from './challenge.js';
import { memoize } from './memo.js';
import type { Gathered, HostAddresses, Probes, ProbeError, RedirectChain, RedirectHop } from './types.js';

export interface ProbeOptions {
  /** Hops followed before a chain counts as too long. */
  maxRedirects?: number;
  /** Body cap of page fetches. */
  maxBodyBytes?: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The config's `api` section: when given, `probes.login()` logs in once for the whole run. */
  api?: ApiSection;
  /** With `api`: `probes.baseline()` measures the declared endpoints once for the whole run. */
  baseline?: BaselineProbeOptions;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const TLS_VERSIONS: TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

const ok = <T>(value: T): Gathered<T> => ({ ok: true, value });
const failed = <T>(err: unknown): Gathered<T> => ({ ok: false, error: toProbeError(err) });

export function toProbeError(err: unknown): ProbeError {
  const { code, message } = describeError(err);
  return { code, message };
}

/** Builds the memoised probes of one run on top of the injected effects. */
export function createProbes(fx: Effects, opts: ProbeOptions): Probes {
  const maxRedirects = opts.maxRedirects ?? 10;

  const get = (url: string): Promise<HttpResponse> =>
    fx.http.request({ url, method: 'GET', timeoutMs: opts.timeoutMs, maxBodyBytes: opts.maxBodyBytes, signal: opts.signal });

  const dnsKeyed = memoize(async (key: string) => {
    const [type, name] = key.split(' ') as [Parameters<Probes['dns']>[1], string];
    try {
      return ok(await fx.dns.resolve(name, type, { signal: opts.signal }));
    } catch (err) {
      return failed(err);
    }
  });
  const dns: Probes['dns'] = (name, type) => dnsKeyed(`${type} ${name.toLowerCase()}`) as ReturnType<Probes['dns']>;

  const addresses = memoize(async (host: string): Promise<Gathered<HostAddresses>> => {
    const [a, aaaa] = await Promise.all([dns(host, 'A'), dns(host, 'AAAA')]);
    if (!a.ok) return { ok: false, error: a.error };
    const v6 = aaaa.ok ? aaaa.value.records.map((r) => String(r.data)) : [];
    return ok({
      name: host,
      status: a.value.status === 'nxdomain' ? 'nxdomain' : a.value.records.length || v6.length ? 'ok' : 'nodata',
      cnames: a.value.cnames,
      a: a.value.records.map((r) => String(r.data)),
      aaaa: v6,
    });
  });

  const fetchOnce = memoize(async (url: string): Promise<Gathered<HttpResponse>> => {
    try {
      const res = await get(url);
      const wall = detectChallenge(res);
      if (wall) return { ok: false, error: { code: 'CHALLENGE', message: `${url} answered ${res.status}: ${wall}, not the site` } };
      return ok(res);
    } catch (err) {
      return failed(err);
    }
  });

  const redirects = memoize(async (start: string): Promise<RedirectChain> => {
    const hops: RedirectHop[] = [];
    const seen = new Set<string>();
    let url = start;
    for (let i = 0; i <= maxRedirects; i++) {
      if (seen.has(url)) {
        return { start, hops, error: { code: 'LOOP', message: `redirect loop: ${[...hops.map((h) => h.url), url].join(' → ')}` } };
      }
      seen.add(url);
      const got = await fetchOnce(url);
      if (!got.ok) return { start, hops, error: got.error };
      const res = got.value;
      const location = res.headers.location;
      if (!REDIRECT_STATUSES.has(res.status) || typeof location !== 'string') {
        hops.push({ url, status: res.status });
        return { start, hops, final: res };
      }
      let next: string;
      try {
        next = new URL(location, url).href;
      } catch {
        hops.push({ url, status: res.status, location });
        return { start, hops, error: { code: 'BAD_LOCATION', message: `unparsable Location "${location}" from ${url}` } };
      }
      hops.push({ url, status: res.status, location: next });
      url = next;
    }
    return { start, hops, error: { code: 'TOO_MANY_HOPS', message: `more than ${maxRedirects} redirects from ${start}` } };
  });

  const tls = memoize(async (host: string) => {
    try {
      return ok(await fx.tls.inspect(host, { signal: opts.signal }));
    } catch (err) {
      return failed<Awaited<ReturnType<typeof fx.tls.inspect>>>(err);
    }
  });

  const tlsVersions = memoize(async (host: string): Promise<Gathered<Record<TlsVersion, boolean>>> => {
    try {
      const answers = await Promise.all(TLS_VERSIONS.map((v) => fx.tls.accepts(host, v, { signal: opts.signal })));
      return ok(Object.fromEntries(TLS_VERSIONS.map((v, i) => [v, answers[i]])) as Record<TlsVersion, boolean>);
    } catch (err) {
      return failed(err);
    }
  });

  const login = opts.api ? createApiSession(fx.http, opts.api, { timeoutMs: opts.timeoutMs, signal: opts.signal }) : undefined;
  const baselineOptions = opts.api && opts.baseline ? { ...opts.baseline, api: opts.api } : undefined;
  let baselineRun: ReturnType<NonNullable<Probes['baseline']>> | undefined;
  const baseline = baselineOptions && login
    ? () => (baselineRun ??= measureBaseline({
      config: { ...baselineOptions.config, api: baselineOptions.api },
      login,
      lookup: addressLookup(fx.dns),
      http: fx.http,
      writes: baselineOptions.writes,
      signal: opts.signal,
    }))
    : undefined;

  return {
    addresses: (host) => addresses(host.toLowerCase()),
    dns,
    fetch: (url) => fetchOnce(new URL(url).href),
    redirects: (url) => redirects(new URL(url).href),
    tls: (host) => tls(host.toLowerCase()),
    tlsVersions: (host) => tlsVersions(host.toLowerCase()),
    ...(login ? { login } : {}),
    ...(baseline ? { baseline } : {}),
  };
}
