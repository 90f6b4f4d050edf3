/**
 * The verdict on one list endpoint from what was observed: how many rows the plain request
 * returned, the pagination signals, and what the page-size probes (`?limit=5`, then `per_page`,
 * `page_size`, `pageSize`, `size`) returned.
 *
 * - hundreds of rows (≥ 100) with no cursor or next link: `unpaginated` (high), whether or not a
 *   limit parameter works — clients that do not send one get everything;
 * - a cursor but pages of more than 500 rows: `largePage` (medium);
 * - a cursor (or next link, `has_more`, page counts): pass;
 * - a small list (< 100 rows) that honours a limit but shows no cursor: pass (offset paging);
 * - a small list with no sign of pagination at all: `noPagination` (low) when it is declared a
 *   list — it will grow — and a pass with a note when it was only recognised as one, since a
 *   short fixed collection (roles, countries) needs no paging.
 */
import { hasNextPage, type PaginationSignal } from './signals.js';

/** Rows in one answer from which a list counts as unbounded. */
export const LARGE_LIST = 100;
/** Rows in one page above which even a paginated list is too coarse. */
export const LARGE_PAGE = 500;
/** The page size asked for by the probes. */
export const PROBE_LIMIT = 5;
/** Page-size parameters tried in order; the others only when `limit` is ignored. */
export const LIMIT_PARAMS: readonly string[] = ['limit', 'per_page', 'page_size', 'pageSize', 'size'];

export interface LimitProbe {
  param: string;
  status: number;
  /** Rows in the answer, when it was a list. */
  rows?: number;
}

export interface ListObservation {
  declared: boolean;
  /** Rows in the plain answer; undefined when it was larger than the body cap. */
  rows?: number;
  /** Where the rows are (`$`, `tasks`). */
  path?: string;
  /** Set when the answer was over the body cap: bytes read before giving up. */
  overCapBytes?: number;
  signals: readonly PaginationSignal[];
  probes: readonly LimitProbe[];
}

export type PaginationMessageId = 'unpaginated' | 'largePage' | 'noPagination';

export type PaginationVerdict =
  | { ok: true; note?: string; evidence: Record<string, unknown> }
  | { ok: false; messageId: PaginationMessageId; severity: 'high' | 'medium' | 'low'; evidence: Record<string, unknown> };

/** The parameter that cut the answer to the probe size, when one did (only meaningful above it). */
export function honouredLimit(rows: number | undefined, probes: readonly LimitProbe[]): string | undefined {
  if (rows === undefined || rows <= PROBE_LIMIT) return undefined;
  return probes.find((p) => p.status >= 200 && p.status < 300 && p.rows !== undefined && p.rows <= PROBE_LIMIT)?.param;
}

/** Whether the next probe is worth sending (bounded: at most LIMIT_PARAMS.length requests). */
export function shouldProbeNext(obs: Pick<ListObservation, 'rows' | 'declared' | 'signals'>, probes: readonly LimitProbe[]): string | undefined {
  if (obs.rows === undefined || obs.rows <= PROBE_LIMIT) return undefined;
  if (honouredLimit(obs.rows, probes) !== undefined) return undefined;
  if (probes.length === 0) return LIMIT_PARAMS[0];
  // Alternatives only where the verdict or the advice depends on them: big or declared lists.
  if (!obs.declared && obs.rows < LARGE_LIST) return undefined;
  return LIMIT_PARAMS[probes.length];
}

function describeProbes(probes: readonly LimitProbe[]): string[] {
  return probes.map((p) => `?${p.param}=${PROBE_LIMIT} → ${p.status}${p.rows !== undefined ? `, ${p.rows} rows` : ''}`);
}

/** Judges one list endpoint. */
export function judgePagination(obs: ListObservation): PaginationVerdict {
  const signals = obs.signals.map((s) => `${s.where}${s.value === null ? ' (null)' : ` = ${String(s.value)}`}`);
  const honoured = honouredLimit(obs.rows, obs.probes);
  const paginated = obs.signals.length > 0;
  const evidence: Record<string, unknown> = {
    rows: obs.rows ?? `more than fit in ${obs.overCapBytes} bytes`,
    ...(obs.path ? { listAt: obs.path } : {}),
    declaredList: obs.declared,
    paginationSignals: signals,
    limitProbes: describeProbes(obs.probes),
    limitHonoured: honoured ? `?${honoured}` : obs.rows !== undefined && obs.rows <= PROBE_LIMIT ? 'not tested (too few rows)' : 'no',
  };
  const expected = `pages of at most ${LARGE_LIST} rows, a limit parameter, and a cursor or next link`;

  if (obs.rows === undefined) {
    return { ok: false, messageId: 'unpaginated', severity: 'high', evidence: { ...evidence, expected, actual: `an answer over ${obs.overCapBytes} bytes` } };
  }
  if (obs.rows >= LARGE_LIST && !paginated) {
    const how = honoured ? `bounded only when ?${honoured} is sent` : 'limit parameters ignored';
    return { ok: false, messageId: 'unpaginated', severity: 'high', evidence: { ...evidence, expected, actual: `${obs.rows} rows in one answer, no cursor or next link, ${how}` } };
  }
  if (paginated && obs.rows > LARGE_PAGE) {
    return { ok: false, messageId: 'largePage', severity: 'medium', evidence: { ...evidence, expected: `pages of at most ${LARGE_PAGE} rows`, actual: `${obs.rows} rows in one page` } };
  }
  if (paginated) {
    const more = hasNextPage(obs.signals) ? '' : ' (this is the only page)';
    const note = !honoured && obs.rows > PROBE_LIMIT ? `paginated${more}; the page size is fixed (no limit parameter honoured)` : undefined;
    return { ok: true, ...(note ? { note } : {}), evidence };
  }
  if (honoured) {
    return { ok: true, note: `honours ?${honoured}; no cursor or next link found (fine for offset paging, a cursor scales better)`, evidence };
  }
  if (obs.declared) {
    return {
      ok: false, messageId: 'noPagination', severity: 'low',
      evidence: { ...evidence, expected, actual: `${obs.rows} rows, no limit honoured, no cursor: every row will come back once the list grows` },
    };
  }
  return { ok: true, note: `a short list (${obs.rows} rows) with no pagination; declare it \`list: true\` to hold it to the pagination rule`, evidence };
}
