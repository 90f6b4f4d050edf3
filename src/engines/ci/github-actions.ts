/**
 * GitHub Actions workflows (`.github/workflows/*.yml`) into the CI model: triggers,
 * workflow- and job-level `permissions`, `environment`, `needs`, steps with their lines.
 */
import { isMap, isScalar, type LineCounter } from 'yaml';
import { parseCiYaml } from './parse-yaml.js';
import type { CiFileError, CiJob, CiStep, CiWorkflow } from './types.js';
import { type AnyNode, entriesOf, itemsOf, lineOf, pairOf, plain, text, textList, valueOf } from './yaml-nodes.js';

/** Parses one workflow file's text; `file` is its repository-relative path. */
export function parseGithubWorkflow(source: string, file: string): { workflow: CiWorkflow } | { error: CiFileError } {
  const parsed = parseCiYaml(source, file);
  if ('error' in parsed) return parsed;
  const { doc, lc } = parsed;
  const root = doc.contents;
  const on = valueOf(root, 'on');
  const triggers = isMap(on) ? entriesOf(on).map(([k]) => k) : textList(on);
  const afterWorkflows = textList(valueOf(valueOf(on, 'workflow_run'), 'workflows'));
  const permissions = pairOf(root, 'permissions');
  const jobs = entriesOf(valueOf(root, 'jobs')).map(([id, pair]) => parseJob(id, pair.value, lineOf(pair, lc), lc));
  return {
    workflow: {
      provider: 'github',
      file,
      name: text(valueOf(root, 'name')),
      triggers,
      ...(permissions ? { permissions: { line: lineOf(permissions, lc), value: plain(permissions.value) ?? null } } : {}),
      jobs,
      ...(afterWorkflows.length ? { afterWorkflows } : {}),
    },
  };
}

function parseJob(id: string, node: AnyNode, line: number, lc: LineCounter): CiJob {
  const permissions = pairOf(node, 'permissions');
  const envPair = pairOf(node, 'environment');
  const envName = isScalar(envPair?.value) ? text(envPair?.value) : text(valueOf(envPair?.value, 'name'));
  const condition = text(valueOf(node, 'if'));
  const uses = text(valueOf(node, 'uses'));
  return {
    id,
    name: text(valueOf(node, 'name')),
    line,
    ...(permissions ? { permissions: { line: lineOf(permissions, lc), value: plain(permissions.value) ?? null } } : {}),
    ...(envPair ? { environment: { line: lineOf(envPair, lc), ...(envName ? { name: envName } : {}) } } : {}),
    needs: textList(valueOf(node, 'needs')),
    steps: itemsOf(valueOf(node, 'steps')).map((s) => parseStep(s, lc)),
    ...(uses ? { uses } : {}),
    ...(condition ? { condition } : {}),
    ...(plain(valueOf(node, 'continue-on-error')) === true ? { mayFail: true } : {}),
  };
}

function parseStep(node: AnyNode, lc: LineCounter): CiStep {
  const withNode = valueOf(node, 'with');
  const inputs = Object.fromEntries(
    entriesOf(withNode).map(([k, p]) => [k, text(p.value) ?? JSON.stringify(plain(p.value) ?? '')]),
  );
  const name = text(valueOf(node, 'name'));
  const uses = text(valueOf(node, 'uses'));
  const run = text(valueOf(node, 'run'));
  return {
    line: lineOf(node, lc),
    ...(name ? { name } : {}),
    ...(uses ? { uses } : {}),
    ...(run ? { run } : {}),
    ...(Object.keys(inputs).length ? { with: inputs } : {}),
    ...(plain(valueOf(node, 'continue-on-error')) === true ? { continueOnError: true } : {}),
  };
}
