/**
 * `.env` files: read with a size cap, parsed by the `dotenv` package's own parser (the syntax
 * every framework shares: quotes, `export`, comments, multi-line values), with the line where
 * each variable is defined so findings can say `.env.production:7`.
 */
import { readFile, stat } from 'node:fs/promises';
import { parse } from 'dotenv';

/** An env file is a page of settings; anything bigger is not one. */
export const MAX_ENV_FILE_BYTES = 1024 * 1024;

export interface ParsedEnv {
  values: Record<string, string>;
  /** 1-based line of the definition that wins (the last one, as dotenv reads it). */
  lines: Record<string, number>;
}

/** Why an env file could not be read; `code` is the Node error code or `TOO_LARGE`. */
export class EnvFileError extends Error {
  override readonly name = 'EnvFileError';
  constructor(readonly code: string, readonly path: string, message: string) {
    super(message);
  }
}

// `KEY=`, `export KEY=`, `KEY: value` (dotenv accepts the colon form too).
const DEFINITION = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]/;

/** Parses dotenv text; variables keep dotenv's values, lines come from a scan of the text. */
export function parseEnvText(text: string): ParsedEnv {
  const values = parse(text);
  const lines: Record<string, number> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const m = DEFINITION.exec(line);
    if (m && Object.prototype.hasOwnProperty.call(values, m[1])) lines[m[1]] = i + 1;
  });
  return { values: { ...values }, lines };
}

/** Reads and parses an env file. @throws {EnvFileError} when missing, a folder, unreadable or too big. */
export async function readEnvFile(path: string, maxBytes = MAX_ENV_FILE_BYTES): Promise<ParsedEnv> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new EnvFileError('EISDIR', path, `${path} is a folder, not an env file`);
    if (info.size > maxBytes) throw new EnvFileError('TOO_LARGE', path, `${path} is ${info.size} bytes, above the ${maxBytes}-byte limit for an env file`);
    return parseEnvText(await readFile(path, 'utf8'));
  } catch (err) {
    if (err instanceof EnvFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'READ';
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
    throw new EnvFileError(code, path, `env file ${path} ${why}`);
  }
}
