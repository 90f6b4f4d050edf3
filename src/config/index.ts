/** Public API of the config loader. */
export type * from './types.js';
export { defaultConfig, loadConfig, loadConfigText, type LoadedConfig, type LoadOptions } from './load.js';
export {
  CONFIG_ERROR_CODES, ConfigError, type ConfigErrorCode, type ConfigProblem, type FormatOptions, sortProblems,
} from './errors.js';
export { DURATION_EXAMPLES, DurationError, formatDuration, parseDuration } from './duration.js';
export { type EnvMap, interpolateString, type InterpolatedString } from './interpolate.js';
export { parseEnvSchemaText } from './env-schema.js';
export { createConfigSchema, ENV_FORMATS, envVarSchema } from './schema.js';
export { parseErrorRate } from './schema-sections.js';
export { didYouMean, editDistance } from './did-you-mean.js';
export { isSecretPath, urlCredentials } from './secrets.js';
