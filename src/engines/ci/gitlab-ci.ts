/**
 * A basic `.gitlab-ci.yml` into the CI model: stages and their order, jobs (with `extends`
 * from hidden templates, one level per hop), scripts, `needs`, `environment`, `allow_failure`,
 * and the Secret-Detection template include, which adds GitLab's `secret_detection` job.
 */
import type { LineCounter } from 'yaml';
import { parseCiYaml } from './parse-yaml.js';
import type { CiFileError, CiJob, CiStep, CiWorkflow } from './types.js';
import { type AnyNode, entriesOf, itemsOf, lineOf, pairOf, plain, text, textList, valueOf } from './yaml-nodes.js';

/** Top-level keys that configure the pipeline rather than name a job. */
const RESERVED = new Set([
  'default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache',
  'before_script', 'after_script', 'types', 'spec',
]);
/** GitLab's stages when the file declares none. */
const DEFAULT_STAGES = ['build', 'test', 'deploy'];
/** Bound on `extends` chains (GitLab itself allows 11 levels). */
const MAX_EXTENDS = 11;

interface RawJob {
  id: string;
  node: AnyNode;
  line: number;
}

export function parseGitlabCi(source: string, file: string): { workflow: CiWorkflow } | { error: CiFileError } {
  const parsed = parseCiYaml(source, file);
  if ('error' in parsed) return parsed;
  const { doc, lc } = parsed;
  const root = doc.contents;
  const declared = textList(valueOf(root, 'stages'));
  const stages = ['.pre', ...(declared.length ? declared : DEFAULT_STAGES), '.post'];
  const raw = new Map<string, RawJob>(entriesOf(root).map(([id, pair]) => [id, { id, node: pair.value, line: lineOf(pair, lc) }]));
  const jobs: CiJob[] = [];
  for (const [id, r] of raw) {
    if (RESERVED.has(id) || id.startsWith('.') || !isJobNode(r.node)) continue;
    jobs.push(parseJob(r, raw, lc));
  }
  if (includesSecretDetection(valueOf(root, 'include')) && !jobs.some((j) => j.id === 'secret_detection')) {
    const include = pairOf(root, 'include');
    // The template's job, as GitLab defines it: stage `test`, the secrets analyzer.
    jobs.push({
      id: 'secret_detection', line: include ? lineOf(include, lc) : 1, stage: 'test', needs: [],
      steps: [{ line: include ? lineOf(include, lc) : 1, name: 'GitLab Secret Detection template', run: 'gitlab secret detection analyzer' }],
    });
  }
  return { workflow: { provider: 'gitlab', file, triggers: [], jobs, stages } };
}

function isJobNode(node: AnyNode): boolean {
  return Boolean(valueOf(node, 'script') ?? valueOf(node, 'trigger') ?? valueOf(node, 'extends') ?? valueOf(node, 'stage'));
}

/** A key of the job, looked up through its `extends` chain (nearest definition wins). */
function lookup(job: RawJob, key: string, raw: Map<string, RawJob>): { node: AnyNode; owner: RawJob } | undefined {
  let frontier: RawJob[] = [job];
  for (let depth = 0; depth <= MAX_EXTENDS && frontier.length; depth++) {
    const next: RawJob[] = [];
    for (const j of frontier) {
      const pair = pairOf(j.node, key);
      if (pair) return { node: pair.value, owner: j };
      for (const parent of textList(valueOf(j.node, 'extends'))) {
        const p = raw.get(parent);
        if (p) next.push(p);
      }
    }
    frontier = next;
  }
  return undefined;
}

function parseJob(job: RawJob, raw: Map<string, RawJob>, lc: LineCounter): CiJob {
  const get = (key: string) => lookup(job, key, raw)?.node;
  const steps: CiStep[] = [...scriptSteps(get('before_script'), lc), ...scriptSteps(get('script'), lc)];
  const env = lookup(job, 'environment', raw);
  const envName = env ? text(env.node) ?? text(valueOf(env.node, 'name')) : undefined;
  const envAction = env ? text(valueOf(env.node, 'action')) : undefined;
  const envLine = env ? lineOf(pairOf(env.owner.node, 'environment'), lc) : 0;
  const needsNode = get('needs');
  const needs = itemsOf(needsNode)
    .map((n) => text(n) ?? text(valueOf(n, 'job')))
    .filter((s): s is string => Boolean(s));
  const allowFailure = plain(get('allow_failure'));
  const rules = get('rules') ?? get('only');
  const when = text(get('when'));
  return {
    id: job.id,
    line: job.line,
    stage: text(get('stage')) ?? 'test',
    ...(env ? { environment: { line: envLine, ...(envName ? { name: envName } : {}), ...(envAction ? { action: envAction } : {}) } } : {}),
    needs,
    ...(needsNode !== undefined ? { hasNeeds: true } : {}),
    steps,
    ...(rules || when ? { condition: [when ? `when: ${when}` : '', rules ? JSON.stringify(plain(rules)) : ''].filter(Boolean).join(' ') } : {}),
    ...(allowFailure === true || (typeof allowFailure === 'object' && allowFailure !== null) ? { mayFail: true } : {}),
  };
}

/** `script:` lines (nested lists flattened, as GitLab does) as steps with their own lines. */
function scriptSteps(node: AnyNode, lc: LineCounter, depth = 0): CiStep[] {
  const single = text(node);
  if (single !== undefined) return [{ line: lineOf(node, lc), run: single }];
  if (depth > 4) return [];
  return itemsOf(node).flatMap((item) => scriptSteps(item, lc, depth + 1));
}

function includesSecretDetection(node: AnyNode): boolean {
  const entries = text(node) !== undefined ? [node] : itemsOf(node);
  return entries.some((e) => /Secret-Detection/i.test(text(e) ?? text(valueOf(e, 'template')) ?? text(valueOf(e, 'component')) ?? ''));
}
