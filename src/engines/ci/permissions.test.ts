import { describe, expect, it } from 'vitest';
import { parseGithubWorkflow } from './github-actions.js';
import { parseGitlabCi } from './gitlab-ci.js';
import { judgePermissions } from './permissions.js';
import type { CiWorkflow } from './types.js';

const gh = (text: string): CiWorkflow => {
  const r = parseGithubWorkflow(text, '.github/workflows/x.yml');
  if ('error' in r) throw new Error(r.error.message);
  return r.workflow;
};
const issues = (wf: CiWorkflow) => judgePermissions(wf).map((f) => [f.issue, f.line, f.job]);

describe('judgePermissions', () => {
  it('passes a least-privilege workflow with a protected deploy', () => {
    expect(issues(gh(`on: push
permissions: { contents: read }
jobs:
  test:
    runs-on: ubuntu-latest
    steps: [{ run: npm test }]
  deploy:
    needs: test
    environment: production
    steps: [{ run: flyctl deploy }]
`))).toEqual([]);
  });

  it('flags jobs without permissions when the workflow declares none, but not jobs that declare their own', () => {
    expect(issues(gh(`on: push
jobs:
  a:
    steps: [{ run: echo }]
  b:
    permissions: { contents: read }
    steps: [{ run: echo }]
`))).toEqual([['noPermissions', 3, 'a']]);
  });

  it('flags write-all at workflow and job level', () => {
    expect(issues(gh(`on: push
permissions: write-all
jobs:
  a:
    permissions: write-all
    steps: [{ run: echo }]
`))).toEqual([['writeAll', 2, undefined], ['writeAll', 5, 'a']]);
  });

  it.each([
    ['ref: ${{ github.event.pull_request.head.sha }}', true],
    ['ref: ${{ github.event.pull_request.head.ref }}', true],
    ['ref: ${{ github.head_ref }}', true],
    ['repository: ${{ github.event.pull_request.head.repo.full_name }}', true],
    ['ref: main', false],
  ])('pull_request_target checking out %s → %s', (input, flagged) => {
    const wf = gh(`on: pull_request_target
permissions: { contents: read }
jobs:
  preview:
    steps:
      - uses: actions/checkout@v4
        with:
          ${input}
      - run: npm ci && npm run build
        env: { TOKEN: "\${{ secrets.PREVIEW_TOKEN }}" }
`);
    const found = judgePermissions(wf).filter((f) => f.issue === 'prTargetCheckout');
    expect(found.length).toBe(flagged ? 1 : 0);
    if (flagged) expect(found[0]).toMatchObject({ line: 6, job: 'preview', evidence: { trigger: 'pull_request_target' } });
  });

  it('flags `gh pr checkout` in a pull_request_target job, and ignores the same checkout under pull_request', () => {
    const text = (trigger: string) => `on: ${trigger}\npermissions: {}\njobs:\n  a:\n    steps:\n      - run: gh pr checkout \${{ github.event.number }}\n`;
    expect(issues(gh(text('pull_request_target')))).toEqual([['prTargetCheckout', 6, 'a']]);
    expect(issues(gh(text('pull_request')))).toEqual([]);
  });

  it('names referenced secrets, never their values', () => {
    const wf = gh(`on: pull_request_target
permissions: {}
jobs:
  a:
    steps:
      - uses: actions/checkout@v4
        with: { ref: "\${{ github.event.pull_request.head.sha }}" }
      - run: deploy --token \${{ secrets.DEPLOY_TOKEN }}
`);
    expect(judgePermissions(wf).find((f) => f.issue === 'prTargetCheckout')?.evidence.secretsReferenced).toEqual(['DEPLOY_TOKEN']);
  });

  it('flags deploy jobs without an environment (GitHub and GitLab)', () => {
    expect(issues(gh(`on: push
permissions: { contents: read }
jobs:
  ship:
    steps: [{ uses: aws-actions/amazon-ecs-deploy-task-definition@v2 }]
`))).toEqual([['unprotectedDeploy', 4, 'ship']]);
    const gl = parseGitlabCi('deploy_prod:\n  stage: deploy\n  script: [./deploy.sh]\nok:\n  stage: deploy\n  environment: production\n  script: [./deploy.sh]\n', '.gitlab-ci.yml');
    if ('error' in gl) throw new Error('parse');
    expect(issues(gl.workflow)).toEqual([['unprotectedDeploy', 1, 'deploy_prod']]);
  });
});

describe('judgePermissions on reusable workflows', () => {
  it('does not ask a workflow_call-only workflow for its own permissions', () => {
    expect(issues(gh('on: workflow_call\njobs:\n  test:\n    steps: [{ run: npm test }]\n'))).toEqual([]);
    expect(issues(gh('on: [workflow_call, push]\njobs:\n  test:\n    steps: [{ run: npm test }]\n'))).toEqual([['noPermissions', 3, 'test']]);
  });
});
