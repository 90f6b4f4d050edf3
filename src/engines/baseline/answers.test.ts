import { describe, expect, it } from 'vitest';
import { countRows, keptHeaders, paginationSignals, sampleOf } from './answers.js';

describe('keptHeaders', () => {
  it('keeps caching, pagination and rate-limit headers, drops cookies and the rest', () => {
    expect(keptHeaders({
      'Cache-Control': 'no-cache', etag: 'W/"1"', 'set-cookie': ['sid=secret'], 'www-authenticate': 'Bearer', 'x-request-id': 'abc',
      'retry-after': '1', link: '<https://x/next>; rel="next"', 'x-ratelimit-remaining': '0',
    })).toEqual({ 'cache-control': 'no-cache', etag: 'W/"1"', 'retry-after': '1', link: '<https://x/next>; rel="next"', 'x-ratelimit-remaining': '0' });
  });

  it('cuts very long values', () => {
    expect(keptHeaders({ link: 'x'.repeat(1000) }).link).toHaveLength(301);
  });
});

describe('countRows', () => {
  it.each([
    ['a top-level array', [1, 2, 3], 3],
    ['the longest array of an object', { tasks: [1, 2], tags: [1] }, 2],
    ['one level down', { data: { items: [1, 2, 3, 4] } }, 4],
    ['an empty list', { tasks: [] }, 0],
    ['no list', { open: 3, done: 4 }, undefined],
    ['a scalar', 'ok', undefined],
    ['null', null, undefined],
  ])('%s', (_name, doc, want) => expect(countRows(doc)).toBe(want));
});

describe('paginationSignals', () => {
  it.each([
    ['nothing', '/api/tasks', {}, { tasks: [] }, []],
    ['Link rel=next', '/api/tasks', { link: '<https://x/api/tasks?after=5>; rel="next"' }, {}, ['Link rel="next"']],
    ['Link with several rels', '/api/tasks', { link: '<https://x/a>; rel="last next"' }, {}, ['Link rel="next"']],
    ['Link rel=prev only', '/api/tasks', { link: '<https://x/a>; rel="prev"' }, {}, []],
    ['a next key (null on the last page)', '/api/tasks', {}, { tasks: [], next: null }, ['next']],
    ['a cursor in meta', '/api/tasks', {}, { data: [], meta: { next_cursor: 'abc' } }, ['meta.next_cursor']],
    ['GraphQL-style pageInfo', '/api/tasks', {}, { pageInfo: { hasNextPage: true, endCursor: 'x' } }, ['pageInfo.hasNextPage', 'pageInfo.endCursor']],
    ['a limit in the request', '/api/tasks?limit=20', {}, { tasks: [] }, ['query limit=']],
    ['X-Total-Count', '/api/tasks', { 'x-total-count': '250' }, [], ['X-Total-Count']],
  ])('%s', (_name, path, headers, doc, want) => expect(paginationSignals(path, headers, doc)).toEqual(want));
});

describe('sampleOf', () => {
  const res = (status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    ({ status, headers, body: Buffer.from(body), timings: { totalMs: 12.3456, ttfbMs: 10 } });

  it('counts the rows of a JSON list and its pagination', () => {
    expect(sampleOf('/api/tasks', res(200, JSON.stringify({ tasks: [{}, {}, {}] })))).toEqual({
      status: 200, headers: { 'content-type': 'application/json' }, bytes: 20, ms: 12.346, rows: 3, pagination: [],
    });
  });

  it('reads no rows from error answers or non-JSON bodies', () => {
    expect(sampleOf('/api/tasks', res(429, '{"error":"slow down"}'))).not.toHaveProperty('rows');
    expect(sampleOf('/x', res(200, '<html>', { 'content-type': 'text/html' }))).not.toHaveProperty('rows');
    expect(sampleOf('/x', res(200, 'not json'))).not.toHaveProperty('rows');
  });
});
