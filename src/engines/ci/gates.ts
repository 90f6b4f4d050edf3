/**
 * Deploy gates: every deploy job must run after the tests, a secret scan and (when the project
 * has migrations) the migration lint. "After" means a job it `needs` (transitively), a reusable
 * workflow it calls, a workflow whose success triggers it (`workflow_run`), an earlier step of
 * the same job, or — on GitLab — a job of an earlier stage when the job declares no `needs`.
 */
import { basename } from 'node:path';
import { deployReason, type Gate, GATES, isDeployStep, jobGates, stepGates } from './classify.js';
import type { CiJob, CiWorkflow } from './types.js';

export interface GateVerdict {
  file: string;
  job: string;
  line: number;
  /** Why the job counts as a deploy job. */
  why: string;
  /** Jobs that must succeed before this one. */
  upstream: string[];
  present: Gate[];
  missing: Gate[];
}

export interface GateOptions {
  /** Whether the migration lint gate applies (the project has migrations). */
  requireMigrationLint: boolean;
  /** The project's own deploy command (`ownership.deploy`). */
  projectDeploy?: string;
}

/** One verdict per deploy job of every workflow. */
export function judgeGates(workflows: readonly CiWorkflow[], opts: GateOptions): GateVerdict[] {
  const required = GATES.filter((g) => g !== 'migrationLint' || opts.requireMigrationLint);
  const out: GateVerdict[] = [];
  for (const wf of workflows) {
    for (const job of wf.jobs) {
      const why = deployReason(job, opts.projectDeploy);
      if (!why) continue;
      const upstream = upstreamJobs(wf, job);
      const present = new Set<Gate>();
      for (const u of upstream) for (const g of gatesOfJob(u, workflows)) present.add(g);
      for (const g of gatesBeforeDeployStep(job, opts.projectDeploy)) present.add(g);
      for (const g of gatesOfReusable(job, workflows)) present.add(g);
      if (triggeredOnSuccess(wf)) {
        for (const other of upstreamWorkflows(wf, workflows)) {
          for (const j of other.jobs) for (const g of gatesOfJob(j, workflows)) present.add(g);
        }
      }
      out.push({
        file: wf.file, job: job.id, line: job.line, why,
        upstream: upstream.map((u) => u.id),
        present: GATES.filter((g) => present.has(g)),
        missing: required.filter((g) => !present.has(g)),
      });
    }
  }
  return out;
}

/** Jobs that must finish before `job` starts, transitively, in the same file. */
export function upstreamJobs(wf: CiWorkflow, job: CiJob): CiJob[] {
  const byId = new Map(wf.jobs.map((j) => [j.id, j]));
  const direct = (j: CiJob): CiJob[] => {
    if (wf.provider === 'gitlab' && !j.hasNeeds) {
      const stages = wf.stages ?? [];
      const at = stages.indexOf(j.stage ?? 'test');
      return wf.jobs.filter((o) => o !== j && stages.indexOf(o.stage ?? 'test') < at && stages.indexOf(o.stage ?? 'test') >= 0);
    }
    return j.needs.map((n) => byId.get(n)).filter((x): x is CiJob => Boolean(x));
  };
  const seen = new Set<CiJob>();
  const queue = direct(job);
  // Bounded by the number of jobs: each is visited once.
  while (queue.length) {
    const next = queue.shift()!;
    if (seen.has(next) || next === job) continue;
    seen.add(next);
    queue.push(...direct(next));
  }
  return [...seen];
}

function gatesOfJob(job: CiJob, workflows: readonly CiWorkflow[]): Set<Gate> {
  const gates = jobGates(job);
  for (const g of gatesOfReusable(job, workflows)) gates.add(g);
  return gates;
}

/** Gates of steps that run, in the deploy job itself, before its first deploy step. */
function gatesBeforeDeployStep(job: CiJob, projectDeploy?: string): Gate[] {
  const out: Gate[] = [];
  for (const step of job.steps) {
    if (isDeployStep(step, projectDeploy)) break;
    if (!step.continueOnError) out.push(...stepGates(step));
  }
  return out;
}

/** A local reusable workflow (`uses: ./.github/workflows/test.yml`): its jobs' gates. */
function gatesOfReusable(job: CiJob, workflows: readonly CiWorkflow[]): Set<Gate> {
  const out = new Set<Gate>();
  if (!job.uses?.startsWith('./') || job.mayFail) return out;
  const target = job.uses.slice(2).split('@')[0];
  const called = workflows.find((w) => w.file === target);
  for (const j of called?.jobs ?? []) for (const g of jobGates(j)) out.add(g);
  return out;
}

/** `workflow_run` only gates when the workflow checks that the run it follows succeeded. */
function triggeredOnSuccess(wf: CiWorkflow): boolean {
  return Boolean(wf.afterWorkflows?.length) && wf.jobs.some((j) => /workflow_run\.conclusion\s*==\s*'success'/.test(j.condition ?? ''));
}

function upstreamWorkflows(wf: CiWorkflow, workflows: readonly CiWorkflow[]): CiWorkflow[] {
  const names = new Set(wf.afterWorkflows ?? []);
  return workflows.filter((w) => w !== wf && w.provider === 'github' && (names.has(w.name ?? '') || names.has(basename(w.file))));
}
