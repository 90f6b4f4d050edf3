/**
 * Shapes of the secret engine: rules as data, the values they find, and what a scan counted.
 * A raw secret only ever travels inside a {@link SecretValue}, whose every printable form is the
 * redacted one, so an accidental `JSON.stringify`, template or spread cannot leak it.
 */
import { createHash } from 'node:crypto';
import { redactValue } from '../../core/redact.js';

/** One credential format. Plain data plus, where a format needs it, a small validator. */
export interface SecretRule {
  /** Stable kebab-case id (`github-pat`); part of every fingerprint, so never renamed. */
  id: string;
  /** What the value is, as a user names it ("GitHub personal access token (classic)"). */
  description: string;
  /**
   * Lower-case ASCII literals; a line is only matched against the rule when one of them occurs
   * in it (case-insensitive). Each keyword must occur in every real match of `regex`.
   */
  keywords: readonly string[];
  /** The format. Flags other than `i` are managed by the engine (it adds `g` and `d`). */
  regex: RegExp;
  /** Capture group holding the secret itself (default 1; 0 for the whole match). */
  secretGroup?: number;
  /** Minimum Shannon entropy (bits per character) of the secret, for generic shapes. */
  minEntropy?: number;
  /** Values that look right but are documented examples or known fakes. */
  allowlist?: { values?: readonly string[]; patterns?: readonly RegExp[] };
  /** Extra judgement the regex cannot express (checksums, decoded structure, key names). */
  validate?: (secret: string, context: MatchContext) => boolean;
  /** Generic rules yield to a specific rule matching the same span. */
  generic?: boolean;
  /** Multi-line formats read the lines after the match (PEM blocks). */
  multiline?: 'pem';
}

/** What a validator sees besides the secret. */
export interface MatchContext {
  /** The whole match of the rule's regex. */
  match: string;
  /** Every capture group of the match (`groups[1]` is the first). */
  groups: readonly (string | undefined)[];
  /** The line (or the window of a very long line) the match was found in. */
  line: string;
}

/** A raw secret, printable only redacted. */
export class SecretValue {
  readonly #raw: string;
  /** `redactValue` form: first 4 characters and a short hash. */
  readonly redacted: string;
  /** SHA-256 (hex) of the raw value: compares values without holding them. */
  readonly hash: string;

  constructor(raw: string) {
    this.#raw = raw;
    this.redacted = redactValue(raw);
    this.hash = createHash('sha256').update(raw).digest('hex');
  }

  /** The raw value, for the few places that must compare or redact it. Never print it. */
  reveal(): string {
    return this.#raw;
  }

  get length(): number {
    return this.#raw.length;
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SecretValue(${this.redacted})`;
  }
}

/** One secret found in one place. */
export interface SecretFinding {
  ruleId: string;
  description: string;
  secret: SecretValue;
  /** Path relative to the scan root (or the log's name), `/`-separated. */
  path: string;
  /** 1-based line and column of the secret's first character. */
  line: number;
  column: number;
  /** Rule + path + hash of the secret: no line number, so edits around it keep it stable. */
  fingerprint: string;
}

/** A secret found in the git history: the commit that introduced it. */
export interface HistoryFinding extends SecretFinding {
  /** Full commit id that added the line. */
  commit: string;
  /** Author date of that commit, ISO-8601. */
  date: string;
  /** Commits (after the first) that added the same secret again. */
  occurrences: number;
  /** Whether the value is still in the working tree (set by the caller when known). */
  stillPresent?: boolean;
}

/** What a working-tree scan read and left out. */
export interface TreeStats {
  files: number;
  bytes: number;
  /** Files holding NUL bytes in their first 8 KiB (git's own binary heuristic). */
  binary: string[];
  /** Files over the size cap: path and size. */
  large: { path: string; bytes: number }[];
  /** Files matched by an allow-path glob. */
  allowed: number;
  /** Symbolic links, sockets and files that vanished or could not be read. */
  unreadable: number;
  /** Slowest single file: path and milliseconds (speed budget: no file over 1 s). */
  slowest?: { path: string; ms: number };
  durationMs: number;
}

/** What a history scan read. */
export interface HistoryStats {
  commits: number;
  /** Bytes of `git log -p` output read. */
  bytes: number;
  durationMs: number;
}
