/**
 * The env files the config declares (`environments.<name>.env_file`), read once per check,
 * with the path as a person reads it (relative to the config's folder).
 */
import type { CheckContext } from '../core/types.js';
import { relative } from 'node:path';
import type { LaunchConfig } from '../config/types.js';
import { type ParsedEnv, readEnvFile } from '../engines/env/index.js';

export interface EnvFileSource {
  environment: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the config folder (`.env.production`). */
  shown: string;
}

/** Environments that declare an env file, and those that do not. */
export function envFileSources(config: LaunchConfig): { declared: EnvFileSource[]; undeclared: string[] } {
  const declared: EnvFileSource[] = [];
  const undeclared: string[] = [];
  for (const [environment, env] of Object.entries(config.environments)) {
    if (!env.env_file) {
      undeclared.push(environment);
      continue;
    }
    declared.push({ environment, path: env.env_file, shown: relative(config.dir, env.env_file) || env.env_file });
  }
  return { declared, undeclared };
}

/** Reads one source; a file that cannot be read comes back as the error to report. */
export async function readSource(src: EnvFileSource): Promise<{ parsed: ParsedEnv } | { error: unknown }> {
  try {
    return { parsed: await readEnvFile(src.path) };
  } catch (error) {
    return { error };
  }
}

/** `file:line` of a variable's definition, or the file alone when it is not defined there. */
export function at(src: EnvFileSource, parsed: ParsedEnv, variable: string): string {
  const line = parsed.lines[variable];
  return line ? `${src.shown}:${line}` : src.shown;
}

export const NO_ENV_FILE = 'no `env_file` declared for this environment';

/**
 * Reads every declared env file and hands each readable one to `judge`; environments without an
 * `env_file` are skipped and unreadable files are errors, the same way in every env check.
 */
export async function eachEnvFile(
  ctx: Pick<CheckContext, 'config' | 'skip' | 'error'>,
  judge: (src: EnvFileSource, parsed: ParsedEnv) => void,
): Promise<void> {
  const { declared, undeclared } = envFileSources(ctx.config);
  for (const environment of undeclared) ctx.skip(environment, NO_ENV_FILE);
  for (const src of declared) {
    const read = await readSource(src);
    if ('error' in read) {
      ctx.error(src.environment, read.error, { file: src.shown });
      continue;
    }
    judge(src, read.parsed);
  }
}
