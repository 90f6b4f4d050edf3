/**
 * One model for every CI system: workflows (files) made of jobs made of steps, each with the
 * line it starts on, so findings can point at `path:line`.
 */

export type CiProvider = 'github' | 'gitlab';

export interface CiStep {
  line: number;
  name?: string;
  /** GitHub: the action (`actions/checkout@v4`). */
  uses?: string;
  /** The shell script (GitHub `run:`; one GitLab `script:` line). */
  run?: string;
  /** GitHub: the action's inputs, as text. */
  with?: Record<string, string>;
  /** GitHub `continue-on-error: true`: a failure here does not stop the job. */
  continueOnError?: boolean;
}

export interface CiJob {
  /** The job's key (`deploy`, `deploy_production`). */
  id: string;
  name?: string;
  line: number;
  /** Job-level `permissions:` (GitHub), as written (`write-all`, `{}`, a mapping). */
  permissions?: { line: number; value: unknown };
  /** `environment:` (GitHub and GitLab); `name` may be an expression. */
  environment?: { line: number; name?: string; action?: string };
  /** Jobs this one waits for (`needs:`), as written. */
  needs: string[];
  /** GitLab: whether `needs:` was written at all (`needs: []` means "start at once"). */
  hasNeeds?: boolean;
  steps: CiStep[];
  /** GitHub: a reusable workflow called instead of steps (`./.github/workflows/x.yml`). */
  uses?: string;
  /** GitLab stage. */
  stage?: string;
  /** `if:` (GitHub) or `rules`/`only` summary (GitLab), as text. */
  condition?: string;
  /** A gate that may fail without stopping what follows (`continue-on-error`, `allow_failure`). */
  mayFail?: boolean;
}

export interface CiWorkflow {
  provider: CiProvider;
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  name?: string;
  /** Event names (GitHub `on:`); empty for GitLab. */
  triggers: string[];
  /** Workflow-level `permissions:` (GitHub). */
  permissions?: { line: number; value: unknown };
  jobs: CiJob[];
  /** GitLab: stage order including `.pre` and `.post`. */
  stages?: string[];
  /** GitHub `on.workflow_run.workflows`: the workflows whose completion starts this one. */
  afterWorkflows?: string[];
}

/** A CI file that could not be read or parsed. */
export interface CiFileError {
  file: string;
  code: string;
  message: string;
}
