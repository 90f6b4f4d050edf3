/**
 * Cuts git's output stream into chunks that end on a file or commit boundary when possible
 * (`\ndiff --git ` or the commit marker), so that a chunk holds whole file diffs and a PEM block
 * is never split. A single file diff larger than the hard cap is cut at a line boundary instead;
 * the patch cursor carries its state across.
 */
import { COMMIT_MARK } from './patch-cursor.js';

/**
 * Target chunk size. Small on purpose: while a chunk is scanned nobody reads the pipe, and git
 * stalls once its 64 KiB pipe buffer is full; scanning 256 KiB takes about as long as git needs to
 * write the next 64 KiB, so git and the scanner run side by side instead of taking turns.
 */
export const CHUNK_BYTES = 256 * 1024;
/** Above this, a chunk is cut at the last newline even inside one file's diff. */
const HARD_CAP = 32 * 1024 * 1024;

const DIFF = Buffer.from('\ndiff --git ');
const COMMIT = Buffer.from(`\n${COMMIT_MARK}`);

/** Where to cut `buf`: just after the newline that precedes the last boundary, or -1. */
function cutPoint(buf: Buffer, hard: boolean): number {
  const at = Math.max(buf.lastIndexOf(DIFF), buf.lastIndexOf(COMMIT));
  if (at > 0) return at + 1;
  if (!hard) return -1;
  const nl = buf.lastIndexOf(10);
  return nl >= 0 ? nl + 1 : -1;
}

/** Re-chunks a byte stream into whole-line chunks aligned on diff boundaries. */
export async function* patchChunks(source: AsyncIterable<Buffer>, target = CHUNK_BYTES): AsyncIterable<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const piece of source) {
    parts.push(piece);
    size += piece.length;
    if (size < target) continue;
    const buf = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    const cut = cutPoint(buf, size >= HARD_CAP);
    if (cut <= 0) {
      parts = [buf];
      continue;
    }
    yield buf.subarray(0, cut);
    const rest = buf.subarray(cut);
    parts = rest.length ? [rest] : [];
    size = rest.length;
  }
  if (size > 0) yield parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
}
