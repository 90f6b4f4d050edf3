/** The environment engine: env schema validation, `.env` files, environment separation. */
export {
  assertValidEnv, ENV_PROBLEM_CODES, type EnvProblem, type EnvProblemCode, type EnvSchemaInput, type EnvValidation,
  EnvValidationError, isPlaceholder, validateEnv,
} from './validate-env.js';
export { checkFormat, FORMAT_EXPECTATION, isAbsoluteUrl, isHostName } from './formats.js';
export { charLength, describeValue, isSensitive } from './describe-value.js';
export { loadEnvSchema } from './load-schema.js';
export { EnvFileError, MAX_ENV_FILE_BYTES, parseEnvText, type ParsedEnv, readEnvFile } from './env-file.js';
export { classifyVariable, digest, type SharedKind, type SharedValue, sharedValues } from './separation.js';
