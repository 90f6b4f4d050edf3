/**
 * Least privilege in CI, judged from the workflow files alone:
 * - GitHub gives `GITHUB_TOKEN` the repository's default permissions when a workflow says
 *   nothing, and on repositories created before February 2023 (and most organisations) that
 *   default is read/write on everything; `permissions:` at workflow or job level narrows it.
 * - `write-all` grants every scope.
 * - `pull_request_target` runs with secrets and a write token in the base repository; checking
 *   out the pull request's head there runs the contributor's code with them ("pwn request",
 *   GitHub Security Lab, 2021).
 * - A deploy job without `environment:` cannot be held by environment protection rules
 *   (required reviewers, branch restrictions, environment-scoped secrets).
 */
import { deployReason } from './classify.js';
import type { CiJob, CiStep, CiWorkflow } from './types.js';

export type PermissionIssue = 'noPermissions' | 'writeAll' | 'prTargetCheckout' | 'unprotectedDeploy';

export interface PermissionFinding {
  issue: PermissionIssue;
  line: number;
  job?: string;
  evidence: Record<string, unknown>;
}

/** Expressions that name the pull request's own code (head commit, branch or merge ref). */
const PR_HEAD = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.pull_request\.merge_commit_sha|refs\/pull\/|pull_request\.head\.repo/;
const SECRET_REF = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g;

/** Every least-privilege problem of one workflow. */
export function judgePermissions(wf: CiWorkflow, opts: { projectDeploy?: string } = {}): PermissionFinding[] {
  const out: PermissionFinding[] = [];
  if (wf.provider === 'github') {
    if (wf.permissions?.value === 'write-all') {
      out.push({ issue: 'writeAll', line: wf.permissions.line, evidence: { scope: 'the whole workflow', expected: 'only the scopes the jobs need (e.g. contents: read)', actual: 'permissions: write-all' } });
    }
    // A reusable workflow (only `workflow_call`) runs with the token its caller granted.
    const calledOnly = wf.triggers.length > 0 && wf.triggers.every((t) => t === 'workflow_call');
    for (const job of wf.jobs) {
      if (job.permissions?.value === 'write-all') {
        out.push({ issue: 'writeAll', line: job.permissions.line, job: job.id, evidence: { scope: `job ${job.id}`, expected: 'only the scopes this job needs', actual: 'permissions: write-all' } });
      } else if (!wf.permissions && !job.permissions && !calledOnly) {
        out.push({
          issue: 'noPermissions', line: job.line, job: job.id,
          evidence: { expected: '`permissions:` at workflow or job level (e.g. contents: read)', actual: 'none: the token gets the repository default, read/write on many repositories' },
        });
      }
    }
    if (wf.triggers.includes('pull_request_target')) {
      for (const job of wf.jobs) {
        const step = job.steps.find(checksOutPrHead);
        if (step) {
          out.push({
            issue: 'prTargetCheckout', line: step.line, job: job.id,
            evidence: {
              trigger: 'pull_request_target',
              checkout: describeCheckout(step),
              secretsReferenced: secretNames(job),
              expected: 'pull_request (no secrets) for untrusted code, or no checkout of the pull request head',
              actual: 'the pull request\'s code runs with repository secrets and a write token',
            },
          });
        }
      }
    }
  }
  for (const job of wf.jobs) {
    const reason = deployReason(job, opts.projectDeploy);
    if (reason && !job.environment) {
      out.push({
        issue: 'unprotectedDeploy', line: job.line, job: job.id,
        evidence: { deployJob: job.id, why: reason, expected: 'environment: production (with protection rules: reviewers, branches)', actual: 'no environment' },
      });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** A step that fetches the pull request's head into a privileged job. */
export function checksOutPrHead(step: CiStep): boolean {
  const uses = step.uses?.split('@')[0].toLowerCase() ?? '';
  if (uses === 'actions/checkout') {
    return PR_HEAD.test(step.with?.ref ?? '') || PR_HEAD.test(step.with?.repository ?? '');
  }
  const run = step.run ?? '';
  return /\bgh\s+pr\s+checkout\b/.test(run) || (/\bgit\s+(?:checkout|fetch|pull|switch)\b/.test(run) && PR_HEAD.test(run));
}

function describeCheckout(step: CiStep): string {
  if (step.with?.ref) return `ref: ${step.with.ref}`;
  if (step.with?.repository) return `repository: ${step.with.repository}`;
  const line = (step.run ?? '').split('\n').find((l) => /gh\s+pr\s+checkout|git\s/.test(l)) ?? '';
  return line.trim().slice(0, 120);
}

/** Names (never values) of the secrets a job references. */
function secretNames(job: CiJob): string[] {
  const text = JSON.stringify(job.steps);
  return [...new Set([...text.matchAll(SECRET_REF)].map((m) => m[1]))].sort();
}
