import { describe, expect, it } from 'vitest';
import { parseGithubWorkflow } from './github-actions.js';
import type { CiWorkflow } from './types.js';

const WORKFLOW = `name: Deploy
on:
  push:
    branches: [main]
  workflow_run:
    workflows: [CI]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm test
  deploy:
    needs: [test]
    if: github.ref == 'refs/heads/main'
    environment:
      name: production
      url: https://app.acme.test
    permissions: write-all
    steps:
      - name: Ship
        uses: superfly/flyctl-actions/setup-flyctl@master
        with:
          version: 1.2
          args: { a: 1 }
        continue-on-error: true
  call:
    uses: ./.github/workflows/test.yml
    needs: test
`;

const parse = (text: string): CiWorkflow => {
  const r = parseGithubWorkflow(text, '.github/workflows/deploy.yml');
  if ('error' in r) throw new Error(r.error.message);
  return r.workflow;
};

describe('parseGithubWorkflow', () => {
  it('reads triggers, permissions, jobs, steps and their lines', () => {
    const wf = parse(WORKFLOW);
    expect(wf).toMatchObject({
      provider: 'github', name: 'Deploy', triggers: ['push', 'workflow_run'], afterWorkflows: ['CI'],
      permissions: { line: 7, value: { contents: 'read' } },
    });
    expect(wf.jobs.map((j) => [j.id, j.line])).toEqual([['test', 10], ['deploy', 15], ['call', 29]]);
    const [test, deploy, call] = wf.jobs;
    expect(test.steps).toEqual([{ line: 13, uses: 'actions/checkout@v4' }, { line: 14, run: 'npm ci && npm test' }]);
    expect(deploy).toMatchObject({
      needs: ['test'], condition: "github.ref == 'refs/heads/main'",
      environment: { line: 18, name: 'production' }, permissions: { line: 21, value: 'write-all' },
    });
    expect(deploy.steps[0]).toEqual({
      line: 23, name: 'Ship', uses: 'superfly/flyctl-actions/setup-flyctl@master',
      with: { version: '1.2', args: '{"a":1}' }, continueOnError: true,
    });
    expect(call).toMatchObject({ uses: './.github/workflows/test.yml', needs: ['test'], steps: [] });
  });

  it.each([
    ['on: push\njobs: {}', ['push']],
    ['on: [push, pull_request_target]\njobs: {}', ['push', 'pull_request_target']],
    ['on:\n  pull_request_target:\n    types: [opened]\njobs: {}', ['pull_request_target']],
  ])('reads the trigger forms of %j', (text, triggers) => {
    expect(parse(text).triggers).toEqual(triggers);
  });

  it('environment as a plain name', () => {
    expect(parse('on: push\njobs:\n  d:\n    environment: staging\n    steps: []\n').jobs[0].environment).toEqual({ line: 4, name: 'staging' });
  });

  it.each([
    ['jobs:\n  a: [unclosed\n', /deploy\.yml:\d+:\d+ YAML syntax error/],
    ['- a list\n', /expected a mapping/],
  ])('refuses broken YAML %j', (text, message) => {
    const r = parseGithubWorkflow(text, '.github/workflows/deploy.yml');
    expect('error' in r && r.error.message).toMatch(message);
  });
});
