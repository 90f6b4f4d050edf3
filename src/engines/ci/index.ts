/** The CI engine: GitHub Actions and GitLab CI files into one model, and its judges. */
export type { CiFileError, CiJob, CiProvider, CiStep, CiWorkflow } from './types.js';
export { parseGithubWorkflow } from './github-actions.js';
export { parseGitlabCi } from './gitlab-ci.js';
export {
  type LoadedPipelines, loadPipelines, loadPipelinesForCheck, MAX_CI_FILE_BYTES, MAX_CI_FILES, type PipelineProblem, RepoReadError,
} from './load-pipelines.js';
export { deployReason, type Gate, GATES, isDeployStep, jobGates, stepGates } from './classify.js';
export { checksOutPrHead, judgePermissions, type PermissionFinding, type PermissionIssue } from './permissions.js';
export { findMigrationsDir, MIGRATION_DIRS } from './migrations-present.js';
export { type GateOptions, type GateVerdict, judgeGates, upstreamJobs } from './gates.js';
