/**
 * access.ci-permissions: CI tokens are least-privilege, untrusted pull requests never run with
 * secrets, and deploy jobs sit behind a protected environment. Judged from the workflow files
 * (`src/engines/ci/permissions.ts` says why each rule matters).
 */
import { createCheck } from '../../core/create-check.js';
import { judgePermissions, loadPipelinesForCheck } from '../../engines/ci/index.js';

export default createCheck({
  meta: {
    id: 'access.ci-permissions',
    stage: 2,
    title: 'CI tokens are least-privilege and deploys are gated by a protected environment',
    defaultSeverity: 'high',
    targetKind: 'file',
    needs: ['repo'],
  },
  messages: {
    noPermissions: 'Job {{job}} in {{file}} runs with the default GITHUB_TOKEN permissions (no `permissions:` at workflow or job level)',
    writeAll: 'The token of {{scope}} in {{file}} has every scope (`permissions: write-all`)',
    prTargetCheckout: 'Job {{job}} in {{file}} checks out the pull request\'s code under `pull_request_target`, where secrets and a write token are available',
    unprotectedDeploy: 'Deploy job {{job}} in {{file}} has no `environment:`, so no protection rule (reviewers, branches) can hold it',
  },
  remediation: {
    noPermissions: 'Declare the least the workflow needs at the top of the file — `permissions: { contents: read }` — and widen per job only where required (e.g. `packages: write` on the publishing job). Also set the repository default to read-only (Settings → Actions → Workflow permissions).',
    writeAll: 'Replace `write-all` with the specific scopes the job needs, e.g. `permissions: { contents: read, deployments: write }`.',
    prTargetCheckout: 'Run untrusted code under `pull_request` (no secrets, read-only token). If a privileged step must follow, split it into a `workflow_run` workflow that only consumes artifacts, never the PR\'s code.',
    unprotectedDeploy: 'Add `environment: production` to the deploy job and protect that environment (required reviewers, deployment branches `main` only), and move deploy secrets into environment secrets.',
  },
  async run(ctx) {
    const { workflows, problems } = await loadPipelinesForCheck(ctx.config.repo, ctx.config.dir);
    for (const p of problems) {
      if (p.kind === 'error') ctx.error(p.target, { code: p.code, message: p.message });
      else ctx.skip(p.target, p.message);
    }
    for (const wf of workflows) {
      const findings = judgePermissions(wf, { projectDeploy: ctx.config.ownership?.deploy });
      if (!findings.length) {
        ctx.pass(wf.file, { evidence: { jobs: wf.jobs.length, ...(wf.permissions ? { permissions: wf.permissions.value } : {}) } });
        continue;
      }
      for (const f of findings) {
        ctx.fail({
          target: `${wf.file}:${f.line}`,
          messageId: f.issue,
          // Secrets and a write token in reach of a stranger's code: a launch blocker.
          ...(f.issue === 'prTargetCheckout' ? { severity: 'blocker' as const } : {}),
          evidence: { file: wf.file, line: f.line, ...(f.job ? { job: f.job } : {}), ...f.evidence },
        });
      }
    }
  },
});
