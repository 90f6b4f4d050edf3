import { describe, expect, it } from 'vitest';
import { hintsFromResults, type ResultLike } from './hints.js';

const slow = (table: unknown, suggestedIndex: unknown, status = 'fail'): ResultLike =>
  ({ check: 'perf.slow-queries', status, target: `${String(table)} (statement 1)`, evidence: { table, suggestedIndex } });
const page = (target: string, scripts: unknown, status = 'fail'): ResultLike => ({ check: 'web.third-party', status, target, evidence: { scripts } });

describe('hintsFromResults', () => {
  it.each<[string, ResultLike[], object]>([
    ['nothing', [], {}],
    ['a slow query', [slow('tasks', 'CREATE INDEX CONCURRENTLY tasks_title_idx ON tasks (title)')], { slowQueries: [{ table: 'tasks', createIndex: 'CREATE INDEX CONCURRENTLY tasks_title_idx ON tasks (title)' }] }],
    ['the same index twice', [slow('tasks', 'CREATE INDEX i ON tasks (a)'), slow('tasks', 'CREATE INDEX i ON tasks (a)')], { slowQueries: [{ table: 'tasks', createIndex: 'CREATE INDEX i ON tasks (a)' }] }],
    ['a passing slow-query result', [slow('tasks', 'CREATE INDEX i ON tasks (a)', 'pass')], {}],
    ['evidence of another shape', [slow(3, null), page('https://app.x.test/', 'many')], {}],
    ['a blocking script', [page('https://app.x.test/', [{ url: 'https://cdn.w.test/w.js', blocking: true }, { url: 'https://cdn.w.test/a.js', blocking: false }])],
      { blockingScripts: [{ page: 'https://app.x.test/', script: 'https://cdn.w.test/w.js' }] }],
    ['other checks', [{ check: 'tls.expiry', status: 'fail', target: 'x', evidence: { table: 't', suggestedIndex: 'i' } }], {}],
  ])('%s', (_name, results, want) => expect(hintsFromResults(results)).toEqual(want));
});
