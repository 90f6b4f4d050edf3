import { describe, expect, it } from 'vitest';
import { findList } from './find-list.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

describe('findList', () => {
  it.each([
    ['a top-level array of objects', rows(3), false, { rows: 3, path: '$' }],
    ['a wrapper with one array of objects', { tasks: rows(250) }, false, { rows: 250, path: 'tasks' }],
    ['JSON:API', { data: rows(20), links: { next: '/x?page[cursor]=a' } }, false, { rows: 20, path: 'data' }],
    ['Stripe', { object: 'list', data: rows(10), has_more: true, url: '/v1/customers' }, false, { rows: 10, path: 'data' }],
    ['a profile with a roles array of strings', { email: 'a@x.test', roles: ['admin'] }, false, undefined],
    ['two arrays of objects', { tasks: rows(2), users: rows(3) }, false, undefined],
    ['an empty array', [], false, undefined],
    ['an array of strings', ['a', 'b'], false, undefined],
    ['an object without arrays', { tasks: { open: 1 } }, false, undefined],
    ['a scalar', 42, false, undefined],
    // declared lists: any array will do; the biggest array of objects wins
    ['declared, empty', { items: [] }, true, { rows: 0, path: 'items' }],
    ['declared, two arrays', { tasks: rows(2), users: rows(3) }, true, { rows: 3, path: 'users' }],
    ['declared, strings', ['a', 'b'], true, { rows: 2, path: '$' }],
    ['declared, nested data', { data: { items: rows(4), total: 4 } }, true, { rows: 4, path: 'data.items' }],
    ['declared, HAL', { _embedded: { orders: rows(5) }, _links: { next: { href: '/orders?page=2' } } }, true, { rows: 5, path: '_embedded.orders' }],
    ['declared, nothing', { ok: true }, true, undefined],
  ])('%s', (_name, json, declared, want) => expect(findList(json, { declared })).toEqual(want));
});
