/**
 * Loads `launchready.yml`: parse (keeping positions) → interpolate `${NAME}` → validate →
 * load `env.schema` → collect secrets → freeze. Every problem of the file (YAML syntax, unknown
 * keys, types, durations, missing variables, the env schema file's own problems) is reported at
 * once in one {@link ConfigError}.
 */
import { basename, dirname, resolve } from 'node:path';
import { loadEnvSchemaFile } from './env-schema.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { deepFreeze } from './freeze.js';
import { type EnvMap, interpolateDocument } from './interpolate.js';
import { issuesToProblems } from './issues.js';
import { readConfigFile } from './read-source.js';
import { createConfigSchema } from './schema.js';
import { collectConfigSecrets, normaliseSecrets, scrubMessage } from './secrets.js';
import type { LaunchConfig } from './types.js';
import {
  formatPath, locate, type PathSegment, parseYamlSource, positionAt, startOf, toData, type YamlSource,
} from './yaml-source.js';

/** Options of {@link loadConfig}. */
export interface LoadOptions {
  /** Where `${NAME}` is read from: the CLI passes `process.env`, tests a literal map. */
  env: EnvMap;
}

/** A loaded config and the values that must never be printed. */
export interface LoadedConfig {
  config: LaunchConfig;
  /** Interpolated values and literal secret fields, longest first, deduplicated. */
  secrets: string[];
}

/** Reads and validates a config file. @throws {ConfigError} with every problem found. */
export async function loadConfig(path: string, opts: LoadOptions): Promise<LoadedConfig> {
  const file = resolve(path);
  const read = await readConfigFile(file, 'config file');
  if ('problem' in read) throw new ConfigError([read.problem]);
  return loadConfigText(read.text, file, opts);
}

/**
 * Validates config text as if read from `file` (relative paths resolve against its folder;
 * `env.schema` is read from disk). @throws {ConfigError} with every problem found.
 */
export async function loadConfigText(text: string, file: string, opts: LoadOptions): Promise<LoadedConfig> {
  const abs = resolve(file);
  const dir = dirname(abs);
  const { source, problems: yamlProblems } = parseYamlSource(text, abs);
  const interpolation = interpolateDocument(source, opts.env);
  const problems: ConfigProblem[] = [...yamlProblems, ...interpolation.problems];

  const plain = toData(source);
  if ('problem' in plain) throw new ConfigError(scrubAll([...problems, plain.problem], interpolation.secrets));
  const data = dropNullValues(plain.data, []);

  const schema = createConfigSchema({ file: abs, dir });
  const result = schema.safeParse(data);
  if (!result.success) {
    const schemaProblems = issuesToProblems({ source, data, schema, interpolated: interpolation.interpolated }, result.error.issues);
    // A value with a broken `${…}` fails validation too; its interpolation problem says it all.
    const broken = new Set(interpolation.problems.map((p) => p.path));
    problems.push(...trustworthy(schemaProblems, yamlProblems).filter((p) => !broken.has(p.path)));
  }

  const envFile = envSchemaPath(data, dir);
  let envVars: Awaited<ReturnType<typeof loadEnvSchemaFile>>['vars'];
  if (envFile) {
    const loaded = await loadEnvSchemaFile(envFile, referrerOf(source, ['env', 'schema']));
    problems.push(...loaded.problems);
    envVars = loaded.vars;
  }

  if (problems.length || !result.success) throw new ConfigError(scrubAll(problems, interpolation.secrets));

  const config = result.data;
  if (config.env && envVars) {
    // Inline variables refine (override) the file's: the file is shared, the config is local.
    config.env = { ...config.env, vars: { ...envVars, ...config.env.vars } };
  }
  const secrets = normaliseSecrets([...interpolation.secrets, ...collectConfigSecrets(config)]);
  // A fresh array per load: callers may append the secrets their scanners find.
  return { config: deepFreeze(config), secrets };
}

/**
 * The config every command without a `launchready.yml` runs with: defaults only, the project
 * named after the folder, `file` set to `<defaults>`.
 */
export function defaultConfig(dir: string): LaunchConfig {
  const abs = resolve(dir);
  const parsed = createConfigSchema({ file: abs, dir: abs }).parse({ project: basename(abs) || 'project' });
  return deepFreeze({ ...parsed, file: '<defaults>' });
}

/**
 * `key:` with nothing after it means "not set" for optional keys (commented-out sections are
 * common). Variables under `env:` keep their nulls: `API_KEY:` alone declares a variable.
 */
function dropNullValues(value: unknown, path: PathSegment[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => dropNullValues(v, [...path, i]));
  if (value === null || typeof value !== 'object') return value;
  const keepNulls = path.length >= 1 && path[0] === 'env' && (path.length === 1 || (path.length === 2 && path[1] === 'vars'));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null && !keepNulls) continue;
    out[k] = dropNullValues(v, [...path, k]);
  }
  return out;
}

/**
 * After a YAML syntax error the tree is guesswork: the parser may have built a list or mapping
 * out of the broken text. Keep only problems about keys and scalars on lines before the first
 * syntax error; drop "missing" and "wrong type" (either may be an artefact of the error).
 */
function trustworthy(schemaProblems: ConfigProblem[], yamlProblems: ConfigProblem[]): ConfigProblem[] {
  if (!yamlProblems.length) return schemaProblems;
  const firstLine = Math.min(...yamlProblems.map((p) => p.line));
  return schemaProblems.filter((p) => p.code !== 'LR_CONFIG_REQUIRED' && p.code !== 'LR_CONFIG_TYPE' && p.line < firstLine);
}

/** The resolved `env.schema` path, when the raw config names one. */
function envSchemaPath(data: unknown, dir: string): string | undefined {
  const env = (data as { env?: { schema?: unknown } } | undefined)?.env;
  const schema = env && typeof env === 'object' ? env.schema : undefined;
  return typeof schema === 'string' && schema.trim() ? resolve(dir, schema.trim()) : undefined;
}

function referrerOf(source: YamlSource, path: PathSegment[]) {
  const loc = locate(source, path);
  return { file: source.file, ...positionAt(source, startOf(loc.value ?? loc.key)), path: formatPath(path) };
}

function scrubAll(problems: ConfigProblem[], secrets: readonly string[]): ConfigProblem[] {
  const ordered = normaliseSecrets(secrets);
  return problems.map((p) => ({ ...p, message: scrubMessage(p.message, ordered), fix: scrubMessage(p.fix, ordered) }));
}
