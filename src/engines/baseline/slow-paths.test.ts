import { describe, expect, it } from 'vitest';
import { chooseFix, indexHintFor, rankSlowPaths, tablesOfPath, topSlowPaths } from './slow-paths.js';
import { fakeEndpoint, fakeRun } from './test-fixtures.js';
import type { EndpointBaseline, SlowPathHints } from './types.js';

describe('tablesOfPath', () => {
  it.each([
    ['/api/tasks', ['tasks']],
    ['/api/tasks/search?q=task', ['tasks', 'search']],
    ['/v1/users/42/orders', ['users', 'orders']],
    ['/api/v2/line-items/3f9a1c2b7d/', ['line_items']],
    ['/api/projects/{{id}}/members', ['projects', 'members']],
    ['/api/orders/:orderId', ['orders']],
    ['/api/reports/summary', ['reports', 'summary']],
    ['/', []],
  ])('%s → %j', (path, want) => expect(tablesOfPath(path)).toEqual(want));
});

describe('indexHintFor', () => {
  const hints: SlowPathHints = { slowQueries: [{ table: 'public.task', createIndex: 'CREATE INDEX CONCURRENTLY tasks_title_idx ON tasks (title)' }, { table: '"Orders"', createIndex: 'CREATE INDEX o ON orders (user_id)' }] };
  it.each([
    ['/api/tasks/search?q=x', 'public.task'],
    ['/api/tasks', 'public.task'],
    ['/v1/users/7/orders', '"Orders"'],
    ['/api/reports/summary', undefined],
  ])('%s → %s', (path, table) => expect(indexHintFor(path, hints)?.table).toBe(table));
  it('needs hints', () => expect(indexHintFor('/api/tasks', {})).toBeUndefined());
});

const listOf = (rows: number, pagination: string[] = [], over: Partial<EndpointBaseline> & { p95?: number } = {}) =>
  fakeEndpoint({ path: '/api/tasks', success: { status: 200, headers: { 'content-type': 'application/json' }, bytes: rows * 90, ms: 5, rows, pagination }, ...over });
const index: SlowPathHints = { slowQueries: [{ table: 'tasks', createIndex: 'CREATE INDEX tasks_title_idx ON tasks (title)' }] };

describe('chooseFix', () => {
  it.each<[string, EndpointBaseline, SlowPathHints, string]>([
    ['declared list, unpaginated, fast', listOf(12, [], { list: true, p95: 20 }), {}, 'paginate'],
    ['big undeclared list, unpaginated', listOf(250, [], { p95: 20 }), {}, 'paginate'],
    ['small undeclared list', listOf(20, [], { p95: 20 }), {}, 'within budget'],
    ['paginated list', listOf(50, ['next'], { list: true, p95: 20 }), {}, 'within budget'],
    ['paginated list, slow, with an index hint', listOf(50, ['next'], { list: true, p95: 900 }), index, 'addIndex'],
    ['unpaginated list beats the index hint', listOf(250, [], { list: true, p95: 900 }), index, 'paginate'],
    ['fast read with an index hint', fakeEndpoint({ path: '/api/tasks/search?q=x', p95: 30 }), index, 'addIndex'],
    ['slow write answered 200', fakeEndpoint({ kind: 'write', path: '/api/reports/export', p95: 1100, success: { status: 200, headers: {}, bytes: 17, ms: 1100 } }), {}, 'queue'],
    ['slow write already queued', fakeEndpoint({ kind: 'write', p95: 1100, success: { status: 202, headers: {}, bytes: 17, ms: 1100 } }), {}, 'already answers 202'],
    ['fast write', fakeEndpoint({ kind: 'write', p95: 100 }), {}, 'within budget'],
    ['slow read without validators', fakeEndpoint({ path: '/api/reports/summary', p95: 450 }), {}, 'cacheWithEtag'],
    ['slow read with an ETag', fakeEndpoint({ p95: 450, success: { status: 200, headers: { etag: '"x"' }, bytes: 1, ms: 450 } }), {}, 'profile the handler'],
    ['slow read with Last-Modified', fakeEndpoint({ p95: 450, success: { status: 200, headers: { 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' }, bytes: 1, ms: 450 } }), {}, 'profile the handler'],
    ['slow read that never answered well', fakeEndpoint({ p95: 450, success: undefined }), {}, 'no successful answer'],
  ])('%s → %s', (_name, e, hints, want) => {
    const r = chooseFix(e, e.latencyMs.p95, hints);
    expect(r.fix?.kind ?? r.noFix).toContain(want);
  });

  it('names the index statement', () => {
    expect(chooseFix(fakeEndpoint({ path: '/api/tasks/search?q=x' }), 20, index).fix).toMatchObject({ kind: 'addIndex', detail: 'CREATE INDEX tasks_title_idx ON tasks (title)' });
  });
});

describe('rankSlowPaths', () => {
  const run = fakeRun([
    listOf(250, [], { name: 'list tasks', list: true, p95: 7 }),
    fakeEndpoint({ name: 'create task', kind: 'write', p95: 6 }),
    fakeEndpoint({ name: 'task report', path: '/api/reports/summary', p95: 456 }),
    fakeEndpoint({ name: 'export report', kind: 'write', path: '/api/reports/export', p95: 1109 }),
    fakeEndpoint({ name: 'my profile', path: '/api/me', p95: 16 }),
    fakeEndpoint({ name: 'search tasks', path: '/api/tasks/search?q=task', p95: 5.7 }),
    fakeEndpoint({ name: 'dead', latencyMs: { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 } }),
  ]);

  it('ranks over-budget paths by p95 / budget, then paths with a fix, and leaves out what never answered', () => {
    expect(rankSlowPaths(run).map((p) => [p.name, p.ratio])).toEqual([
      ['task report', 1.52],
      ['export report', 1.386],
      ['list tasks', 0.023],
      ['my profile', 0.053],
      ['search tasks', 0.019],
      ['create task', 0.008],
    ]);
  });

  it('the lab default: one fix each, from the evidence', () => {
    expect(topSlowPaths(run).map((p) => [p.name, p.fix?.kind ?? p.noFix])).toEqual([
      ['task report', 'cacheWithEtag'],
      ['export report', 'queue'],
      ['list tasks', 'paginate'],
      ['my profile', 'within budget'],
      ['search tasks', 'within budget'],
    ]);
  });

  it('ranks a path that fails its requests before the quiet ones', () => {
    const failing = fakeRun([
      fakeEndpoint({ name: 'quiet', p95: 50 }),
      fakeEndpoint({ name: 'search', p95: 5, errors: 14, errorRate: 14 / 30, statusCounts: { 200: 16, 429: 14 }, errorsByKind: { http_4xx: 14 } }),
    ]);
    expect(rankSlowPaths(failing).map((p) => p.name)).toEqual(['search', 'quiet']);
  });

  it('says when a path within its latency budget fails its requests', () => {
    const limited = fakeEndpoint({ name: 'search', p95: 5, errors: 14, errorRate: 14 / 30, statusCounts: { 200: 16, 429: 14 }, errorsByKind: { http_4xx: 14 } });
    expect(chooseFix(limited, 5, {}).noFix).toBe('within the latency budget, but 46.7 % of its requests failed (429×14): see perf.error-rate');
  });

  it('puts pages with a blocking script after the paths over budget, one path per set of scripts', () => {
    const hints: SlowPathHints = {
      blockingScripts: [
        { page: 'https://app.x.test/', script: 'https://cdn.widgets.test/widget.js' },
        { page: 'https://app.x.test/', script: 'https://cdn.other.test/a.js' },
        { page: 'https://app.x.test/tasks', script: 'https://cdn.widgets.test/widget.js' },
        { page: 'https://app.x.test/reports', script: 'https://cdn.widgets.test/widget.js' },
      ],
      ...index,
    };
    const top = topSlowPaths(run, hints);
    expect(top.map((p) => [p.name, p.fix?.kind])).toEqual([
      ['task report', 'cacheWithEtag'],
      ['export report', 'queue'],
      ['https://app.x.test/', 'dropBlockingScript'],
      ['https://app.x.test/tasks, https://app.x.test/reports', 'dropBlockingScript'],
      ['list tasks', 'paginate'],
    ]);
    expect(top[2].fix?.detail).toBe('https://cdn.widgets.test/widget.js, https://cdn.other.test/a.js');
    expect(top[3].fix?.because).toContain('2 key pages');
  });

  it('keeps at most n', () => expect(topSlowPaths(run, {}, 2)).toHaveLength(2));
});
