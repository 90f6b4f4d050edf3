import { describe, expect, it } from 'vitest';
import { parseGitlabCi } from './gitlab-ci.js';
import type { CiWorkflow } from './types.js';

const parse = (text: string): CiWorkflow => {
  const r = parseGitlabCi(text, '.gitlab-ci.yml');
  if ('error' in r) throw new Error(r.error.message);
  return r.workflow;
};

describe('parseGitlabCi', () => {
  it('reads stages, jobs, extends, scripts, needs and environments with lines', () => {
    const wf = parse(`stages: [build, test, deploy]
include:
  - template: Jobs/Secret-Detection.gitlab-ci.yml
variables:
  X: 1
.deploy_template:
  stage: deploy
  environment:
    name: production
    action: start
build:
  stage: build
  script: npm run build
unit:
  script:
    - npm ci
    - [npm test, echo done]
  allow_failure: true
deploy_prod:
  extends: .deploy_template
  needs: [build]
  script:
    - ./deploy.sh
  when: manual
stop_prod:
  stage: deploy
  environment: { name: production, action: stop }
  script: [echo stop]
`);
    expect(wf.stages).toEqual(['.pre', 'build', 'test', 'deploy', '.post']);
    expect(wf.jobs.map((j) => [j.id, j.stage, j.line])).toEqual([
      ['build', 'build', 11], ['unit', 'test', 14], ['deploy_prod', 'deploy', 19], ['stop_prod', 'deploy', 25], ['secret_detection', 'test', 2],
    ]);
    const [build, unit, deploy, stop] = wf.jobs;
    expect(build).toMatchObject({ steps: [{ line: 13, run: 'npm run build' }], needs: [] });
    expect(build.hasNeeds).toBeUndefined();
    expect(unit).toMatchObject({ mayFail: true, steps: [{ line: 16, run: 'npm ci' }, { line: 17, run: 'npm test' }, { line: 17, run: 'echo done' }] });
    expect(deploy).toMatchObject({ needs: ['build'], hasNeeds: true, environment: { line: 8, name: 'production', action: 'start' }, condition: 'when: manual' });
    expect(stop.environment).toMatchObject({ name: 'production', action: 'stop' });
  });

  it('uses the default stages when none are declared', () => {
    const wf = parse('test:\n  script: [npm test]\n');
    expect(wf.stages).toEqual(['.pre', 'build', 'test', 'deploy', '.post']);
    expect(wf.jobs[0].stage).toBe('test');
  });

  it('survives an extends loop', () => {
    const wf = parse('.a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n');
    expect(wf.jobs.map((j) => j.id)).toEqual(['job']);
  });
});
