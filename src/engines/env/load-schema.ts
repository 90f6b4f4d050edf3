/**
 * Reads an `env.schema` file for an application validating its own environment at startup.
 * The same validation as the config loader's: every problem at once, with file:line:col.
 */
import { resolve } from 'node:path';
import { parseEnvSchemaText } from '../../config/env-schema.js';
import { ConfigError } from '../../config/errors.js';
import { readConfigFile } from '../../config/read-source.js';
import type { EnvVarSchema } from '../../config/types.js';

/** Loads and validates a schema file. @throws {ConfigError} listing every problem of the file. */
export async function loadEnvSchema(file: string): Promise<Record<string, EnvVarSchema>> {
  const path = resolve(file);
  const read = await readConfigFile(path, 'env schema file');
  if ('problem' in read) throw new ConfigError([read.problem]);
  const { vars, problems } = parseEnvSchemaText(read.text, path);
  if (problems.length || !vars) throw new ConfigError(problems);
  return vars;
}
