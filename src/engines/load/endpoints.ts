/**
 * Endpoints turned into ready-to-dispatch requests once, before the run: the per-request path of
 * the engine then allocates nothing but its handler (undici copies what it needs from the shared
 * options object, and a Buffer body can be written any number of times).
 */
import type { Dispatcher } from 'undici';
import { resolveTarget, type PortOverrides } from '../../context/http-message.js';
import type { LoadEndpoint } from './types.js';

/** A load option that cannot work (bad URL, empty endpoint list, nonsense bound). */
export class LoadOptionsError extends Error {
  override readonly name = 'LoadOptionsError';
}

export interface PreparedEndpoint {
  index: number;
  name: string;
  method: string;
  url: string;
  /** `scheme://host:port` dialled, with the port override applied. */
  origin: string;
  dispatch: Dispatcher.DispatchOptions;
  /** Statuses at or above this have the headers of their first answer kept (Infinity: none). */
  captureHeadersFrom: number;
  /** The kept headers, by status; filled during the run. */
  headersByStatus: Map<number, Record<string, string>>;
}

/** RFC 9110 §5.6.2 token: what a method and a header name may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Cycle length bound of the weighted order (weights are scaled down beyond it). */
const MAX_CYCLE = 10_000;

/**
 * Validates the endpoints and builds their dispatch options.
 * @throws {LoadOptionsError} on a bad URL, method, header or an empty list.
 */
export function prepareEndpoints(
  endpoints: readonly LoadEndpoint[],
  opts: { ports?: PortOverrides; userAgent: string; timeoutMs: number; captureHeadersFrom?: number },
): PreparedEndpoint[] {
  if (endpoints.length === 0) throw new LoadOptionsError('no endpoint to load');
  return endpoints.map((ep, index) => {
    let target;
    try {
      target = resolveTarget(ep.url, opts.ports);
    } catch (err) {
      throw new LoadOptionsError(`${ep.url}: ${(err as Error).message}`);
    }
    const method = (ep.method ?? 'GET').toUpperCase();
    if (!TOKEN.test(method)) throw new LoadOptionsError(`"${ep.method}" is not an HTTP method`);
    // Host as written in the URL (never the override port): virtual hosts route on it. No Accept:
    // its absence means "anything" (RFC 9110 §12.5.1), and every header is work on both sides.
    const headers: string[] = ['host', target.url.host, 'user-agent', opts.userAgent];
    for (const [name, value] of Object.entries(ep.headers ?? {})) {
      if (!TOKEN.test(name)) throw new LoadOptionsError(`"${name}" is not a header name`);
      if (/[\r\n\0]/.test(value)) throw new LoadOptionsError(`header ${name} holds a line break`);
      const lower = name.toLowerCase();
      const at = headers.findIndex((h, i) => i % 2 === 0 && h === lower);
      if (at >= 0) headers[at + 1] = value;
      else headers.push(lower, value);
    }
    const body = ep.body === undefined ? null : Buffer.isBuffer(ep.body) ? ep.body : Buffer.from(ep.body);
    return {
      index,
      name: ep.name ?? `${method} ${target.path}`,
      method,
      url: ep.url,
      origin: target.origin,
      dispatch: {
        origin: target.origin,
        path: target.path,
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
      },
      captureHeadersFrom: opts.captureHeadersFrom ?? Infinity,
      headersByStatus: new Map(),
    };
  });
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The order in which requests visit the endpoints: a cycle where each appears in proportion to
 * its weight, spread out rather than bunched (smooth weighted round-robin, as in nginx).
 */
export function endpointCycle(weights: readonly (number | undefined)[]): number[] {
  let ints = weights.map((w) => {
    const value = w ?? 1;
    if (!Number.isFinite(value) || value <= 0) throw new LoadOptionsError(`an endpoint weight must be > 0, got ${w}`);
    return Math.max(1, Math.round(value * 1000));
  });
  const divisor = ints.reduce(gcd);
  ints = ints.map((w) => w / divisor);
  const total = ints.reduce((a, b) => a + b, 0);
  if (total > MAX_CYCLE) ints = ints.map((w) => Math.max(1, Math.round((w * MAX_CYCLE) / total)));
  const sum = ints.reduce((a, b) => a + b, 0);
  const current = ints.map(() => 0);
  const order: number[] = [];
  for (let step = 0; step < sum; step++) {
    let best = 0;
    for (let i = 0; i < ints.length; i++) {
      current[i] += ints[i];
      if (current[i] > current[best]) best = i;
    }
    current[best] -= sum;
    order.push(best);
  }
  return order;
}
