/**
 * What the two secret checks share: their injected dependencies, the target naming, the evidence
 * of a finding (rule, redacted value, fingerprint — never the value), and the skip results for
 * files the scan did not read.
 */
import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { LaunchConfig } from '../config/types.js';
import type { GitRunner } from '../context/git.js';
import type { CheckContext, Evidence } from '../core/types.js';
import type { HistoryFinding, SecretFinding, SecretRule, TreeStats } from '../engines/secrets/index.js';

/** A CI log handed to the working-tree check (`launchready secrets --log`). */
export interface LogInput {
  /** What findings call it: the path as given, or `stdin`. */
  name: string;
  open(): AsyncIterable<Buffer | string> | Iterable<Buffer | string>;
}

/** Everything the secret checks take from outside; the defaults serve the audit. */
export interface SecretsCheckDeps {
  git?: GitRunner;
  rules?: readonly SecretRule[];
  /** Folder to scan instead of `config.repo`. */
  root?: string;
  /** Fingerprints accepted on top of `audit.ignore` (a `--baseline` file). */
  accepted?: readonly string[];
  maxFileBytes?: number;
  /** Working tree only: CI logs scanned with it. */
  logs?: readonly LogInput[];
  /** Working tree only: leave the tree out (only logs). */
  skipTree?: boolean;
  /** History only: commits not reachable from this revision. */
  since?: string;
  /** Receives every finding (the driver collects values for the redaction backstop). */
  onFindings?(findings: readonly SecretFinding[]): void;
  /** Receives what a scan read and skipped. */
  onStats?(stats: { tree?: TreeStats; history?: { commits: number; bytes: number; durationMs: number }; accepted: number }): void;
}

/** How many binary files get a `skip` result each; the rest are counted in one. */
const BINARY_SKIPS_LISTED = 100;

/** The scanned folder as the user names it: relative to the config's folder, `.` for itself. */
export function rootTarget(config: LaunchConfig, root: string): string {
  const rel = relative(config.dir, root).split(sep).join('/');
  return rel === '' ? '.' : rel;
}

/** Accepted fingerprints: `audit.ignore` plus the driver's baseline. */
export function acceptedSet(config: LaunchConfig, deps: SecretsCheckDeps): Set<string> {
  return new Set([...config.audit.ignore, ...(deps.accepted ?? [])]);
}

/** Resolves the folder to scan; reports an `error` and returns undefined when it is not one. */
export async function resolveRoot(ctx: CheckContext, deps: SecretsCheckDeps): Promise<string | undefined> {
  const root = deps.root ?? ctx.config.repo;
  const st = await stat(root).catch(() => undefined);
  if (!st?.isDirectory()) {
    ctx.error(rootTarget(ctx.config, root), { code: 'NOT_FOUND', message: `${root} is not a folder` });
    return undefined;
  }
  return root;
}

/** Evidence of one finding. The value appears only redacted (first 4 characters and a hash). */
export function findingEvidence(f: SecretFinding): Evidence {
  return {
    rule: f.ruleId,
    description: f.description,
    redacted: f.secret.redacted,
    path: f.path,
    line: f.line,
    column: f.column,
    fingerprint: f.fingerprint,
  };
}

/** Evidence of a history finding: the commit that introduced it and whether it is still there. */
export function historyEvidence(f: HistoryFinding): Evidence {
  return {
    ...findingEvidence(f),
    commit: f.commit,
    date: f.date,
    stillPresent: f.stillPresent ?? 'unknown',
    ...(f.occurrences ? { addedAgain: f.occurrences } : {}),
  };
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** `skip` results for files the tree scan did not read (binary, over the cap). */
export function reportSkippedFiles(ctx: CheckContext, stats: TreeStats, cap: number, target: string): void {
  for (const l of stats.large) ctx.skip(l.path, `not scanned: ${mb(l.bytes)} MB is over the ${mb(cap)} MB size cap`);
  for (const b of stats.binary.slice(0, BINARY_SKIPS_LISTED)) ctx.skip(b, 'not scanned: binary file');
  const more = stats.binary.length - BINARY_SKIPS_LISTED;
  if (more > 0) ctx.skip(target, `not scanned: ${more} more binary files`);
}

/** One-line summary of a tree scan, for the pass message. */
export function treeSummary(stats: TreeStats): string {
  const skipped = [
    stats.binary.length ? `${stats.binary.length} binary` : '',
    stats.large.length ? `${stats.large.length} over the size cap` : '',
    stats.allowed ? `${stats.allowed} allowed by audit.secrets.allow_paths` : '',
  ].filter(Boolean);
  return `${stats.files} files (${mb(stats.bytes)} MB) scanned${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}`;
}
