/**
 * What a CI job does, read from its name, its actions and its scripts: does it deploy, run the
 * tests, scan for secrets, lint migrations? The lists name the tools real pipelines use; a
 * project's own deploy command (`ownership.deploy`) is recognised too.
 */
import type { CiJob, CiStep } from './types.js';

export type Gate = 'tests' | 'secretScan' | 'migrationLint';
export const GATES: readonly Gate[] = ['tests', 'secretScan', 'migrationLint'];

/** Commands that ship code somewhere. */
const DEPLOY_RUN = [
  /\b(?:kubectl\s+(?:apply|rollout|set\s+image)|helm\s+(?:upgrade|install)|kustomize\s+build\b.*\|\s*kubectl)/,
  /\b(?:flyctl|fly)\s+deploy\b/, /\bvercel\b.*(?:--prod|deploy)/, /\bnetlify\s+deploy\b/, /\bwrangler\s+(?:deploy|publish|pages\s+deploy)\b/,
  /\bserverless\s+deploy\b|\bsls\s+deploy\b/, /\bterraform\s+apply\b|\btofu\s+apply\b|\bpulumi\s+up\b/,
  /\bgcloud\s+(?:run|app|functions)\s+deploy\b/, /\baws\s+(?:ecs\s+update-service|deploy\s|lambda\s+update-function-code|s3\s+sync\b.*s3:\/\/)/,
  /\bcdk\s+deploy\b/, /\bsam\s+deploy\b/, /\beb\s+deploy\b/, /\bfirebase\s+deploy\b/, /\brailway\s+up\b/, /\brender\s+deploy/,
  /\bgit\s+push\s+(?:heroku|dokku|production|prod)\b/, /\bheroku\s+(?:container:release|releases|deploy)/,
  /\bcap\s+\S+\s+deploy\b|\bdocker\s+stack\s+deploy\b|\bansible-playbook\b.*deploy/, /\bdpl\b|\bkamal\s+deploy\b/,
  /\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?deploy\b/, /\bmake\s+deploy\b/, /\.\/(?:scripts\/)?deploy(?:\.sh)?\b/,
];
/** Actions that deploy. */
const DEPLOY_USES = /(?:deploy|amazon-ecs-deploy|webapps-deploy|deploy-cloudrun|deploy-appengine|actions-gh-pages|deploy-pages|wrangler-action|vercel-action|flyctl-actions|netlify|heroku-deploy|ssh-deploy|k8s-deploy|helm|azure\/(?:webapps|functions-action|aks)|pulumi\/actions|railway)/i;

const TEST_RUN = [
  /\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:test|t)(?::[\w:-]+)?(?:\s|$|;|&)/, /\bnpm\s+(?:run\s+)?test/, /\bnpm\s+cit?\b.*\btest\b|\bnpm\s+cit\b|\bnpm\s+install-ci-test\b/,
  /\b(?:vitest|jest|mocha|ava|tap|karma|jasmine)\b/, /\bplaywright\s+test\b|\bcypress\s+run\b/,
  /\bpytest\b|\bpython3?\s+-m\s+(?:pytest|unittest)\b|\btox\b|\bnox\b/, /\bgo\s+test\b/, /\bcargo\s+(?:test|nextest)\b/,
  /\b(?:mvn|mvnw|\.\/mvnw)\b.*\b(?:test|verify|install)\b/, /\b(?:gradle|gradlew|\.\/gradlew)\b.*\b(?:test|check|build)\b/,
  /\brspec\b|\b(?:rake|rails)\s+(?:test|spec)\b/, /\bphpunit\b|\bpest\b/, /\bdotnet\s+test\b/, /\bmix\s+test\b/,
  /\bmake\s+(?:test|check)\b/, /\bbats\b|\bctest\b/, /\bdeno\s+test\b/, /\bbun\s+test\b/,
];
const TEST_NAME = /(?:^|[-_ :])(?:unit[-_ ]?|integration[-_ ]?|e2e[-_ ]?)?tests?(?:$|[-_ :])|^specs?$/i;

const SECRET_RUN = /\blaunchready\s+secrets\b|\bgitleaks\b|\btrufflehog\b|\bdetect-secrets\b|\bggshield\b|\bsecretlint\b|\bgit[- ]secrets\b|\btalisman\b|\bnoseyparker\b|\bkingfisher\s+scan\b|secret detection analyzer/i;
const SECRET_USES = /gitleaks|trufflehog|ggshield|secretlint|detect-secrets|noseyparker|launchready/i;
const SECRET_NAME = /secrets?[-_ ]?(?:scan|detection|check|lint)|scan(?:ning)?[-_ ](?:for[-_ ])?secrets|^secrets$/i;

const MIGRATION_RUN = /\blaunchready\s+migrations\s+lint\b|\bsquawk\b|\batlas\s+migrate\s+lint\b|\bstrong_migrations\b|\bdjango-migration-linter\b|\blintmigrations\b|\bmigrations?[-_:]lint\b|\blint[-_:]migrations?\b|\beugene\s+lint\b|\bpgroll\s+validate\b/i;
const MIGRATION_USES = /squawk|atlas-action\/migrate\/lint|launchready/i;
const MIGRATION_NAME = /migrat\w*[-_ ]?(?:lint|check|safety|safe)|lint[-_ ]?migrat/i;

/** `deploy`, `deploy-web`, `web_deploy`, `Deploy to production`, `rollout` — not `predeploy-checks`. */
const DEPLOY_NAME = /(?:^|[-_ .:/])(?:deploy(?:ment)?|rollout)(?:$|[-_ .:/])/i;

/** Environment actions that do not deploy (GitLab: stopping or preparing an environment). */
const NON_DEPLOY_ACTIONS = new Set(['stop', 'prepare', 'access', 'verify']);

/** Whether a step ships code; `projectDeploy` is the project's own deploy command, if declared. */
export function isDeployStep(step: CiStep, projectDeploy?: string): boolean {
  if (step.uses && DEPLOY_USES.test(step.uses.split('@')[0])) return true;
  if (!step.run) return false;
  if (projectDeploy && step.run.includes(projectDeploy)) return true;
  return DEPLOY_RUN.some((re) => re.test(step.run!));
}

/** Why a job counts as a deploy job, or undefined when it does not. */
export function deployReason(job: CiJob, projectDeploy?: string): string | undefined {
  if (job.environment && !NON_DEPLOY_ACTIONS.has(job.environment.action ?? '')) {
    return `declares environment ${job.environment.name ?? '(expression)'}`;
  }
  if (DEPLOY_NAME.test(job.id) || DEPLOY_NAME.test(job.name ?? '')) return 'named like a deploy job';
  if (job.stage && /^(?:deploy|production|release)$/i.test(job.stage)) return `runs in stage ${job.stage}`;
  const step = job.steps.find((s) => isDeployStep(s, projectDeploy));
  if (step) return `step at line ${step.line} deploys (${step.uses ?? firstLine(step.run)})`;
  return undefined;
}

/** The gates a step provides. */
export function stepGates(step: CiStep): Gate[] {
  const out: Gate[] = [];
  const run = step.run ?? '';
  const uses = step.uses?.split('@')[0] ?? '';
  const name = step.name ?? '';
  if (TEST_RUN.some((re) => re.test(run)) || (/\btests?\b/i.test(name) && !/deploy/i.test(name))) out.push('tests');
  if (SECRET_RUN.test(run) || (uses && SECRET_USES.test(uses) && !/migrat/i.test(JSON.stringify(step.with ?? {}))) || SECRET_NAME.test(name)) out.push('secretScan');
  if (MIGRATION_RUN.test(run) || (uses && MIGRATION_USES.test(uses) && (!/launchready/i.test(uses) || /migrat/i.test(JSON.stringify(step.with ?? {})))) || MIGRATION_NAME.test(name)) out.push('migrationLint');
  return out;
}

/** The gates a whole job provides: its name, plus every step that is allowed to stop it. */
export function jobGates(job: CiJob): Set<Gate> {
  const out = new Set<Gate>();
  if (job.mayFail) return out; // a gate that may fail gates nothing
  const names = [job.id, job.name ?? ''];
  if (names.some((n) => TEST_NAME.test(n))) out.add('tests');
  if (names.some((n) => SECRET_NAME.test(n))) out.add('secretScan');
  if (names.some((n) => MIGRATION_NAME.test(n))) out.add('migrationLint');
  for (const step of job.steps) {
    if (step.continueOnError) continue;
    for (const g of stepGates(step)) out.add(g);
  }
  return out;
}

function firstLine(s?: string): string {
  const line = (s ?? '').trim().split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
