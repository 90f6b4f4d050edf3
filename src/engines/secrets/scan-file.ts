/** One file's (or one log's) text → findings with line numbers and fingerprints. */
import type { CompiledRules } from './compile.js';
import { makeFinding } from './fingerprint.js';
import { scanText, withLineNumbers } from './scan-text.js';
import type { SecretFinding } from './types.js';

/**
 * Scans the text of one file. `path` is what the findings name (relative, `/`-separated).
 * Decode file bytes as latin1 (see `decodeForScan`) so offsets stay byte-exact and cheap.
 */
export function scanFileText(path: string, text: string, compiled: CompiledRules): SecretFinding[] {
  const hits = withLineNumbers(text, scanText(text, compiled));
  return hits.map((h) => makeFinding(h.rule, h.secret, path, h.line, h.column));
}

/**
 * Bytes → text for scanning. Every rule and keyword is ASCII, so latin1 (one char per byte, no
 * validation) finds exactly what UTF-8 would, faster, and never splits a multi-byte character.
 */
export function decodeForScan(bytes: Buffer): string {
  return bytes.toString('latin1');
}
