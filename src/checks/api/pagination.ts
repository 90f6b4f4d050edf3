/**
 * api.pagination: list endpoints bound their page size, honour a limit, and hand out a cursor or
 * next link. Declared lists (`list: true`) are judged, and so are other GET endpoints whose JSON
 * answer is clearly a list (an array of objects, or one top-level array of objects). Each is read
 * once signed in, then probed with `?limit=5` — and, when that is ignored on a big or declared
 * list, `per_page`, `page_size`, `pageSize`, `size` (at most five probes, stopping at the first
 * that works).
 */
import type { EndpointConfig } from '../../config/types.js';
import type { HttpResponse } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import { describeError } from '../../core/errors.js';
import { mapLimit } from '../../core/map-limit.js';
import type { CheckContext } from '../../core/types.js';
import {
  findList, judgePagination, paginationSignals, PROBE_LIMIT, shouldProbeNext, type LimitProbe, type ListObservation,
} from '../../engines/pagination/index.js';
import { apiUrl, bearer, loginFor, type ApiSession } from '../../probes/api-session.js';
import { detectChallenge } from '../../probes/challenge.js';

/** Hundreds of rows fit easily; an answer above this is unbounded whatever its shape. */
const BODY_CAP = 8 * 1024 * 1024;
/** Endpoints read at once (each endpoint's probes are sequential). */
const PARALLEL_ENDPOINTS = 3;

/** `url` with `name=value` set in its query, other parameters kept. */
export function withParam(url: string, name: string, value: string | number): string {
  const u = new URL(url);
  u.searchParams.set(name, String(value));
  return u.href;
}

type Observed =
  | { kind: 'list'; obs: ListObservation; url: string }
  | { kind: 'notList'; reason: string }
  | { kind: 'error'; error: { code: string; message: string } };

function parseJson(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

async function get(ctx: CheckContext, url: string, ep: EndpointConfig, session: ApiSession | undefined): Promise<HttpResponse> {
  return ctx.http.request({
    url, method: 'GET', headers: { accept: 'application/json', ...(ep.headers ?? {}), ...bearer(session) },
    timeoutMs: ctx.config.network.timeoutMs, maxBodyBytes: BODY_CAP, signal: ctx.signal,
  });
}

/** Reads one endpoint and, when it answers a list, probes its page size. */
async function observe(ctx: CheckContext, ep: EndpointConfig, session: ApiSession | undefined): Promise<Observed> {
  const declared = ep.list === true;
  const url = apiUrl(ctx.config.api!.base, ep.path);
  let res: HttpResponse;
  try {
    res = await get(ctx, url, ep, session);
  } catch (err) {
    const e = describeError(err);
    // A declared list too big to read is the finding itself, not a failure to measure.
    if (e.code === 'BODY_TOO_LARGE' && declared) {
      return { kind: 'list', url, obs: { declared, overCapBytes: BODY_CAP, signals: [], probes: [] } };
    }
    return declared ? { kind: 'error', error: { code: e.code, message: `GET ${url}: ${e.message}` } } : { kind: 'notList', reason: e.code };
  }
  const wall = detectChallenge(res);
  if (wall) return { kind: 'error', error: { code: 'CHALLENGE', message: `GET ${url} answered ${res.status}: ${wall}, not the API` } };
  if (res.status < 200 || res.status > 299) {
    const message = `GET ${url} answered ${res.status}${res.status === 429 ? ' (rate limited)' : ''}`;
    return declared ? { kind: 'error', error: { code: 'HTTP_STATUS', message } } : { kind: 'notList', reason: `${res.status}` };
  }
  const json = parseJson(res);
  const list = json === undefined ? undefined : findList(json, { declared });
  if (!list) return { kind: 'notList', reason: json === undefined ? 'not JSON' : 'no list in the answer' };

  const obs: ListObservation = { declared, rows: list.rows, path: list.path, signals: paginationSignals(json, res.headers), probes: [] };
  const probes: LimitProbe[] = [];
  for (let param = shouldProbeNext(obs, probes); param !== undefined; param = shouldProbeNext(obs, probes)) {
    let probe: LimitProbe;
    try {
      const answer = await get(ctx, withParam(url, param, PROBE_LIMIT), ep, session);
      const rows = answer.status >= 200 && answer.status < 300 ? findList(parseJson(answer), { declared: true })?.rows : undefined;
      probe = { param, status: answer.status, ...(rows !== undefined ? { rows } : {}) };
    } catch {
      // A page-size probe that gets no answer says nothing about paging; stop probing.
      probes.push({ param, status: 0 });
      break;
    }
    probes.push(probe);
    // A rate limit would answer every further probe the same way.
    if (probe.status === 429) break;
  }
  return { kind: 'list', url, obs: { ...obs, probes } };
}

export default createCheck({
  meta: {
    id: 'api.pagination',
    stage: 4,
    title: 'List endpoints paginate: bounded pages, a limit, a cursor',
    defaultSeverity: 'high',
    targetKind: 'endpoint',
    needs: ['api'],
  },
  messages: {
    unpaginated: '{{target}} returns its rows unpaginated: {{actual}}',
    largePage: '{{target}} pages, but {{rows}} rows per page is too many ({{expected}})',
    noPagination: '{{target}} is a list with no pagination yet: {{actual}}',
  },
  remediation: {
    unpaginated:
      'Page the list: a default page size (e.g. 50), a `limit` parameter capped at 100, and a cursor — `{"items":[…],"next":"<opaque cursor>"}` or `Link: <…?after=…>; rel="next"` — built on an indexed column (`WHERE id > $after ORDER BY id LIMIT $limit`). Offset paging works for small tables; a keyset cursor stays fast on big ones.',
    largePage: 'Lower the default and maximum page size (50–100 rows), so one request stays fast and small whatever the client asks.',
    noPagination:
      'Add paging before the list grows: a default and maximum page size, a `limit` parameter and a `next` cursor (or `Link: rel="next"`); clients written against the unpaginated answer are hard to change later.',
  },
  async run(ctx) {
    const api = ctx.config.api!;
    const gets = api.endpoints.filter((e) => e.method.toUpperCase() === 'GET');
    for (const e of api.endpoints) {
      if (e.list && e.method.toUpperCase() !== 'GET') ctx.skip(e.name, `${e.method.toUpperCase()} list: only GET lists are read`);
    }
    const declared = gets.filter((e) => e.list);
    const base = api.base.replace(/\/+$/, '');
    if (gets.length === 0) return ctx.skip(base, 'no GET endpoint declared in `api.endpoints`');

    let session: ApiSession | undefined;
    if (api.login) {
      const login = await loginFor(ctx);
      if (!login.ok) {
        for (const e of declared.length ? declared : [{ name: base }]) ctx.error(e.name, login.error);
        return;
      }
      session = login.value;
    }
    const observed = await mapLimit(gets, PARALLEL_ENDPOINTS, (e) => observe(ctx, e, session));
    let lists = 0;
    gets.forEach((e, i) => {
      const o = observed[i];
      if (o.kind === 'error') return ctx.error(e.name, o.error);
      if (o.kind === 'notList') {
        if (e.list) ctx.skip(e.name, `declared a list, but the answer has no array to count (${o.reason})`);
        return;
      }
      lists++;
      const verdict = judgePagination(o.obs);
      const evidence = { url: o.url, signedIn: session !== undefined, ...verdict.evidence };
      if (verdict.ok) {
        const rows = o.obs.rows ?? '?';
        return ctx.pass(e.name, { message: `${e.name}: ${rows} rows${verdict.note ? `; ${verdict.note}` : ', paginated'}`, evidence: verdict.note ? { ...evidence, note: verdict.note } : evidence });
      }
      ctx.fail({ target: e.name, messageId: verdict.messageId, severity: verdict.severity, evidence });
    });
    if (lists === 0 && declared.length === 0) ctx.skip(base, 'no list endpoint: none is declared `list: true` and no GET answered a list');
  },
});
