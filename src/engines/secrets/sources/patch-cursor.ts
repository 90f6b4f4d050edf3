/**
 * Where a line of `git log -p` output sits: which commit, which file, which new-side line number,
 * and whether it is inside a hunk at all. Positions only move forward, so resolving every line of
 * a chunk costs one pass over the chunk's markers and lines, whatever the number of hits.
 *
 * Markers are unambiguous at a line start: content lines always begin with ` `, `+`, `-` or `\`,
 * so `diff --git `, `@@ ` and the commit marker (U+001E, from our `--format`) never start one.
 */

/** Record separator that starts each commit line (`--format=%x1e%H %ct %aI`). */
export const COMMIT_MARK = '\x1e';

/** Line-start markers, with the newline that precedes them (built once, not per search). */
const NEEDLES: Readonly<Record<string, string>> = {
  [COMMIT_MARK]: `\n${COMMIT_MARK}`,
  'diff --git ': '\ndiff --git ',
  '@@ ': '\n@@ ',
  '+++ ': '\n+++ ',
};

/** What carries from one chunk to the next. */
export interface PatchState {
  commit?: string;
  /** Committer time (Unix seconds): orders commits across parallel streams. */
  time?: number;
  /** Author date, ISO-8601: what reports show. */
  date?: string;
  /** New-side path of the current file; undefined for deletions and before the first file. */
  path?: string;
  inHunk: boolean;
  /** New-side line number the next context or added line will have. */
  nextLine: number;
}

export const INITIAL_PATCH_STATE: PatchState = Object.freeze({ inHunk: false, nextLine: 1 });

/** Where one added line sits. */
export interface LineContext {
  commit?: string;
  time?: number;
  date?: string;
  path?: string;
  line: number;
}

/** Undoes git's C-style quoting of unusual paths (`"b/we\"ird\tname"`). */
export function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"')) return raw;
  const body = raw.slice(1, -1);
  const bytes: number[] = [];
  const esc: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      const n = body[i + 1];
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
        i += 3;
      } else {
        bytes.push(esc[n] ?? n.charCodeAt(0));
        i += 1;
      }
    } else {
      bytes.push(c.charCodeAt(0) & 0xff);
    }
  }
  return Buffer.from(bytes).toString('latin1');
}

/** `+++ b/src/app.ts` → `src/app.ts`; `+++ /dev/null` → undefined. */
function newSidePath(line: string): string | undefined {
  const raw = unquoteGitPath(line.slice(4).replace(/\r$/, ''));
  if (raw === '/dev/null') return undefined;
  return raw.startsWith('b/') ? raw.slice(2) : raw;
}

/** Reads one chunk (text starting at a line boundary) with the state the previous chunk left. */
export class PatchCursor {
  private commitPos = -1;
  private diffPos = -1;
  private hunkPos = -1;
  private nextCommit: number;
  private nextDiff: number;
  private nextHunk: number;
  private countFrom = -1;
  private countLine = 0;
  private pathAt = -2; // diffPos the cached path belongs to (-1: the carried file)
  private path: string | undefined;
  private commitAt = -2;
  private commit: { id?: string; time?: number; date?: string } = {};
  /** Commit lines passed so far. */
  commits = 0;

  constructor(private readonly text: string, private readonly state: PatchState) {
    this.nextCommit = this.find(COMMIT_MARK, 0);
    this.nextDiff = this.find('diff --git ', 0);
    this.nextHunk = this.find('@@ ', 0);
  }

  private find(needle: string, from: number): number {
    if (from === 0 && this.text.startsWith(needle)) return 0;
    const i = this.text.indexOf(NEEDLES[needle] ?? `\n${needle}`, Math.max(0, from - 1));
    return i < 0 ? Infinity : i + 1;
  }

  private advance(pos: number): void {
    while (this.nextCommit <= pos) {
      this.commitPos = this.nextCommit;
      this.commits += 1;
      this.nextCommit = this.find(COMMIT_MARK, this.commitPos + 1);
    }
    while (this.nextDiff <= pos) {
      this.diffPos = this.nextDiff;
      this.nextDiff = this.find('diff --git ', this.diffPos + 1);
    }
    while (this.nextHunk <= pos) {
      this.hunkPos = this.nextHunk;
      this.nextHunk = this.find('@@ ', this.hunkPos + 1);
    }
  }

  /** Whether the line starting at `pos` is hunk content (its first character decides + / - / space). */
  inHunk(pos: number): boolean {
    this.advance(pos);
    const last = Math.max(this.commitPos, this.diffPos, this.hunkPos);
    if (last < 0) return this.state.inHunk;
    return last === this.hunkPos && this.hunkPos !== pos;
  }

  private lineEnd(pos: number): number {
    const e = this.text.indexOf('\n', pos);
    return e < 0 ? this.text.length : e;
  }

  /** New-side number of the content line at `pos` (call in increasing `pos` order, inside a hunk). */
  private lineNumber(pos: number): number {
    if (this.hunkPos >= 0 && this.countFrom < this.hunkPos) {
      const header = this.text.slice(this.hunkPos, this.lineEnd(this.hunkPos));
      const m = /^@@@* -[\d,]+ (?:-[\d,]+ )*\+(\d+)/.exec(header);
      this.countLine = m ? Number(m[1]) : 1;
      this.countFrom = this.lineEnd(this.hunkPos) + 1;
    } else if (this.countFrom < 0) {
      this.countFrom = 0;
      this.countLine = this.state.nextLine;
    }
    // Bounded by the chunk: each turn moves to the next line start.
    for (let p = this.countFrom; p < pos; p = this.lineEnd(p) + 1) {
      const c = this.text.charCodeAt(p);
      if (c === 0x2b /* + */ || c === 0x20 /* space */) this.countLine += 1;
    }
    if (pos > this.countFrom) this.countFrom = pos;
    return this.countLine;
  }

  private currentPath(): string | undefined {
    if (this.pathAt === this.diffPos) return this.path;
    this.pathAt = this.diffPos;
    if (this.diffPos >= 0) {
      // The first `+++ ` after the diff header, before its first hunk, names the new side.
      const limit = this.hunkPos > this.diffPos ? this.hunkPos : this.text.length;
      const plus = this.text.indexOf('\n+++ ', this.diffPos);
      this.path = plus >= 0 && plus < limit ? newSidePath(this.text.slice(plus + 1, this.lineEnd(plus + 1))) : undefined;
    } else if (this.state.inHunk || this.state.path !== undefined) {
      this.path = this.state.path;
    } else {
      // The previous chunk ended inside a file header: its `+++ ` line opens this chunk.
      const firstHunk = this.find('@@ ', 0);
      const plus = this.find('+++ ', 0);
      this.path = plus < firstHunk && plus !== Infinity ? newSidePath(this.text.slice(plus, this.lineEnd(plus))) : undefined;
    }
    return this.path;
  }

  private currentCommit(): { id?: string; time?: number; date?: string } {
    if (this.commitPos < 0) return { id: this.state.commit, time: this.state.time, date: this.state.date };
    if (this.commitAt !== this.commitPos) {
      this.commitAt = this.commitPos;
      const [id, time, date] = this.text.slice(this.commitPos + 1, this.lineEnd(this.commitPos)).trim().split(' ');
      this.commit = { id, time: Number(time), date };
    }
    return this.commit;
  }

  /** Context of the content line at `pos`; call after `inHunk(pos)` returned true. */
  context(pos: number): LineContext {
    const { id, time, date } = this.currentCommit();
    return { commit: id, time, date, path: this.currentPath(), line: this.lineNumber(pos) };
  }

  /** The state at the end of the chunk, for the next one. */
  endState(): PatchState {
    const end = this.text.length;
    this.advance(end);
    const { id, time, date } = this.currentCommit();
    const inHunk = this.inHunk(end);
    return {
      commit: id,
      time,
      date,
      path: this.currentPath(),
      inHunk,
      nextLine: inHunk ? this.lineNumber(end) : 1,
    };
  }
}
