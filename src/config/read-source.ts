/** Reading config files from disk with a size cap and coded, located errors. */
import { readFile, stat } from 'node:fs/promises';
import type { ConfigProblem } from './errors.js';

/** Config files are hand-written: anything bigger is a mistake (or an attack on the parser). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Where a file was referenced from, so a missing `env.schema` points at the `schema:` line. */
export interface Referrer {
  file: string;
  line: number;
  column: number;
  path: string;
}

/** Reads a UTF-8 text file, or returns the `LR_CONFIG_FILE` problem saying why not. */
export async function readConfigFile(
  file: string, what: string, referrer?: Referrer,
): Promise<{ text: string } | { problem: ConfigProblem }> {
  const at = referrer ?? { file, line: 1, column: 1, path: '' };
  const problem = (message: string, fix: string) => ({ problem: { code: 'LR_CONFIG_FILE' as const, ...at, message, fix } });
  try {
    const info = await stat(file);
    if (info.isDirectory()) return problem(`${what} ${file} is a folder, not a file`, 'point at the YAML file inside it');
    if (info.size > MAX_CONFIG_BYTES) {
      return problem(`${what} ${file} is ${info.size} bytes, above the ${MAX_CONFIG_BYTES}-byte limit`, 'trim the file');
    }
    const text = await readFile(file, 'utf8');
    return { text: text.replace(/^\uFEFF/, '') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return problem(
        `${what} ${file} does not exist`,
        referrer ? 'create the file or fix the path (relative paths start at the config file\'s folder)' : 'create it (`launchready init <url>`) or pass --config <file>',
      );
    }
    return problem(`cannot read ${what} ${file}: ${code ?? (err as Error).message}`, 'check the file\'s permissions');
  }
}
