import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import { describeProbe, type LeakProbe } from '../../engines/leaks/index.js';
import errorLeak, { aggregateFindings, judgeLeakAnswer } from './error-leak.js';

checkTester(errorLeak, {
  pass: [{ name: 'fixed answers 400 / 400 / 413 with short JSON errors', lab: 'fixed' }],
  fail: [
    {
      name: 'default leaks a stack trace, SQL and paths with 500s',
      lab: 'default',
      expect: [
        { target: 'create task', messageId: 'stackTrace', severity: 'high' },
        { target: 'create task', messageId: 'sqlText' },
        { target: 'create task', messageId: 'filePath' },
        { target: 'create task', messageId: 'notClientError', severity: 'medium' },
        { target: 'list tasks', messageId: 'sqlText' },
      ],
    },
  ],
  error: [
    { name: 'a bot wall in front of the API (login fails)', lab: 'hostile', expect: [{ target: 'list' }] },
    { name: 'a bot wall in front of the API (no login)', lab: 'hostile', config: (raw) => { delete raw.api.login; }, expect: [{ target: 'list' }] },
  ],
  skip: [
    {
      name: 'signed out, every request stops at 401',
      lab: 'fixed',
      config: (raw) => { delete raw.api.login; },
      // Reads stop at 401; the fixed API parses bodies before authenticating, so writes are still judged.
      expect: [{ target: 'list tasks' }],
    },
  ],
});

const write: LeakProbe = { kind: 'malformedJson', method: 'POST', path: '/api/tasks', body: '{"title": ', expect: 'strict' };
const read: LeakProbe = { kind: 'wrongQuery', method: 'GET', path: '/api/tasks?page=x', expect: 'no5xx' };
const LEAK = JSON.stringify({ error: 'PG::InvalidTextRepresentation', query: "SELECT * FROM tasks WHERE id = 'x'", stack: 'Error\n    at q (/srv/acme/src/db.js:1:2)' });

describe('judgeLeakAnswer', () => {
  it.each([
    ['clean 400', write, 400, '{"error":"invalid JSON body"}', []],
    ['clean 413', write, 413, '{"error":"too large"}', []],
    ['accepted garbage', write, 201, '{"id":7}', ['notClientError']],
    ['500 without details', write, 500, '{"error":"internal error"}', ['notClientError']],
    ['500 with everything', write, 500, LEAK, ['stackTrace', 'sqlText', 'filePath', 'notClientError']],
    ['read ignoring a parameter', read, 200, '{"tasks":[]}', []],
    ['read 404', read, 404, '{"error":"not found"}', []],
    ['read 500', read, 500, 'oops', ['notClientError']],
    ['leak in a 400', read, 400, LEAK, ['stackTrace', 'sqlText', 'filePath']],
  ])('%s', (_name, probe, status, body, want) => {
    expect(judgeLeakAnswer(probe, status, body).map((f) => f.messageId)).toEqual(want);
  });

  it('never shows the session token in an excerpt', () => {
    const token = 'f3a9c1e7b2d4a6f8c0e2b4d6a8f0c2e4';
    const [f] = judgeLeakAnswer(read, 500, `Error: bad token ${token}\n    at auth (/srv/app/auth.js:3:9)`, [token]);
    expect(f.excerpt).not.toContain(token);
    expect(f.request).toBe(describeProbe(read));
  });
});

describe('aggregateFindings', () => {
  it('reports one finding per cause with the first request and the others', () => {
    const findings = [
      ...judgeLeakAnswer(write, 500, LEAK),
      ...judgeLeakAnswer({ ...write, kind: 'oversized' }, 500, LEAK),
    ];
    const agg = aggregateFindings(findings);
    expect(agg.map((a) => `${a.messageId}:${a.severity}`)).toEqual(['stackTrace:high', 'sqlText:high', 'filePath:high', 'notClientError:medium']);
    expect(agg[0].evidence).toMatchObject({ request: 'POST /api/tasks with a malformed JSON body', status: 500, pattern: 'node stack frame' });
    expect(agg[0].evidence.also).toEqual(['POST /api/tasks with a 2 MB body → 500 (node stack frame)']);
  });
});
