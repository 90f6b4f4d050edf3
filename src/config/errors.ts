/**
 * Coded config problems. Every problem names the file, line and column (1-based) of the node at
 * fault; the codes are stable public names documented in `docs/errors.md`.
 */
import { isAbsolute, relative } from 'node:path';

/** Stable error codes of the config loader (see `docs/errors.md`). */
export const CONFIG_ERROR_CODES = Object.freeze([
  'LR_CONFIG_FILE',
  'LR_CONFIG_YAML',
  'LR_CONFIG_UNKNOWN_KEY',
  'LR_CONFIG_TYPE',
  'LR_CONFIG_REQUIRED',
  'LR_CONFIG_VALUE',
  'LR_CONFIG_DURATION',
  'LR_CONFIG_ENV_MISSING',
  'LR_CONFIG_INTERPOLATION',
  'LR_CONFIG_DUPLICATE',
  'LR_CONFIG_REFERENCE',
] as const);

export type ConfigErrorCode = (typeof CONFIG_ERROR_CODES)[number];

/** One thing wrong with a config file, located precisely enough for an editor to jump to it. */
export interface ConfigProblem {
  code: ConfigErrorCode;
  /** Absolute path of the file at fault (the config or its `env.schema` file). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Dotted path of the offending key inside the file (`environments.production.hosts[2].role`), `""` for the whole file. */
  path: string;
  /** What is wrong; never contains a secret value. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** Options of {@link ConfigError.format}. */
export interface FormatOptions {
  /** File names are shown relative to this folder when inside it (default: the process's cwd). */
  cwd?: string;
  /** Add an indented `fix:` line under each problem (default true). */
  fixes?: boolean;
}

/** Orders problems by file, then position, so output reads top to bottom. */
export function sortProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

function displayName(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Thrown by the loader with every problem of the file at once (never only the first). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The first problem's code, so `describeError` and exit-code mapping see something stable. */
  readonly code: ConfigErrorCode;
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const sorted = sortProblems(problems);
    if (sorted.length === 0) throw new TypeError('ConfigError needs at least one problem');
    super(
      `${sorted.length} config problem${sorted.length === 1 ? '' : 's'}:\n` +
        sorted.map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`).join('\n'),
    );
    this.problems = Object.freeze(sorted.map((p) => Object.freeze({ ...p })));
    this.code = sorted[0].code;
  }

  /**
   * One line per problem: `launchready.yml:12:5 LR_CONFIG_UNKNOWN_KEY unknown key "enviroments" —
   * did you mean "environments"?`, each followed by an indented `fix:` line unless `fixes: false`.
   */
  format(opts: FormatOptions = {}): string {
    const cwd = opts.cwd ?? process.cwd();
    const lines: string[] = [];
    for (const p of this.problems) {
      lines.push(`${displayName(p.file, cwd)}:${p.line}:${p.column} ${p.code} ${p.message}`);
      if (opts.fixes !== false && p.fix) lines.push(`    fix: ${p.fix}`);
    }
    return lines.join('\n');
  }
}
