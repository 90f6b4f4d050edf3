/**
 * The audit driver: config → effects → probes → checks → processors → one AuditRun.
 * The CLI, the demo and the tests all call this; nothing here prints.
 */
import { getDomain } from 'tldts';
import type { LaunchConfig } from '../config/types.js';
import { createEffects } from '../context/create-effects.js';
import type { Clock } from '../context/types.js';
import { processResults, summarize } from '../core/processors.js';
import { runChecks } from '../core/runner.js';
import { createTargets } from '../core/targets.js';
import type { AuditRun, Check, CheckResult } from '../core/types.js';
import { renderBaselineReport } from '../deliverables/baseline-report.js';
import { baselineProbeOptions, hintsFromResults } from '../engines/baseline/index.js';
import { createProbes } from '../probes/create-probes.js';
import { gatherFacts } from '../probes/facts.js';
import { TOOL_VERSION } from '../version.js';

export interface AuditOptions {
  config: LaunchConfig;
  checks: readonly Check[];
  /** Values never to print (from config interpolation and the secret scanners). */
  secrets?: string[];
  /** Fingerprints accepted on top of `audit.ignore` (a `--baseline` file). */
  accepted?: string[];
  clock?: Clock;
  verbose?: boolean;
  /** Gather deployment-map facts after the checks. */
  facts?: boolean;
  onCheckDone?: (check: Check, results: CheckResult[]) => void;
}

/** Registrable domain (eTLD+1); unknown suffixes such as `.test` count as one label. */
export function registrableDomain(host: string): string {
  return getDomain(host, { allowPrivateDomains: false }) ?? host;
}

/** Picks the checks `--only`, `--skip` and `--stage` leave. */
export function selectChecks(
  all: readonly Check[],
  sel: { only?: string[]; skip?: string[]; stages?: number[]; includeIntrusive?: boolean },
): Check[] {
  const matches = (id: string, patterns: string[]) =>
    patterns.some((p) => p === id || (p.endsWith('.*') && id.startsWith(p.slice(0, -1))) || id.startsWith(`${p}.`));
  return all.filter(
    (c) =>
      (!sel.only?.length || matches(c.meta.id, sel.only)) &&
      !(sel.skip?.length && matches(c.meta.id, sel.skip)) &&
      (!sel.stages?.length || sel.stages.includes(c.meta.stage)) &&
      // Bursts, writes and test mail are opt-out for audits pointed at production.
      (sel.includeIntrusive !== false || !c.meta.intrusive),
  );
}

export async function runAudit(opts: AuditOptions): Promise<AuditRun> {
  const started = performance.now();
  const startedAt = (opts.clock?.now() ?? new Date()).toISOString();
  const effects = await createEffects(opts.config.network, { clock: opts.clock, verbose: opts.verbose });
  try {
    const targets = createTargets(opts.config, registrableDomain);
    const probes = createProbes(effects, {
      timeoutMs: opts.config.network.timeoutMs,
      api: opts.config.api,
      baseline: baselineProbeOptions(opts.config, opts.checks),
    });
    // Sign in before anything bursts the login route (edge.rate-limit): a rate-limited login
    // would leave every check that calls the API without a session.
    if (opts.config.api?.login && opts.checks.some((c) => c.meta.needs.includes('api'))) await probes.login?.();
    const raw = await runChecks({
      checks: opts.checks,
      config: opts.config,
      effects,
      probes,
      targets,
      onCheckDone: opts.onCheckDone,
    });
    const accepted = new Set([...opts.config.audit.ignore, ...(opts.accepted ?? [])]);
    const results = processResults(raw, { accepted, secrets: opts.secrets });
    // The perf checks measured once (memoised probe): the report reuses that measurement.
    const measured = opts.checks.some((c) => c.meta.measuresLoad) ? await probes.baseline?.() : undefined;
    const baselineReport = measured?.ok ? renderBaselineReport(measured.value, { hints: hintsFromResults(results) }) : undefined;
    const facts = opts.facts === false
      ? undefined
      : await gatherFacts(targets, probes, effects.clock, (env) => opts.config.environments[env]?.canonical);
    return {
      tool: { name: 'launchready', version: TOOL_VERSION },
      project: opts.config.project,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      results,
      summary: summarize(results),
      facts,
      ...(baselineReport ? { baselineReport } : {}),
    };
  } finally {
    await effects.close();
  }
}
