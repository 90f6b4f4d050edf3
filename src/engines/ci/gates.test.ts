import { describe, expect, it } from 'vitest';
import { judgeGates } from './gates.js';
import { parseGithubWorkflow } from './github-actions.js';
import { parseGitlabCi } from './gitlab-ci.js';
import type { CiWorkflow } from './types.js';

const gh = (text: string, file = '.github/workflows/deploy.yml'): CiWorkflow => {
  const r = parseGithubWorkflow(text, file);
  if ('error' in r) throw new Error(r.error.message);
  return r.workflow;
};
const gl = (text: string): CiWorkflow => {
  const r = parseGitlabCi(text, '.gitlab-ci.yml');
  if ('error' in r) throw new Error(r.error.message);
  return r.workflow;
};
const verdicts = (wfs: CiWorkflow[], requireMigrationLint = true) =>
  judgeGates(wfs, { requireMigrationLint }).map((v) => [v.job, v.missing]);

const GATED = `on: push
jobs:
  test: { steps: [{ run: npm test }] }
  secrets: { steps: [{ uses: gitleaks/gitleaks-action@v2 }] }
  migrations: { steps: [{ run: npx launchready migrations lint }] }
  build: { needs: [test, secrets], steps: [{ run: npm run build }] }
  deploy:
    needs: [build, migrations]
    environment: production
    steps: [{ run: flyctl deploy }]
`;

describe('judgeGates', () => {
  it('accepts gates reached transitively through needs', () => {
    expect(verdicts([gh(GATED)])).toEqual([['deploy', []]]);
    expect(judgeGates([gh(GATED)], { requireMigrationLint: true })[0].upstream.sort()).toEqual(['build', 'migrations', 'secrets', 'test']);
  });

  it('names each missing gate', () => {
    const wf = gh('on: push\njobs:\n  build: { steps: [{ run: npm run build }] }\n  deploy: { needs: build, steps: [{ run: npm run deploy }] }\n');
    expect(verdicts([wf])).toEqual([['deploy', ['tests', 'secretScan', 'migrationLint']]]);
    expect(verdicts([wf], false)).toEqual([['deploy', ['tests', 'secretScan']]]);
  });

  it('counts steps before the deploy step in the same job, not after it', () => {
    const wf = gh(`on: push
jobs:
  deploy:
    steps:
      - run: npm test
      - run: npx launchready secrets
      - run: npm run deploy
      - run: npx launchready migrations lint
`);
    expect(verdicts([wf])).toEqual([['deploy', ['migrationLint']]]);
  });

  it('ignores gates that may fail', () => {
    const wf = gh(`on: push
jobs:
  test: { continue-on-error: true, steps: [{ run: npm test }] }
  deploy: { needs: test, steps: [{ run: npm run deploy }] }
`);
    expect(verdicts([wf], false)).toEqual([['deploy', ['tests', 'secretScan']]]);
  });

  it('follows local reusable workflows and successful workflow_run triggers', () => {
    const ci = gh('name: CI\non: push\njobs:\n  test: { steps: [{ run: npm test }] }\n  scan: { steps: [{ run: gitleaks detect }] }\n', '.github/workflows/ci.yml');
    const reusable = gh(`on: push
jobs:
  checks: { uses: ./.github/workflows/ci.yml }
  deploy: { needs: checks, environment: production, steps: [{ run: flyctl deploy }] }
`);
    expect(verdicts([ci, reusable], false)).toEqual([['deploy', []]]);
    const after = (cond: string) => gh(`on:
  workflow_run: { workflows: [CI], types: [completed] }
jobs:
  deploy:
    if: ${cond}
    environment: production
    steps: [{ run: flyctl deploy }]
`);
    expect(verdicts([ci, after("github.event.workflow_run.conclusion == 'success'")], false)).toEqual([['deploy', []]]);
    expect(verdicts([ci, after('always()')], false)).toEqual([['deploy', ['tests', 'secretScan']]]);
  });

  it('GitLab: earlier stages gate later ones; needs narrows it; order matters', () => {
    const good = gl(`stages: [test, scan, deploy]
unit: { stage: test, script: [npm test] }
secrets: { stage: scan, script: [npx launchready secrets] }
deploy_prod: { stage: deploy, environment: production, script: [./deploy.sh] }
`);
    expect(verdicts([good], false)).toEqual([['deploy_prod', []]]);
    const wrongOrder = gl(`stages: [build, deploy, test]
unit: { stage: test, script: [npm test] }
deploy_prod: { stage: deploy, script: [./deploy.sh] }
`);
    expect(verdicts([wrongOrder], false)).toEqual([['deploy_prod', ['tests', 'secretScan']]]);
    const needsOnlyBuild = gl(`stages: [build, test, deploy]
build: { stage: build, script: [npm run build] }
unit: { stage: test, script: [npm test] }
deploy_prod: { stage: deploy, needs: [build], script: [./deploy.sh] }
`);
    expect(verdicts([needsOnlyBuild], false)).toEqual([['deploy_prod', ['tests', 'secretScan']]]);
  });

  it('the Secret-Detection template counts as a secret scan in stage test', () => {
    const wf = gl(`include: [{ template: Security/Secret-Detection.gitlab-ci.yml }]
unit: { stage: test, script: [npm test] }
deploy_prod: { stage: deploy, environment: production, script: [./deploy.sh] }
`);
    expect(verdicts([wf], false)).toEqual([['deploy_prod', []]]);
  });
});
