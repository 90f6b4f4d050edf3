import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import pagination, { withParam } from './pagination.js';

checkTester(pagination, {
  pass: [{ name: 'fixed: bounded pages, limit honoured, a next cursor', lab: 'fixed' }],
  fail: [
    { name: 'default: 250 rows in one answer', lab: 'default', expect: [{ target: 'list tasks', messageId: 'unpaginated', severity: 'high' }] },
    {
      name: 'a short declared list with no pagination at all',
      lab: 'default',
      config: (raw) => {
        raw.api.endpoints = [{ name: 'search tasks', method: 'GET', path: '/api/tasks/search?q=task', kind: 'read', list: true }];
      },
      expect: [{ target: 'search tasks', messageId: 'noPagination', severity: 'low' }],
    },
  ],
  error: [
    { name: 'login rejected', lab: 'default', config: (raw) => { raw.api.login.body.password = 'wrong'; }, expect: [{ target: 'list tasks' }] },
    { name: 'a bot wall in front of the API', lab: 'hostile', expect: [{ target: 'list' }] },
  ],
  skip: [
    {
      name: 'no list among the endpoints',
      lab: 'fixed',
      config: (raw) => { raw.api.endpoints = raw.api.endpoints.filter((e: { name: string }) => e.name === 'my profile' || e.name === 'task report'); },
      expect: [{ target: 'https://api.acme.test' }],
    },
    { name: 'no api section', lab: 'default', config: (raw) => { delete raw.api; }, expect: [{}] },
  ],
});

describe('withParam', () => {
  it.each([
    ['https://api.x.test/api/tasks', 'limit', 'https://api.x.test/api/tasks?limit=5'],
    ['https://api.x.test/api/tasks/search?q=task', 'limit', 'https://api.x.test/api/tasks/search?q=task&limit=5'],
    ['https://api.x.test/v1/items?limit=100&sort=id', 'limit', 'https://api.x.test/v1/items?limit=5&sort=id'],
  ])('%s + %s', (url, name, want) => expect(withParam(url, name, 5)).toBe(want));
});
