import { describe, expect, it } from 'vitest';
import { findFilteredSeqScans } from './plan.js';
import { fixture } from './__fixtures__/plans.js';
import { indexName, quoteIdent, suggestIndex, type RelationFacts } from './suggest.js';

const rel = (over: Partial<RelationFacts> = {}): RelationFacts => ({ schema: 'public', name: 'tasks', rows: 100_000, indexes: [['id']], ...over });
const firstScan = (name: string) => findFilteredSeqScans(fixture(name))[0]!;
const sql = (v: ReturnType<typeof suggestIndex>) => (v.flag ? v.suggestion.createIndex : v.reason);

describe('suggestIndex on captured plans', () => {
  it.each([
    ['tasks-assignee', rel(), 'CREATE INDEX CONCURRENTLY tasks_assignee_email_idx ON tasks (assignee_email);'],
    // equality columns, the most distinct first, then the ORDER BY column
    ['audit-log-sorted', rel({ name: 'audit_log', rows: 200_000, distinct: { entity_type: 2, entity_id: 100_000 } }),
      'CREATE INDEX CONCURRENTLY audit_log_entity_id_entity_type_created_at_idx ON audit_log (entity_id, entity_type, created_at);'],
    ['join-hash', rel(), 'CREATE INDEX CONCURRENTLY tasks_assignee_id_idx ON tasks (assignee_id);'],
    ['quoted-identifiers', rel({ name: 'Big Table', rows: 20_000 }), 'CREATE INDEX CONCURRENTLY big_table_userid_order_idx ON "Big Table" ("userId", "order");'],
    // a schema outside public; equality before the range column; the varchar cast is no obstacle
    ['schema-varchar-range', rel({ schema: 'app', name: 'events', rows: 50_000 }), 'CREATE INDEX CONCURRENTLY events_email_at_idx ON app.events (email, at);'],
    ['update-where', rel(), 'CREATE INDEX CONCURRENTLY tasks_assignee_email_idx ON tasks (assignee_email);'],
    ['like-search', rel(), 'CREATE INDEX CONCURRENTLY tasks_title_trgm_idx ON tasks USING gin (title gin_trgm_ops);'],
    // no false alarms
    ['tasks-count-status', rel(), 'unselective'],
    ['or-filter', rel(), 'notIndexable'],
    ['tasks-assignee', rel({ rows: 5_000 }), 'small'],
    ['tasks-assignee', rel({ indexes: [['id'], ['assignee_email', 'status']] }), 'indexed'],
  ])('%s → %s', (plan, facts, want) => {
    expect(sql(suggestIndex(firstScan(plan), facts))).toBe(want);
  });

  it('names the extension a trigram index needs', () => {
    const v = suggestIndex(firstScan('like-search'), rel());
    expect(v.flag && v.suggestion).toMatchObject({ method: 'gin_trgm', columns: ['title'], note: expect.stringContaining('pg_trgm') });
  });

  it('reports the selectivity it judged', () => {
    const v = suggestIndex(firstScan('tasks-assignee'), rel());
    expect(v.flag && v.selectivity).toBeCloseTo(38 / 100_000);
  });
});

describe('suggestIndex on constructed scans', () => {
  const scan = (filter: string, sortKeys: string[] = [], estimatedRows = 10) => ({ relation: 'orders', alias: 'o', filter, estimatedRows, parallel: false, sortKeys });
  const orders = (over: Partial<RelationFacts> = {}) => rel({ name: 'orders', ...over });
  it.each([
    ['(o.deleted_at IS NULL)', [], 'CREATE INDEX CONCURRENTLY orders_deleted_at_idx ON orders (deleted_at);'],
    // IS NULL is no key column when an equality is there
    ['((o.customer_id = $1) AND (o.deleted_at IS NULL))', [], 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);'],
    // mixed directions keep DESC; a uniform direction reads the index backwards
    ['(o.customer_id = $1)', ['o.placed_at DESC', 'o.id'], 'CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_id_idx ON orders (customer_id, placed_at DESC, id);'],
    ['(o.customer_id = $1)', ['o.placed_at DESC', 'o.id DESC'], 'CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_id_idx ON orders (customer_id, placed_at, id);'],
    // a sort by an expression is not an index column
    ['(o.customer_id = $1)', ['lower(o.note)'], 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);'],
    // a range and a sort: the range column ends the usable prefix
    ['((o.customer_id = $1) AND (o.placed_at > $2))', ['o.total'], 'CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_idx ON orders (customer_id, placed_at);'],
    ['(o."user" = $1)', [], 'CREATE INDEX CONCURRENTLY orders_user_idx ON orders ("user");'],
    ['(lower(o.email) = $1)', [], 'notIndexable'],
  ])('%s %j', (filter, sortKeys, want) => {
    expect(sql(suggestIndex(scan(filter, sortKeys), orders()))).toBe(want);
  });

  it('at most four key columns', () => {
    const v = suggestIndex(scan('((o.a = $1) AND (o.b = $2) AND (o.c = $3) AND (o.d = $4) AND (o.e = $5))', ['o.f']), orders());
    expect(v.flag && v.suggestion.columns).toEqual(['a', 'b', 'c', 'f']);
  });

  it('an index leading with another column does not count', () => {
    expect(suggestIndex(scan('(o.customer_id = $1)'), orders({ indexes: [['placed_at', 'customer_id'], [null, 'customer_id']] })).flag).toBe(true);
  });
});

describe('quoteIdent and indexName', () => {
  it.each([
    ['tasks', 'tasks'], ['Big Table', '"Big Table"'], ['userId', '"userId"'], ['order', '"order"'], ['user', '"user"'],
    ['a"b', '"a""b"'], ['_x1$', '_x1$'], ['1abc', '"1abc"'],
  ])('%s → %s', (name, want) => expect(quoteIdent(name)).toBe(want));

  it('stays within 63 bytes and ASCII', () => {
    const name = indexName('very_long_table_name_for_events', ['first_long_column_name', 'second_long_column_name', 'third']);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^very_long_table_name_for_events_first_long_column_name_[a-z0-9_]*_idx$/);
    expect(indexName('Größe', ['Ä'])).toBe('gr_e_col_idx');
  });
});
