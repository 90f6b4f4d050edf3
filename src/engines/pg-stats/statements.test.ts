import { describe, expect, it } from 'vitest';
import { explainSteps } from './explain.js';
import {
  DML_REGEX_PG,
  explainable,
  hiddenCountSql,
  parameterCount,
  shortStatement,
  statColumns,
  statementFingerprint,
  statementKind,
  toStatementStat,
  topStatementsSql,
} from './statements.js';

describe('statementKind and explainable', () => {
  it.each([
    ['SELECT 1', 'select', true],
    ['  /* app:list */ select * from t where x = $1', 'select', true],
    ['-- a comment\nSELECT a FROM t', 'select', true],
    ['(SELECT a FROM t) UNION (SELECT b FROM u)', 'select', true],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'select', true],
    ['VALUES ($1), ($2)', 'select', true],
    ['TABLE tasks', 'select', true],
    ['UPDATE tasks SET status = $1 WHERE id = $2', 'update', true],
    ['DELETE FROM sessions WHERE expires_at < $1', 'delete', true],
    ['INSERT INTO t (a) VALUES ($1)', 'insert', false],
    ['INSERT INTO t (a) SELECT a FROM u WHERE b = $1', 'insert', true],
    ['MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN DELETE', 'merge', false],
    // utility statements: never explained, never listed (their text is not normalised)
    ["ALTER ROLE app PASSWORD 'secret'", 'utility', false],
    ['CREATE INDEX x ON t (a)', 'utility', false],
    ['BEGIN', 'utility', false],
    ['SET LOCAL statement_timeout = 5000', 'utility', false],
    ['EXPLAIN SELECT 1', 'utility', false],
    ['COPY t FROM STDIN', 'utility', false],
    ['SELECT 1; SELECT 2', 'select', false],
    ['SELECT 1;', 'select', true],
    ['<insufficient privilege>', 'utility', false],
  ])('%s → %s', (query, kind, canExplain) => {
    expect(statementKind(query)).toBe(kind);
    expect(explainable(query)).toBe(canExplain);
  });

  it('the PostgreSQL pattern agrees (it is also a valid JavaScript pattern)', () => {
    const re = new RegExp(DML_REGEX_PG, 'i');
    for (const q of ['SELECT 1', '/* x */ select 1', '-- c\nWITH a AS (SELECT 1) SELECT 1', '(select 1)', 'update t set a = 1', 'INSERT INTO t VALUES (1)']) expect(re.test(q), q).toBe(true);
    for (const q of ['BEGIN', 'SET x = 1', 'selector', 'SAVEPOINT launchready_1', 'ALTER ROLE a PASSWORD $1', 'EXPLAIN SELECT 1']) expect(re.test(q), q).toBe(false);
  });

  it('a statement longer than the cap is listed but not explained', () => {
    expect(explainable(`SELECT ${'a, '.repeat(10_000)}b FROM t`)).toBe(false);
  });
});

describe('parameterCount', () => {
  it.each([['SELECT 1', 0], ['SELECT $1, $2', 2], ['SELECT $3 WHERE a = $1', 3], ['SELECT $10', 10]])('%s → %d', (q, n) => expect(parameterCount(q)).toBe(n));
});

describe('statColumns and the statement SQL', () => {
  it.each([
    [['userid', 'dbid', 'queryid', 'query', 'calls', 'total_exec_time', 'mean_exec_time'], { total: 'total_exec_time' }],
    [['userid', 'dbid', 'queryid', 'query', 'calls', 'total_time', 'mean_time'], { total: 'total_time' }],
    [['query', 'calls'], undefined],
  ])('%j', (cols, want) => expect(statColumns(cols)).toEqual(want));

  it('orders by mean or total, in the extension\'s schema, leaving itself out', () => {
    const mean = topStatementsSql('monitoring', { total: 'total_time' }, 'mean');
    expect(mean).toContain('FROM "monitoring".pg_stat_statements s');
    expect(mean).toContain('ORDER BY sum(s."total_time") / nullif(sum(s.calls), 0) DESC');
    expect(mean).toContain("s.query NOT LIKE '%launchready:pg-stats%'");
    expect(mean).toContain('current_database()');
    expect(topStatementsSql('public', { total: 'total_exec_time' }, 'total')).toContain('ORDER BY sum(s."total_exec_time") DESC');
    expect(hiddenCountSql('we"ird')).toContain('FROM "we""ird".pg_stat_statements');
  });

  it('turns a row into numbers', () => {
    expect(toStatementStat({ queryid: '-42', query: 'SELECT 1', calls: 4, total_ms: 10, rows: 4 })).toEqual({ queryid: '-42', query: 'SELECT 1', calls: 4, totalMs: 10, meanMs: 2.5, rows: 4 });
    expect(toStatementStat({ queryid: '1', query: 'x', calls: 0, total_ms: 0 }).meanMs).toBe(0);
  });
});

describe('statement names', () => {
  it('a fingerprint ignores spacing', () => {
    expect(statementFingerprint('SELECT  a\nFROM t')).toBe(statementFingerprint('SELECT a FROM t'));
    expect(statementFingerprint('SELECT a FROM t')).toMatch(/^[0-9a-f]{8}$/);
  });
  it('shortStatement keeps one line within the limit', () => {
    expect(shortStatement('SELECT a,\n   b FROM t')).toBe('SELECT a, b FROM t');
    expect(shortStatement('x'.repeat(200), 20)).toHaveLength(20);
  });
});

describe('explainSteps', () => {
  const q = 'SELECT id FROM tasks WHERE assignee_email = $1 AND status <> $2;';
  it('16+: EXPLAIN (GENERIC_PLAN)', () => {
    expect(explainSteps(q, 160002, 1)).toEqual([{ sql: 'EXPLAIN (GENERIC_PLAN, FORMAT JSON, VERBOSE, COSTS) /* launchready:pg-stats */ SELECT id FROM tasks WHERE assignee_email = $1 AND status <> $2', plan: true }]);
  });
  it('12–15: a prepared statement planned generically, explained with NULLs, deallocated', () => {
    expect(explainSteps(q, 150004, 3)).toEqual([
      { sql: 'SET LOCAL plan_cache_mode = force_generic_plan' },
      { sql: 'PREPARE launchready_plan_3 AS /* launchready:pg-stats */ SELECT id FROM tasks WHERE assignee_email = $1 AND status <> $2' },
      { sql: 'EXPLAIN (FORMAT JSON, VERBOSE, COSTS) /* launchready:pg-stats */ EXECUTE launchready_plan_3(NULL, NULL)', plan: true },
      { sql: 'DEALLOCATE launchready_plan_3', cleanup: true },
    ]);
  });
  it('before 12 a parameterised statement cannot be explained faithfully', () => {
    expect(explainSteps(q, 110000, 1)).toBeUndefined();
  });
  it('without parameters: a plain EXPLAIN on any version, never ANALYZE', () => {
    for (const v of [100000, 150000, 170000]) {
      const steps = explainSteps('SELECT count(*) FROM tasks', v, 1)!;
      expect(steps).toEqual([{ sql: 'EXPLAIN (FORMAT JSON, VERBOSE, COSTS) /* launchready:pg-stats */ SELECT count(*) FROM tasks', plan: true }]);
      expect(steps.some((s) => /ANALYZE/i.test(s.sql))).toBe(false);
    }
  });
});
