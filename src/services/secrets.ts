/**
 * The `launchready secrets` driver: the two secret checks (and CI logs) run once over one folder,
 * their results processed like an audit's — accepted fingerprints dropped, every value found
 * redacted as a backstop — into one AuditRun that every reporter renders. Nothing here prints.
 *
 * Secret findings carry their own fingerprint (rule + path + hash of the value): the result's
 * fingerprint is replaced by it, so a baseline survives lines moving around the secret.
 */
import type { LaunchConfig } from '../config/types.js';
import { createLogger } from '../context/logger.js';
import { createGitRunner, type GitRunner } from '../context/git.js';
import type { Clock, Effects } from '../context/types.js';
import { processResults, summarize } from '../core/processors.js';
import { runOne } from '../core/runner.js';
import { createTargets } from '../core/targets.js';
import type { AuditRun, Check, CheckResult } from '../core/types.js';
import { createProbes } from '../probes/create-probes.js';
import type { HistoryStats, SecretFinding, TreeStats } from '../engines/secrets/index.js';
import { createGitHistoryCheck } from '../checks/secrets/git-history.js';
import { createWorkingTreeCheck } from '../checks/secrets/working-tree.js';
import type { LogInput } from '../probes/secrets-check-support.js';
import { TOOL_VERSION } from '../version.js';
import { registrableDomain } from './audit.js';

export type { LogInput };

export interface SecretsScanOptions {
  config: LaunchConfig;
  /** Folder to scan (default `config.repo`). */
  root?: string;
  /** Scan the files of the folder (default true). */
  tree?: boolean;
  /** Scan the git history (default true). */
  history?: boolean;
  /** History: only commits not reachable from this revision. */
  since?: string;
  logs?: readonly LogInput[];
  /** Fingerprints accepted on top of `audit.ignore` (a `--baseline` file). */
  accepted?: readonly string[];
  /** Values never to print besides the ones found (the config's own secrets). */
  secrets?: readonly string[];
  maxFileBytes?: number;
  git?: GitRunner;
  clock?: Clock;
  /** Deadline of each of the two scans (default 30 minutes: histories can be large). */
  timeoutMs?: number;
}

export interface SecretsScanOutcome {
  run: AuditRun;
  /** The checks that ran (reporters build SARIF rules from them). */
  checks: Check[];
  tree?: TreeStats;
  history?: HistoryStats;
  /** Findings dropped because their fingerprint was accepted. */
  accepted: number;
  /** Fingerprints of the reported findings. */
  fingerprints: string[];
}

/** Effects for checks that never leave the machine: any network use is a bug and says so. */
function offlineEffects(clock: Clock): Effects {
  const refuse = () => {
    throw new Error('the secret scan does not use the network');
  };
  return {
    dns: { query: refuse, resolve: refuse },
    http: { request: refuse },
    tls: { inspect: refuse, accepts: refuse },
    clock,
    logger: createLogger({ verbose: false, write: () => undefined }),
  };
}

/** Replaces the runner's fingerprint (check + target + cause: the target has a line number). */
function withSecretFingerprints(results: CheckResult[]): CheckResult[] {
  return results.map((r) => {
    const fp = r.status === 'fail' ? r.evidence?.fingerprint : undefined;
    return typeof fp === 'string' ? { ...r, fingerprint: fp } : r;
  });
}

/** Runs the scan; never throws for a repository problem (that becomes an `error` result). */
export async function runSecretsScan(opts: SecretsScanOptions): Promise<SecretsScanOutcome> {
  const clock = opts.clock ?? { now: () => new Date() };
  const startedAt = clock.now().toISOString();
  const started = performance.now();
  const git = opts.git ?? createGitRunner();
  const found: SecretFinding[] = [];
  const out: Omit<SecretsScanOutcome, 'run' | 'checks' | 'fingerprints'> = { accepted: 0 };
  const deps = {
    git,
    root: opts.root,
    accepted: opts.accepted,
    maxFileBytes: opts.maxFileBytes,
    onFindings: (fs: readonly SecretFinding[]) => void found.push(...fs),
    onStats: (s: { tree?: TreeStats; history?: HistoryStats; accepted: number }) => {
      if (s.tree) out.tree = s.tree;
      if (s.history) out.history = s.history;
      out.accepted += s.accepted;
    },
  };
  const checks: Check[] = [];
  const tree = opts.tree !== false;
  if (tree || opts.logs?.length) checks.push(createWorkingTreeCheck({ ...deps, logs: opts.logs, skipTree: !tree }));
  if (opts.history !== false) checks.push(createGitHistoryCheck({ ...deps, since: opts.since }));

  const effects = offlineEffects(clock);
  const probes = createProbes(effects, { timeoutMs: opts.config.network.timeoutMs });
  const targets = createTargets(opts.config, registrableDomain);
  const raw: CheckResult[] = [];
  for (const check of checks) {
    raw.push(...await runOne(check, {
      checks, config: opts.config, effects, probes, targets, checkTimeoutMs: opts.timeoutMs ?? 30 * 60_000,
    }));
  }
  const accepted = new Set([...opts.config.audit.ignore, ...(opts.accepted ?? [])]);
  const values = [...(opts.secrets ?? []), ...found.map((f) => f.secret.reveal())];
  const results = processResults(withSecretFingerprints(raw), { accepted, secrets: values });
  const run: AuditRun = {
    tool: { name: 'launchready', version: TOOL_VERSION },
    project: opts.config.project,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    results,
    summary: summarize(results),
  };
  const fingerprints = [...new Set(results.filter((r) => r.status === 'fail').map((r) => r.fingerprint))];
  return { run, checks, ...out, fingerprints };
}
