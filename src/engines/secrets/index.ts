/**
 * The secret engine: credential formats as data, a keyword-prefiltered scanner, and three
 * sources (working tree, git history, CI logs). It knows nothing of checks or reports; the
 * `secrets.*` checks and `launchready secrets` build on it. Raw values only ever travel inside a
 * {@link SecretValue}.
 */
export { BUILTIN_RULES } from './rules/index.js';
export { compileRules, type CompiledRule, type CompiledRules } from './compile.js';
export { scanText, withLineNumbers, type TextHit, type ScanTextOptions, LONG_LINE } from './scan-text.js';
export { scanFileText, decodeForScan } from './scan-file.js';
export { ALLOW_MARKER, acceptSecret, matchLine } from './match-line.js';
export { looksLikePlaceholder } from './placeholders.js';
export { shannonEntropy } from './entropy.js';
export { secretFingerprint, makeFinding } from './fingerprint.js';
export { pathMatcher } from './glob.js';
export { BaselineError, formatBaseline, parseBaseline, type BaselineFile } from './baseline.js';
export {
  DEFAULT_MAX_FILE_BYTES, scanWorkingTree, type TreeScanOptions, type TreeScanResult,
} from './sources/working-tree.js';
export {
  historyLogArgs, NotARepositoryError, resolveRevision, scanHistory, UnknownRevisionError,
  type HistoryScanOptions, type HistoryScanResult,
} from './sources/history.js';
export { markStillPresent } from './sources/still-present.js';
export { scanLogStream, type LogScanResult } from './sources/log.js';
export { scanPatchChunk, type PatchHit } from './sources/scan-patch.js';
export { INITIAL_PATCH_STATE, type PatchState } from './sources/patch-cursor.js';
export {
  SecretValue, type HistoryFinding, type HistoryStats, type MatchContext, type SecretFinding, type SecretRule,
  type TreeStats,
} from './types.js';
