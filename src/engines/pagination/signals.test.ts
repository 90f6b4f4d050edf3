import { describe, expect, it } from 'vitest';
import { hasNextPage, linkNext, paginationSignals } from './signals.js';

const rows = [{ id: 1 }];
const where = (json: unknown, headers: Record<string, string> = {}) => paginationSignals(json, headers).map((s) => `${s.where}:${s.kind}:${String(s.value)}`);

describe('paginationSignals', () => {
  it.each([
    ['the lab (fixed)', { tasks: rows, next: '/api/tasks?limit=50&after=50' }, { link: '<https://api.acme.test/api/tasks?limit=50&after=50>; rel="next"' },
      ['Link rel="next":cursor:https://api.acme.test/api/tasks?limit=50&after=50', 'body.next:cursor:/api/tasks?limit=50&after=50']],
    ['a last page (next: null)', { tasks: rows, next: null }, {}, ['body.next:cursor:null']],
    ['Stripe', { data: rows, has_more: true }, {}, ['body.has_more:more:true']],
    ['Slack', { members: rows, response_metadata: { next_cursor: 'dXNlcjpVMEc5V0ZYTlo=' } }, {}, ['body.response_metadata.next_cursor:cursor:dXNlcjpVMEc5V0ZYTlo=']],
    ['Google', { items: rows, nextPageToken: 'CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA' }, {}, ['body.nextPageToken:cursor:CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA']],
    ['OData', { value: rows, '@odata.nextLink': 'https://graph.x/v1.0/users?$skiptoken=X' }, {}, ['body.@odata.nextLink:cursor:https://graph.x/v1.0/users?$skiptoken=X']],
    ['JSON:API', { data: rows, links: { self: '/a', next: '/a?page[cursor]=b' } }, {}, ['body.links.next:cursor:/a?page[cursor]=b']],
    ['HAL', { _embedded: { orders: rows }, _links: { next: { href: '/orders?page=2' } } }, {}, ['body._links.next:cursor:/orders?page=2']],
    ['Facebook', { data: rows, paging: { cursors: { before: 'a', after: 'b' }, next: 'https://graph.facebook.com/x?after=b' } }, {},
      ['body.paging.cursors.after:cursor:b', 'body.paging.next:cursor:https://graph.facebook.com/x?after=b']],
    ['Laravel', { data: rows, current_page: 1, last_page: 4, next_page_url: 'https://x/api/users?page=2', per_page: 15 }, {},
      ['body.current_page:pages:1', 'body.last_page:pages:4', 'body.next_page_url:cursor:https://x/api/users?page=2', 'body.per_page:pages:15']],
    ['GitLab headers', rows, { 'x-next-page': '2', 'x-total-pages': '9', 'x-per-page': '20' },
      ['header x-next-page:cursor:2', 'header x-total-pages:pages:9', 'header x-per-page:pages:20']],
    ['GitHub Link', rows, { link: '<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last"' },
      ['Link rel="next":cursor:https://api.github.com/repositories/1/issues?page=2']],
    ['no signals', { tasks: rows, after: 'x', count: 1 }, {}, []],
    ['an unpaginated array', rows, {}, []],
  ])('%s', (_name, json, headers, want) => expect(where(json, headers)).toEqual(want));
});

describe('linkNext', () => {
  it.each([
    ['<https://x/a?page=2>; rel="next"', 'https://x/a?page=2'],
    ['<https://x/a?page=1>; rel="prev", <https://x/a?page=3>; rel=next', 'https://x/a?page=3'],
    ['<https://x/a>; rel="next last"', 'https://x/a'],
    ['<https://x/a>; rel="last"', undefined],
    [undefined, undefined],
  ])('%s', (header, want) => expect(linkNext(header)).toBe(want));
});

describe('hasNextPage', () => {
  it('needs a cursor value or has_more: true', () => {
    expect(hasNextPage(paginationSignals({ next: null }, {}))).toBe(false);
    expect(hasNextPage(paginationSignals({ has_more: false }, {}))).toBe(false);
    expect(hasNextPage(paginationSignals({ has_more: true }, {}))).toBe(true);
    expect(hasNextPage(paginationSignals({ next: 'c' }, {}))).toBe(true);
  });
});
