import { describe, expect, it } from 'vitest';
import { parseFilter, parseSortKey, tokenize } from './filter.js';

const OWN = ['t', 'tasks'];

describe('parseFilter', () => {
  it.each([
    ['(tasks.assignee_email = $1)', [['assignee_email', 'eq']]],
    ['((t.status <> $2) AND (t.assignee_email = $1))', [['status', 'other'], ['assignee_email', 'eq']]],
    // varchar columns come wrapped in a cast
    ['((t.email)::text = ($1)::text)', [['email', 'eq']]],
    ['((t.email)::text = $1)', [['email', 'eq']]],
    // unqualified (no VERBOSE), reversed operands, ranges
    ['(assignee_id = 42)', [['assignee_id', 'eq']]],
    ['($1 < t.created_at)', [['created_at', 'range']]],
    ["((t.created_at >= '2025-01-01 00:00:00+00'::timestamp with time zone) AND (t.created_at < $1))", [['created_at', 'range'], ['created_at', 'range']]],
    ["(t.created_at > (now() - '7 days'::interval))", [['created_at', 'range']]],
    ["(t.status = ANY ('{open,review}'::text[]))", [['status', 'eq']]],
    ['(t.deleted_at IS NULL)', [['deleted_at', 'null']]],
    ['(t.deleted_at IS NOT NULL)', [['deleted_at', 'other']]],
    ['(t.title ~~* $1)', [['title', 'pattern']]],
    ["(t.title ~~ 'abc%'::text)", [['title', 'pattern']]],
    // quoted identifiers keep their case; a doubled quote is one quote
    ['(t."userId" = $1)', [['userId', 'eq']]],
    ['(t."we""ird" = $1)', [['we"ird', 'eq']]],
    // a join's other side is a parameter to an index probe
    ['(t.assignee_id = u.id)', [['assignee_id', 'eq']]],
    // not indexable by a plain B-tree on a column
    ['(lower(t.email) = $1)', []],
    ["((t.payload ->> 'kind'::text) = $1)", []],
    ['(t.a = t.b)', []],
    ['(NOT t.archived)', []],
    ['t.archived', []],
    ['(t.id = (SubPlan 1))', []],
    // another relation's column in this scan's filter is not this table's to index
    ['(other.x = $1)', []],
  ])('%s', (filter, want) => {
    const got = parseFilter(filter, OWN);
    expect(got.disjunction).toBe(false);
    expect(got.terms.map((t) => [t.column, t.kind])).toEqual(want);
  });

  it('an OR at the top is served by no single index', () => {
    expect(parseFilter('((tasks.assignee_email = $1) OR (tasks.title = $2))', OWN)).toEqual({ terms: [], disjunction: true });
  });

  it('an OR inside one conjunct leaves the others', () => {
    const got = parseFilter('((t.project_id = $1) AND ((t.status = $2) OR (t.priority > 2)))', OWN);
    expect(got.terms).toEqual([{ column: 'project_id', kind: 'eq' }]);
  });

  it('string literals with quotes and keywords do not split the expression', () => {
    const got = parseFilter("((t.title = 'a AND b'::text) AND (t.note = 'it''s OR not'::text))", OWN);
    expect(got.terms.map((t) => t.column)).toEqual(['title', 'note']);
  });
});

describe('parseSortKey', () => {
  it.each([
    ['audit_log.created_at DESC', ['audit_log'], { column: 'created_at', desc: true }],
    ['created_at', ['audit_log'], { column: 'created_at', desc: false }],
    ['t.due_at NULLS FIRST', OWN, { column: 'due_at', desc: false }],
    ['t.due_at DESC NULLS LAST', OWN, { column: 'due_at', desc: true }],
    ['"Big Table"."order" DESC', ['Big Table'], { column: 'order', desc: true }],
    ['lower(t.title)', OWN, undefined],
    ['u.name', OWN, undefined],
  ])('%s', (key, own, want) => expect(parseSortKey(key, own)).toEqual(want));
});

describe('tokenize', () => {
  it('reads parameters, casts, operators and quoted names', () => {
    expect(tokenize('("A"."b" >= $12::int)').map((t) => `${t.t}:${t.v}`)).toEqual([
      'punct:(', 'qident:A', 'punct:.', 'qident:b', 'op:>=', 'param:$12', 'punct:::', 'ident:int', 'punct:)',
    ]);
  });
});
