/**
 * deploy.ci-gates: every deploy job runs only after the tests, a secret scan and (when the
 * project has migrations) the migration lint have passed — through `needs:`, stage order,
 * a reusable workflow, a successful `workflow_run`, or earlier steps of the same job.
 */
import { createCheck } from '../../core/create-check.js';
import { findMigrationsDir, type Gate, judgeGates, loadPipelinesForCheck } from '../../engines/ci/index.js';

const MESSAGE_OF: Record<Gate, 'missingTests' | 'missingSecretScan' | 'missingMigrationLint'> = {
  tests: 'missingTests',
  secretScan: 'missingSecretScan',
  migrationLint: 'missingMigrationLint',
};
const GATE_WORDS: Record<Gate, string> = { tests: 'tests', secretScan: 'secret scan', migrationLint: 'migration lint' };

export default createCheck({
  meta: {
    id: 'deploy.ci-gates',
    stage: 5,
    title: 'CI runs the tests, secret scan and migration lint before any deploy',
    defaultSeverity: 'high',
    targetKind: 'file',
    needs: ['repo'],
  },
  messages: {
    missingTests: 'Deploy job {{job}} ({{file}}) can run without the tests having passed',
    missingSecretScan: 'Deploy job {{job}} ({{file}}) can run without a secret scan having passed',
    missingMigrationLint: 'Deploy job {{job}} ({{file}}) can run without the migration lint having passed',
  },
  remediation: {
    missingTests: 'Make the deploy job depend on the test job: `needs: [test]` (GitHub), or put the tests in an earlier stage / `needs:` (GitLab).',
    missingSecretScan: 'Add a secret-scan job (`npx launchready secrets --no-history`, or gitleaks) and make the deploy job `needs:` it.',
    missingMigrationLint: 'Add a migration-lint job (`npx launchready migrations lint db/migrations`) and make the deploy job `needs:` it.',
  },
  async run(ctx) {
    const { workflows, problems, repoTarget } = await loadPipelinesForCheck(ctx.config.repo, ctx.config.dir);
    for (const p of problems) {
      if (p.kind === 'error') ctx.error(p.target, { code: p.code, message: p.message });
      else ctx.skip(p.target, p.message);
    }
    if (!workflows.length) return;
    const migrations = ctx.config.migrations ? 'migrations:' : await findMigrationsDir(ctx.config.repo);
    const verdicts = judgeGates(workflows, { requireMigrationLint: Boolean(migrations), projectDeploy: ctx.config.ownership?.deploy });
    if (!verdicts.length) {
      ctx.skip(repoTarget, 'no deploy job found in the CI configuration');
      return;
    }
    for (const v of verdicts) {
      const target = `${v.file}:${v.line}`;
      const base = { file: v.file, line: v.line, job: v.job, deployJob: v.why, upstream: v.upstream, gates: v.present.map((g) => GATE_WORDS[g]) };
      if (!v.missing.length) {
        ctx.pass(target, { evidence: base });
        continue;
      }
      for (const gate of v.missing) {
        ctx.fail({
          target,
          messageId: MESSAGE_OF[gate],
          evidence: {
            ...base,
            expected: `the deploy needs (directly or transitively) a job that runs the ${GATE_WORDS[gate]}`,
            actual: v.upstream.length ? `it needs ${v.upstream.join(', ')}; none runs the ${GATE_WORDS[gate]}` : 'it needs no other job',
            ...(gate === 'migrationLint' ? { migrations } : {}),
          },
        });
      }
    }
  },
});
