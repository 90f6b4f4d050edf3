import { describe, expect, it } from 'vitest';
import { compareRuns } from '../engines/baseline/compare.js';
import { renderBaselineReport } from './baseline-report.js';
import { fakeEndpoint, fakeRun } from '../engines/baseline/test-fixtures.js';

const run = fakeRun([
  fakeEndpoint({ name: 'list tasks', path: '/api/tasks', list: true, p95: 7, success: { status: 200, headers: {}, bytes: 23_603, ms: 5, rows: 250, pagination: [] } }),
  fakeEndpoint({ name: 'task report', path: '/api/reports/summary', p95: 456 }),
  fakeEndpoint({ name: 'export report', kind: 'write', path: '/api/reports/export', p95: 1109.5, success: { status: 200, headers: {}, bytes: 17, ms: 1100 } }),
  fakeEndpoint({ name: 'search | tasks', path: '/api/tasks/search?q=task', p95: 5.7, errors: 14, errorRate: 14 / 30, statusCounts: { 200: 16, 429: 14 } }),
], { warnings: [{ code: 'SEND_LAG', message: 'the client fell behind its timeline' }] });

describe('renderBaselineReport', () => {
  const md = renderBaselineReport(run, {
    hints: { slowQueries: [{ table: 'tasks', createIndex: 'CREATE INDEX tasks_title_trgm ON tasks USING gin (title gin_trgm_ops)' }] },
  });

  it('lists the top slow paths with one fix each', () => {
    expect(md).toMatch(/^# Baseline report — Acme Ops\n/);
    expect(md).toContain('## Top 4 slow paths');
    expect(md).toContain('| 1 | task report — `GET /api/reports/summary` | 456 ms | 300 ms | 1.52× | Cache with ETag |');
    expect(md).toContain('| 2 | export report — `POST /api/reports/export` | 1,110 ms | 800 ms | 1.39× | Move downstream work to a queue |');
    expect(md).toContain('| 3 | list tasks — `GET /api/tasks` | 7.0 ms | 300 ms | 0.02× | Paginate |');
    expect(md).toContain('| 4 | search \\| tasks — `GET /api/tasks/search?q=task` | 5.7 ms | 300 ms | 0.02× | Add an index |');
    expect(md).toContain('```sql\nCREATE INDEX tasks_title_trgm ON tasks USING gin (title gin_trgm_ops)\n```');
    expect(md).toContain('Evidence: one answer holds 250 rows (23603 bytes) with no cursor, next link or page parameter.');
  });

  it('has every endpoint and the notes', () => {
    expect(md).toContain('| search \\| tasks | `GET /api/tasks/search?q=task` | read | 30 | 2.9 ms | 5.7 ms | 6.3 ms | 6.8 ms | 300 ms | 46.7 % | 200×16 429×14 |');
    expect(md).toContain('## Notes on the numbers\n\n- the client fell behind its timeline');
    expect(md).not.toContain('Before and after');
  });

  it('adds the before/after table after a second run', () => {
    const after = fakeRun([fakeEndpoint({ name: 'task report', path: '/api/reports/summary', p95: 9.4 })], { startedAt: '2025-05-02T09:30:00.000Z' });
    const out = renderBaselineReport(after, { comparison: { rows: compareRuns(run, after), before: run } });
    expect(out).toContain('Compared with the run of 2025-05-01T09:30:00.000Z.');
    expect(out).toContain('| task report | 456 ms | 9.4 ms | −446.6 ms (−97.9 %) | 0 % → 0 % | better |');
    expect(out).toContain('| list tasks | 7.0 ms | — | — | 0 % → — | gone |');
  });

  it('says so when nothing answered', () => {
    const empty = fakeRun([fakeEndpoint({ latencyMs: { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 } })]);
    expect(renderBaselineReport(empty)).toContain('Nothing answered: no path could be ranked.');
  });
});
