/**
 * The project's RuleTester: runs one check against real lab scenarios and asserts on statuses,
 * targets, messageIds and severities — never on prose. Labs are started once per variant per
 * test file and stopped after it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import type { LaunchConfig } from '../config/types.js';
import { createEffects } from '../context/create-effects.js';
import { runOne } from '../core/runner.js';
import { createTargets } from '../core/targets.js';
import type { Check, CheckResult, Severity, Status } from '../core/types.js';
import { startLab, type Lab, type LabVariant } from '../lab/index.js';
import { baselineProbeOptions } from '../engines/baseline/index.js';
import { createProbes } from '../probes/create-probes.js';
import { registrableDomain } from '../services/audit.js';

export interface Expectation {
  target?: string;
  messageId?: string;
  severity?: Severity;
}

export interface Scenario {
  name: string;
  lab: LabVariant;
  /** Edits the lab's raw YAML config object before it is loaded (e.g. narrow the hosts). */
  config?: (raw: Record<string, any>) => void;
  /** Results that must be present with the case's status. */
  expect?: Expectation[];
  /** For `pass` cases: targets that must pass (default: every result must pass). */
  targets?: string[];
  /** Statuses that may also appear without failing the case (default: none). */
  allow?: Status[];
}

export interface Cases {
  pass?: Scenario[];
  fail?: Scenario[];
  skip?: Scenario[];
  error?: Scenario[];
}

/** Starts (and shares) one lab per variant for the current test file. */
export function labPool() {
  const labs = new Map<LabVariant, Promise<Lab>>();
  afterAll(async () => {
    await Promise.all([...labs.values()].map(async (l) => (await l).stop()));
    labs.clear();
  });
  return (variant: LabVariant) => {
    let lab = labs.get(variant);
    if (!lab) {
      lab = startLab({ variant });
      labs.set(variant, lab);
    }
    return lab;
  };
}

/** Runs `check` once against a lab variant (with optional config edits) and returns its results. */
export async function runAgainstLab(
  check: Check,
  lab: Lab,
  edit?: (raw: Record<string, any>) => void,
): Promise<{ results: CheckResult[]; config: LaunchConfig }> {
  const configPath = edit ? await lab.writeConfig(edit) : lab.configPath;
  const { config } = await loadConfig(configPath, { env: lab.env });
  const clock = { now: () => lab.now };
  const effects = await createEffects(config.network, { clock });
  try {
    const probes = createProbes(effects, { timeoutMs: config.network.timeoutMs, api: config.api, baseline: baselineProbeOptions(config, [check]) });
    const results = await runOne(check, {
      checks: [check], config, effects, probes, targets: createTargets(config, registrableDomain),
    });
    return { results, config };
  } finally {
    await effects.close();
  }
}

function matches(r: CheckResult, e: Expectation): boolean {
  return (
    (e.target === undefined || r.target === e.target) &&
    (e.messageId === undefined || r.messageId === e.messageId) &&
    (e.severity === undefined || r.severity === e.severity)
  );
}

const show = (rs: CheckResult[]) =>
  rs.map((r) => `${r.status} ${r.target}${r.messageId ? ` ${r.messageId}` : ''}${r.severity ? ` (${r.severity})` : ''}: ${r.message}`).join('\n');

/** Declares one `describe` block with a test per scenario. */
export function checkTester(check: Check, cases: Cases): void {
  describe(check.meta.id, () => {
    const lab = labPool();
    for (const status of ['pass', 'fail', 'skip', 'error'] as const) {
      for (const sc of cases[status] ?? []) {
        it(`${status}: ${sc.name}`, async () => {
          const { results } = await runAgainstLab(check, await lab(sc.lab), sc.config);
          const ofStatus = results.filter((r) => r.status === status);
          if (status === 'pass' && !sc.expect) {
            const scope = sc.targets ? results.filter((r) => sc.targets!.includes(r.target)) : results;
            if (sc.targets) for (const t of sc.targets) expect(scope.some((r) => r.target === t), `no result for ${t}:\n${show(results)}`).toBe(true);
            const bad = scope.filter((r) => r.status !== 'pass' && !(sc.allow ?? []).includes(r.status));
            expect(bad, `expected only passes:\n${show(results)}`).toEqual([]);
            expect(scope.length).toBeGreaterThan(0);
            return;
          }
          for (const e of sc.expect ?? [{}]) {
            expect(ofStatus.some((r) => matches(r, e)), `no ${status} matching ${JSON.stringify(e)} in:\n${show(results)}`).toBe(true);
          }
        });
      }
    }
  });
}
