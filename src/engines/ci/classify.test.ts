import { describe, expect, it } from 'vitest';
import { deployReason, isDeployStep, jobGates, stepGates } from './classify.js';
import type { CiJob, CiStep } from './types.js';

const job = (over: Partial<CiJob>): CiJob => ({ id: 'job', line: 1, needs: [], steps: [], ...over });

describe('isDeployStep', () => {
  it.each([
    [{ run: 'flyctl deploy --remote-only' }, true],
    [{ run: 'kubectl apply -f k8s/' }, true],
    [{ run: 'npx vercel deploy --prod --token $T' }, true],
    [{ run: 'npm run deploy' }, true],
    [{ run: 'terraform apply -auto-approve' }, true],
    [{ run: 'aws s3 sync dist s3://acme-site' }, true],
    [{ uses: 'aws-actions/amazon-ecs-deploy-task-definition@v2' }, true],
    [{ uses: 'actions/deploy-pages@v4' }, true],
    [{ uses: 'cloudflare/wrangler-action@v3' }, true],
    [{ run: 'npm test' }, false],
    [{ run: 'terraform plan' }, false],
    [{ uses: 'actions/checkout@v4' }, false],
  ] as [Partial<CiStep>, boolean][])('%j → %s', (step, expected) => {
    expect(isDeployStep({ line: 1, ...step })).toBe(expected);
  });

  it('recognises the project\'s own deploy command', () => {
    expect(isDeployStep({ line: 1, run: 'bin/ship --prod' }, 'bin/ship')).toBe(true);
  });
});

describe('deployReason', () => {
  it.each([
    [job({ environment: { line: 2, name: 'production' } }), /environment production/],
    [job({ id: 'deploy-web' }), /named like a deploy job/],
    [job({ stage: 'deploy' }), /stage deploy/],
    [job({ steps: [{ line: 7, run: 'helm upgrade --install web chart/' }] }), /line 7 deploys/],
    [job({ id: 'stop', environment: { line: 2, name: 'production', action: 'stop' } }), undefined],
    [job({ id: 'test', steps: [{ line: 3, run: 'npm test' }] }), undefined],
  ] as [CiJob, RegExp | undefined][])('%#', (j, expected) => {
    const reason = deployReason(j);
    if (expected) expect(reason).toMatch(expected);
    else expect(reason).toBeUndefined();
  });
});

describe('gates', () => {
  it.each([
    [{ run: 'npm ci\nnpm test' }, ['tests']],
    [{ run: 'pnpm run test:unit' }, ['tests']],
    [{ run: 'npx vitest run' }, ['tests']],
    [{ run: 'pytest -q' }, ['tests']],
    [{ run: 'go test ./...' }, ['tests']],
    [{ run: 'npx launchready secrets --no-history' }, ['secretScan']],
    [{ uses: 'gitleaks/gitleaks-action@v2' }, ['secretScan']],
    [{ uses: 'trufflesecurity/trufflehog@main' }, ['secretScan']],
    [{ run: 'npx launchready migrations lint db/migrations' }, ['migrationLint']],
    [{ run: 'squawk db/migrations/*.sql' }, ['migrationLint']],
    [{ run: 'npm run build' }, []],
    [{ run: 'npm run lint' }, []],
  ] as [Partial<CiStep>, string[]][])('%j → %j', (step, gates) => {
    expect(stepGates({ line: 1, ...step })).toEqual(gates);
  });

  it('reads job names, skips steps and jobs that may fail', () => {
    expect([...jobGates(job({ id: 'test' }))]).toEqual(['tests']);
    expect([...jobGates(job({ id: 'secret-scan' }))]).toEqual(['secretScan']);
    expect([...jobGates(job({ id: 'lint-migrations' }))]).toEqual(['migrationLint']);
    expect([...jobGates(job({ id: 'x', steps: [{ line: 1, run: 'npm test', continueOnError: true }] }))]).toEqual([]);
    expect([...jobGates(job({ id: 'test', mayFail: true }))]).toEqual([]);
  });
});

describe('deploy job names', () => {
  it.each([
    ['deploy', true], ['deploy-web', true], ['web_deploy', true], ['deployment', true], ['rollout', true],
    ['predeploy-checks', false], ['deployable-build', false], ['build', false],
  ])('%s → %s', (id, isDeploy) => {
    expect(Boolean(deployReason({ id, line: 1, needs: [], steps: [] }))).toBe(isDeploy);
  });

  it('reads the display name too', () => {
    expect(deployReason({ id: 'job1', name: 'Deploy to production', line: 1, needs: [], steps: [] })).toMatch(/named like a deploy job/);
  });
});

describe('secret-scan job names', () => {
  it.each([['secret-scan', true], ['secrets_scan', true], ['secret_detection', true], ['Scan for secrets', true], ['secrets', true], ['load-secrets', false], ['rotate-secrets', false]])('%s → %s', (id, gate) => {
    expect(jobGates({ id, line: 1, needs: [], steps: [] }).has('secretScan')).toBe(gate);
  });
});
