/**
 * The package's programmatic entry (`import { validateEnv } from 'launchready'`): what an
 * application calls at startup to validate its own environment against the env schema, with
 * every problem reported at once and no secret value in any message.
 *
 * @example
 * import { loadEnvSchema, validateEnv } from 'launchready';
 * const { ok, problems, values } = validateEnv(await loadEnvSchema('env.schema.yml'), process.env);
 * if (!ok) {
 *   for (const p of problems) console.error(`${p.code} ${p.message}`);
 *   process.exit(1);
 * }
 */
export {
  assertValidEnv, type EnvProblem, type EnvProblemCode, type EnvSchemaInput, type EnvValidation, EnvValidationError,
  validateEnv,
} from './engines/env/validate-env.js';
export { loadEnvSchema } from './engines/env/load-schema.js';
export { EnvFileError, parseEnvText, type ParsedEnv, readEnvFile } from './engines/env/env-file.js';
export { ConfigError, type ConfigProblem } from './config/errors.js';
export type { EnvFormat, EnvSection, EnvVarSchema } from './config/types.js';
