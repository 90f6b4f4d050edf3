import { describe, expect, it } from 'vitest';
import { honouredLimit, judgePagination, LIMIT_PARAMS, shouldProbeNext, type LimitProbe, type ListObservation } from './judge.js';
import type { PaginationSignal } from './signals.js';

const cursor: PaginationSignal = { where: 'body.next', kind: 'cursor', value: '/x?after=50' };
const lastPage: PaginationSignal = { where: 'body.next', kind: 'cursor', value: null };
const limitOk: LimitProbe = { param: 'limit', status: 200, rows: 5 };
const limitIgnored: LimitProbe = { param: 'limit', status: 200, rows: 250 };
const obs = (over: Partial<ListObservation>): ListObservation => ({ declared: true, rows: 50, signals: [], probes: [], ...over });
const verdictOf = (o: ListObservation) => {
  const v = judgePagination(o);
  return v.ok ? (v.note ? 'pass+note' : 'pass') : `${v.messageId}/${v.severity}`;
};

describe('judgePagination', () => {
  it.each([
    ['250 rows, nothing (the lab, default)', obs({ rows: 250, probes: [limitIgnored, { param: 'per_page', status: 200, rows: 250 }] }), 'unpaginated/high'],
    ['250 rows, limit works but no cursor', obs({ rows: 250, probes: [limitOk] }), 'unpaginated/high'],
    ['100 rows, nothing, undeclared', obs({ declared: false, rows: 100, probes: [limitIgnored] }), 'unpaginated/high'],
    ['over the body cap', obs({ rows: undefined, overCapBytes: 8_388_608 }), 'unpaginated/high'],
    ['50 rows, cursor, limit (the lab, fixed)', obs({ signals: [cursor], probes: [limitOk] }), 'pass'],
    ['100 rows, cursor, fixed page size', obs({ rows: 100, signals: [cursor], probes: [limitIgnored] }), 'pass+note'],
    ['1000 rows per page with a cursor', obs({ rows: 1000, signals: [cursor], probes: [limitOk] }), 'largePage/medium'],
    ['a last page that still says next: null', obs({ rows: 3, signals: [lastPage] }), 'pass'],
    ['20 rows, limit honoured, no cursor', obs({ rows: 20, probes: [limitOk] }), 'pass+note'],
    ['20 rows declared, no signals', obs({ rows: 20, probes: [{ param: 'limit', status: 200, rows: 20 }] }), 'noPagination/low'],
    ['3 rows declared, limit untestable', obs({ rows: 3 }), 'noPagination/low'],
    ['20 rows undeclared, no signals', obs({ declared: false, rows: 20, probes: [{ param: 'limit', status: 200, rows: 20 }] }), 'pass+note'],
  ])('%s → %s', (_name, o, want) => expect(verdictOf(o)).toBe(want));

  it('shows rows, probes and signals', () => {
    const v = judgePagination(obs({ rows: 250, probes: [limitIgnored] }));
    expect(v).toMatchObject({
      ok: false,
      evidence: { rows: 250, limitProbes: ['?limit=5 → 200, 250 rows'], limitHonoured: 'no', paginationSignals: [], actual: '250 rows in one answer, no cursor or next link, limit parameters ignored' },
    });
  });
});

describe('honouredLimit', () => {
  it.each([
    [250, [limitOk], 'limit'],
    [250, [limitIgnored, { param: 'per_page', status: 200, rows: 5 }], 'per_page'],
    [250, [{ param: 'limit', status: 400 }], undefined],
    [4, [{ param: 'limit', status: 200, rows: 4 }], undefined],
  ] as const)('%s rows, %j → %s', (rows, probes, want) => expect(honouredLimit(rows, probes)).toBe(want));
});

describe('shouldProbeNext (bounded probing)', () => {
  it('tries limit first, then the alternatives only on big or declared lists', () => {
    expect(shouldProbeNext({ rows: 250, declared: false, signals: [] }, [])).toBe('limit');
    expect(shouldProbeNext({ rows: 250, declared: false, signals: [] }, [limitIgnored])).toBe('per_page');
    expect(shouldProbeNext({ rows: 20, declared: false, signals: [] }, [{ param: 'limit', status: 200, rows: 20 }])).toBeUndefined();
    expect(shouldProbeNext({ rows: 20, declared: true, signals: [] }, [{ param: 'limit', status: 200, rows: 20 }])).toBe('per_page');
    expect(shouldProbeNext({ rows: 250, declared: true, signals: [] }, [limitOk])).toBeUndefined();
    expect(shouldProbeNext({ rows: 3, declared: true, signals: [] }, [])).toBeUndefined();
  });

  it('stops after every parameter was tried', () => {
    const all = LIMIT_PARAMS.map((param) => ({ param, status: 200, rows: 250 }));
    expect(shouldProbeNext({ rows: 250, declared: true, signals: [] }, all)).toBeUndefined();
  });
});
