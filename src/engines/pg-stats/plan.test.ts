import { describe, expect, it } from 'vitest';
import { fixture, planText } from './__fixtures__/plans.js';
import { findFilteredSeqScans, planOutline, planRoot, type PlanNode } from './plan.js';

describe('planRoot', () => {
  it('reads the array EXPLAIN returns, as JSON text or parsed', () => {
    const text = planText('tasks-assignee');
    expect(planRoot(text)?.['Node Type']).toBe('Seq Scan');
    expect(planRoot(JSON.parse(text))?.['Relation Name']).toBe('tasks');
  });
  it.each([[undefined], ['not json'], [[]], [[{ Plan: {} }]], [{ rows: 1 }]])('%j is no plan', (v) => expect(planRoot(v)).toBeUndefined());
});

describe('findFilteredSeqScans', () => {
  it('a parallel scan under Gather, sorted above it', () => {
    expect(findFilteredSeqScans(fixture('audit-log-sorted'))).toEqual([{
      schema: 'public', relation: 'audit_log', alias: 'audit_log',
      filter: '((audit_log.entity_type = $1) AND (audit_log.entity_id = $2))',
      // 1 row per process, one worker plus the leader
      estimatedRows: 2, parallel: true, sortKeys: ['audit_log.created_at DESC'],
    }]);
  });

  it('the probe side of a hash join against one user', () => {
    expect(findFilteredSeqScans(fixture('join-hash'))).toEqual([{
      schema: 'public', relation: 'tasks', alias: 't', filter: '(t.assignee_id = u.id)', estimatedRows: 50, parallel: false, sortKeys: [], join: 'hash',
    }]);
  });

  it.each([
    ['tasks-assignee', 'tasks', 38, []],
    ['tasks-count-status', 'tasks', 25_000, []],
    ['quoted-identifiers', 'Big Table', 4, ['"Big Table"."order" DESC']],
    ['schema-varchar-range', 'events', 6, []],
    ['update-where', 'tasks', 50, []],
  ])('%s', (name, relation, rows, sortKeys) => {
    const [f, ...rest] = findFilteredSeqScans(fixture(name));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ relation, estimatedRows: rows, sortKeys });
  });

  it.each(['audit-log-indexed', 'tasks-by-project'])('%s uses an index: nothing found', (name) => {
    expect(findFilteredSeqScans(fixture(name))).toEqual([]);
  });

  it('a hash join against many rows is left alone', () => {
    const plan = fixture('join-hash');
    plan.Plans![1]!['Plan Rows'] = 50_000;
    expect(findFilteredSeqScans(plan)).toEqual([]);
  });

  it('a sort above a join does not belong to the scan below it', () => {
    const scan: PlanNode = { 'Node Type': 'Seq Scan', 'Relation Name': 'a', Alias: 'a', Filter: '(a.x = $1)', 'Plan Rows': 5 };
    const plan: PlanNode = { 'Node Type': 'Sort', 'Sort Key': ['b.y'], Plans: [{ 'Node Type': 'Nested Loop', Plans: [scan, { 'Node Type': 'Index Scan', 'Relation Name': 'b' }] }] };
    expect(findFilteredSeqScans(plan)[0]?.sortKeys).toEqual([]);
  });
});

describe('planOutline', () => {
  it('one indented line per node, with keys, conditions and estimates', () => {
    expect(planOutline(fixture('audit-log-sorted'))).toEqual([
      'Limit (≈1 rows)',
      '  Sort (key audit_log.created_at DESC; ≈1 rows)',
      '    Gather (≈1 rows)',
      '      Parallel Seq Scan on audit_log (filter ((audit_log.entity_type = $1) AND (audit_log.entity_id = $2)); ≈1 rows)',
    ]);
    expect(planOutline(fixture('schema-varchar-range'))).toEqual(['Seq Scan on app.events (filter ((events.at > $2) AND ((events.email)::text = $1)); ≈6 rows)']);
    expect(planOutline(fixture('join-hash'))[0]).toBe('Hash Join (hash (t.assignee_id = u.id); ≈50 rows)');
  });
  it('is bounded', () => {
    expect(planOutline(fixture('audit-log-sorted'), 2)).toHaveLength(2);
  });
});
