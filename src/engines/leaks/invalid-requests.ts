/**
 * Invalid requests that probe an API's input handling, built from the declared endpoints (used
 * by `api.error-leak`). Each is wrong on
 * purpose and built so that a server accepting it anyway changes nothing real: bodies are
 * malformed or wrongly typed, ids are `launchready'"`, and DELETE endpoints are never probed.
 */
import type { EndpointConfig } from '../../config/types.js';

export type LeakProbeKind = 'malformedJson' | 'wrongTypes' | 'arrayBody' | 'oversized' | 'wrongSegment' | 'wrongQuery' | 'notFound';

export interface LeakProbe {
  kind: LeakProbeKind;
  method: string;
  /** Path (and query) relative to `api.base`, already percent-encoded. */
  path: string;
  body?: string;
  /** For `oversized`: the body is built only when sent (2 MB per endpoint would pile up otherwise). */
  oversizeKey?: string;
  /**
   * `strict`: invalid input must get a 4xx (5xx and 2xx both fail); `no5xx`: only a 5xx fails
   * (an API may ignore an unknown query parameter or treat a bad id as not found).
   */
  expect: 'strict' | 'no5xx';
}

export interface PlannedTarget {
  /** The endpoint name, or `METHOD path` for the not-found probe. */
  target: string;
  endpoint?: EndpointConfig;
  probes: LeakProbe[];
  /** Why nothing is sent to this endpoint. */
  skipReason?: string;
}

/** A value no id, slug or number parser accepts, with the quotes that break naive SQL. */
export const WRONG_SEGMENT = "launchready'%22";
export const NOT_FOUND_PATH = '/launchready-probe/not-found';
/** Twice the 1 MB most body parsers default to (Express 100 kB, nginx 1 MB). */
export const OVERSIZED_BYTES = 2 * 1024 * 1024;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Template placeholders in declared paths: `{{id}}`, `{id}`, `:id`. */
const TEMPLATE_SEGMENT = /^(?:\{\{[^}]*\}\}|\{[^}]*\}|:[A-Za-z_]\w*)$/;
/** Segments that are ids: numbers, UUIDs, long hex. */
const ID_SEGMENT = /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24,})$/i;

/** A value of another JSON type than `v`. */
function otherType(v: unknown): unknown {
  if (typeof v === 'string') return 42;
  if (typeof v === 'number' || typeof v === 'boolean') return 'launchready';
  return 42;
}

/** Every field of `body` replaced by a value of another type (`{ title: 42 }`), or undefined when it has no fields. */
export function wronglyTyped(body: unknown): Record<string, unknown> | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const entries = Object.entries(body as Record<string, unknown>);
  return entries.length ? Object.fromEntries(entries.map(([k, v]) => [k, otherType(v)])) : undefined;
}

/** The declared path with placeholders filled by the wrong segment (they must not reach real records). */
function filled(path: string): { path: string; templated: boolean } {
  const [p, q] = splitQuery(path);
  let templated = false;
  const segs = p.split('/').map((s) => {
    if (!TEMPLATE_SEGMENT.test(s)) return s;
    templated = true;
    return WRONG_SEGMENT;
  });
  return { path: segs.join('/') + q, templated };
}

function splitQuery(path: string): [string, string] {
  const i = path.indexOf('?');
  return i < 0 ? [path, ''] : [path.slice(0, i), path.slice(i)];
}

/** Where a wrong id fits: in a placeholder, in place of an id-like last segment, or appended. */
export function wrongSegmentPath(path: string): string {
  const f = filled(path);
  if (f.templated) return f.path;
  const [p, q] = splitQuery(path);
  const segs = p.replace(/\/+$/, '').split('/');
  if (segs.length > 1 && ID_SEGMENT.test(segs[segs.length - 1])) segs[segs.length - 1] = WRONG_SEGMENT;
  else segs.push(WRONG_SEGMENT);
  return segs.join('/') + q;
}

/** The path with one query parameter of the wrong type (`page` for lists, `id` otherwise). */
export function wrongQueryPath(path: string, list: boolean): string {
  const { path: p } = filled(path);
  return `${p}${p.includes('?') ? '&' : '?'}${list ? 'page' : 'id'}=${WRONG_SEGMENT}`;
}

/** The field an oversized body fills: the declared body's first key, else `data`. */
function oversizeKeyOf(body: unknown): string {
  return body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body)[0] ?? 'data' : 'data';
}

/** Malformed JSON of about `bytes` bytes (an unterminated string), so even a parser without a limit refuses it. */
export function oversizedBody(key: string, bytes = OVERSIZED_BYTES): string {
  return `{${JSON.stringify(key)}: "${'a'.repeat(bytes)}`;
}

/** The body to send for `probe` (materialising the oversized one). */
export function bodyOf(probe: LeakProbe): string | undefined {
  return probe.oversizeKey !== undefined ? oversizedBody(probe.oversizeKey) : probe.body;
}

/**
 * The probes for every declared endpoint, plus the not-found probe. The oversized body goes once
 * per distinct `METHOD path`.
 */
export function planProbes(endpoints: readonly EndpointConfig[]): PlannedTarget[] {
  const oversizedSent = new Set<string>();
  const planned = endpoints.map((ep): PlannedTarget => {
    const method = ep.method.toUpperCase();
    if (method === 'DELETE') return { target: ep.name, endpoint: ep, probes: [], skipReason: 'DELETE endpoints are not probed: an accepted request could remove data' };
    const sendsBody = BODY_METHODS.has(method);
    if (!sendsBody) {
      if (method !== 'GET' && method !== 'HEAD') return { target: ep.name, endpoint: ep, probes: [], skipReason: `${method} endpoints are not probed` };
      return {
        target: ep.name,
        endpoint: ep,
        probes: [
          { kind: 'wrongSegment', method, path: wrongSegmentPath(ep.path), expect: 'no5xx' },
          { kind: 'wrongQuery', method, path: wrongQueryPath(ep.path, ep.list === true), expect: 'no5xx' },
        ],
      };
    }
    const path = filled(ep.path).path;
    const typed = wronglyTyped(ep.body);
    const probes: LeakProbe[] = [
      { kind: 'malformedJson', method, path, body: '{"title": ', expect: 'strict' },
      ...(typed ? [{ kind: 'wrongTypes' as const, method, path, body: JSON.stringify(typed), expect: 'strict' as const }] : []),
      { kind: 'arrayBody', method, path, body: JSON.stringify(ep.body === undefined ? [] : [ep.body]), expect: 'strict' },
    ];
    const key = `${method} ${ep.path}`;
    if (!oversizedSent.has(key)) {
      oversizedSent.add(key);
      probes.push({ kind: 'oversized', method, path, oversizeKey: oversizeKeyOf(ep.body), expect: 'strict' });
    }
    return { target: ep.name, endpoint: ep, probes };
  });
  planned.push({ target: `GET ${NOT_FOUND_PATH}`, probes: [{ kind: 'notFound', method: 'GET', path: NOT_FOUND_PATH, expect: 'no5xx' }] });
  return planned;
}

const DESCRIPTION: Record<LeakProbeKind, string> = {
  malformedJson: 'a malformed JSON body',
  wrongTypes: 'a wrongly typed body',
  arrayBody: 'an array instead of an object',
  oversized: `a ${OVERSIZED_BYTES / 1024 / 1024} MB body`,
  wrongSegment: 'a wrongly typed id in the path',
  wrongQuery: 'a wrongly typed query parameter',
  notFound: 'a path that does not exist',
};

/** `POST /api/tasks with a malformed JSON body`: which request, in words (never its body). */
export function describeProbe(p: LeakProbe): string {
  return `${p.method} ${p.path} with ${DESCRIPTION[p.kind]}`;
}
