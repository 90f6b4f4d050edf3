/**
 * The `env.schema` file: a YAML mapping of variable name → rules, the same shape as the inline
 * `env:` variables. Its problems point into that file, not into `launchready.yml`.
 * The file is not interpolated: it describes variables, it does not read them.
 */
import type { ConfigProblem } from './errors.js';
import { issuesToProblems } from './issues.js';
import { readConfigFile, type Referrer } from './read-source.js';
import { envVarsMap } from './schema.js';
import type { EnvVarSchema } from './types.js';
import { parseYamlSource, toData } from './yaml-source.js';

/** Loads and validates an env schema file; `referrer` locates the `schema:` key for file errors. */
export async function loadEnvSchemaFile(
  file: string, referrer: Referrer,
): Promise<{ vars?: Record<string, EnvVarSchema>; problems: ConfigProblem[] }> {
  const read = await readConfigFile(file, 'env schema file', referrer);
  if ('problem' in read) return { problems: [read.problem] };
  return parseEnvSchemaText(read.text, file);
}

/** Validates env schema text (exported for tests and for `env check`, which may read it alone). */
export function parseEnvSchemaText(text: string, file: string): { vars?: Record<string, EnvVarSchema>; problems: ConfigProblem[] } {
  const { source, problems } = parseYamlSource(text, file);
  if (problems.length) return { problems };
  const plain = toData(source);
  if ('problem' in plain) return { problems: [plain.problem] };
  const data = plain.data ?? {};
  const schema = envVarsMap();
  const result = schema.safeParse(data);
  if (result.success) return { vars: result.data, problems: [] };
  return { problems: issuesToProblems({ source, data, schema, interpolated: new Set() }, result.error.issues) };
}
