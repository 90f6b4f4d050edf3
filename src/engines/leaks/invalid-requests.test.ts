import { describe, expect, it } from 'vitest';
import {
  bodyOf, NOT_FOUND_PATH, oversizedBody, planProbes, wronglyTyped, wrongQueryPath, wrongSegmentPath, WRONG_SEGMENT,
} from './invalid-requests.js';

const ep = { name: 'create task', method: 'POST', path: '/api/tasks', kind: 'write' as const, body: { title: 'probe', done: false } };

describe('planProbes', () => {
  it('sends body probes to writes, path and query probes to reads, one not-found probe', () => {
    const plans = planProbes([
      ep,
      { ...ep, name: 'create task again' },
      { name: 'list tasks', method: 'GET', path: '/api/tasks', kind: 'read', list: true },
      { name: 'remove', method: 'DELETE', path: '/api/tasks/{{id}}', kind: 'write' },
    ]);
    expect(plans.map((p) => [p.target, p.probes.map((x) => x.kind).join(',')])).toEqual([
      ['create task', 'malformedJson,wrongTypes,arrayBody,oversized'],
      ['create task again', 'malformedJson,wrongTypes,arrayBody'],
      ['list tasks', 'wrongSegment,wrongQuery'],
      ['remove', ''],
      [`GET ${NOT_FOUND_PATH}`, 'notFound'],
    ]);
    expect(plans[3].skipReason).toMatch(/DELETE/);
    expect(plans[0].probes[1].body).toBe('{"title":42,"done":"launchready"}');
    expect(plans[0].probes[2].body).toBe('[{"title":"probe","done":false}]');
  });

  it.each([
    ['/api/tasks', `/api/tasks/${WRONG_SEGMENT}`],
    ['/api/tasks/', `/api/tasks/${WRONG_SEGMENT}`],
    ['/api/tasks/12', `/api/tasks/${WRONG_SEGMENT}`],
    ['/api/tasks/{{task_id}}/comments', `/api/tasks/${WRONG_SEGMENT}/comments`],
    ['/api/users/:id', `/api/users/${WRONG_SEGMENT}`],
    ['/api/sync?since=0', `/api/sync/${WRONG_SEGMENT}?since=0`],
  ])('wrong segment of %s', (path, want) => expect(wrongSegmentPath(path)).toBe(want));

  it.each([
    ['/api/tasks', true, `/api/tasks?page=${WRONG_SEGMENT}`],
    ['/api/sync?since=0', false, `/api/sync?since=0&id=${WRONG_SEGMENT}`],
  ])('wrong query of %s', (path, list, want) => expect(wrongQueryPath(path, list)).toBe(want));

  it.each([
    [{ title: 'x', n: 1, ok: true, tags: ['a'], meta: {}, none: null }, { title: 42, n: 'launchready', ok: 'launchready', tags: 42, meta: 42, none: 42 }],
    [{}, undefined],
    [['x'], undefined],
    ['x', undefined],
  ])('wronglyTyped(%j)', (body, want) => expect(wronglyTyped(body)).toEqual(want));

  it('builds an unterminated oversized body only when sent', () => {
    const [plan] = planProbes([ep]);
    const probe = plan.probes.find((p) => p.kind === 'oversized')!;
    expect(probe.body).toBeUndefined();
    expect(bodyOf(probe)!.length).toBeGreaterThan(2 * 1024 * 1024);
    const body = oversizedBody('title', 100);
    expect(body.startsWith('{"title": "aaa')).toBe(true);
    expect(body.length).toBeGreaterThan(100);
    expect(() => JSON.parse(body)).toThrow();
  });
});
