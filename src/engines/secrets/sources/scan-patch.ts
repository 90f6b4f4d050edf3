/**
 * Scans one chunk of `git log -p` output: only lines a commit added (`+` inside a hunk) count,
 * each hit gets the commit, path and new-side line number that introduced it.
 */
import type { CompiledRules } from '../compile.js';
import { scanText } from '../scan-text.js';
import type { SecretRule } from '../types.js';
import { type LineContext, PatchCursor, type PatchState } from './patch-cursor.js';

export interface PatchHit {
  rule: SecretRule;
  secret: string;
  commit: string;
  /** Committer time, Unix seconds. */
  time: number;
  date: string;
  path: string;
  line: number;
  column: number;
}

export interface PatchChunkResult {
  hits: PatchHit[];
  state: PatchState;
  /** Commit lines in this chunk. */
  commits: number;
}

/** Scans `text` (whole lines of `git log -p -U0 --format=%x1e%H %ct %aI` output). Pure. */
export function scanPatchChunk(text: string, state: PatchState, compiled: CompiledRules): PatchChunkResult {
  const cursor = new PatchCursor(text, state);
  const contexts = new Map<number, LineContext>();
  const raw = scanText(text, compiled, {
    mode: 'patch',
    // An added line inside a hunk (a `+++ b/…` header line is outside every hunk).
    acceptLine: (lineStart) => {
      if (!cursor.inHunk(lineStart)) return false;
      contexts.set(lineStart, cursor.context(lineStart));
      return true;
    },
  });
  const hits: PatchHit[] = [];
  for (const h of raw) {
    const ctx = contexts.get(h.lineStart);
    if (!ctx?.commit || !ctx.path) continue;
    hits.push({
      rule: h.rule,
      secret: h.secret,
      commit: ctx.commit,
      time: ctx.time ?? 0,
      date: ctx.date ?? '',
      path: ctx.path,
      line: ctx.line,
      column: h.offset - h.lineStart, // the `+` is not a column of the file
    });
  }
  const next = cursor.endState();
  return { hits, state: next, commits: cursor.commits };
}
