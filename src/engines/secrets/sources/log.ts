/**
 * CI logs: a file or stdin, streamed in whole-line chunks so a multi-gigabyte log never sits in
 * memory at once. Each finding names the log and its line.
 */
import type { CompiledRules } from '../compile.js';
import { makeFinding } from '../fingerprint.js';
import { scanText, withLineNumbers } from '../scan-text.js';
import type { SecretFinding } from '../types.js';

const CHUNK_BYTES = 1024 * 1024;
/** A "line" this long without a newline is scanned as it is (binary noise, a giant JSON blob). */
const MAX_PENDING = 32 * 1024 * 1024;

export interface LogScanResult {
  findings: SecretFinding[];
  bytes: number;
  lines: number;
}

/** Counts `\n` in `text`. */
function countLines(text: string): number {
  let n = 0;
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) n += 1;
  return n;
}

/**
 * Scans a log stream. `name` is what findings call it (`build.log`, `stdin`). The same secret
 * printed on many lines is reported once, at its first line.
 */
export async function scanLogStream(
  name: string, source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, compiled: CompiledRules,
  accepted?: ReadonlySet<string>,
): Promise<LogScanResult> {
  const findings: SecretFinding[] = [];
  const seen = new Set<string>();
  let pending: Buffer = Buffer.alloc(0);
  let lineBase = 0;
  let bytes = 0;
  const scanChunk = (buf: Buffer) => {
    const text = buf.toString('latin1');
    for (const h of withLineNumbers(text, scanText(text, compiled))) {
      const f = makeFinding(h.rule, h.secret, name, lineBase + h.line, h.column);
      if (seen.has(f.fingerprint) || accepted?.has(f.fingerprint)) continue;
      seen.add(f.fingerprint);
      findings.push(f);
    }
    lineBase += countLines(text);
  };
  for await (const piece of source) {
    const b = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    bytes += b.length;
    pending = pending.length ? Buffer.concat([pending, b]) : b;
    if (pending.length < CHUNK_BYTES) continue;
    const nl = pending.lastIndexOf(10);
    if (nl < 0) {
      if (pending.length >= MAX_PENDING) {
        scanChunk(pending);
        pending = Buffer.alloc(0);
      }
      continue;
    }
    scanChunk(pending.subarray(0, nl + 1));
    pending = pending.subarray(nl + 1);
  }
  if (pending.length) scanChunk(pending);
  return { findings, bytes, lines: lineBase };
}
