/**
 * The env schema validator: every variable checked, every problem of every variable reported
 * at once, no value ever quoted unless it is harmless. The same function backs
 * `launchready env check`, the `env.*` audit checks and the package's `validateEnv` export an
 * application calls at startup.
 */
import type { EnvSection, EnvVarSchema } from '../../config/types.js';
import { charLength, describeValue, isSensitive } from './describe-value.js';
import { checkFormat, compile, FORMAT_EXPECTATION } from './formats.js';

/** Stable problem codes (documented in docs/errors.md, "Environment"). */
export const ENV_PROBLEM_CODES = [
  'LR_ENV_MISSING', 'LR_ENV_EMPTY', 'LR_ENV_FORMAT', 'LR_ENV_ENUM', 'LR_ENV_PATTERN', 'LR_ENV_TOO_SHORT',
  'LR_ENV_PLACEHOLDER', 'LR_ENV_SCHEMA',
] as const;
export type EnvProblemCode = (typeof ENV_PROBLEM_CODES)[number];

/** One problem of one variable. `message` never contains a secret value. */
export interface EnvProblem {
  variable: string;
  code: EnvProblemCode;
  message: string;
  /** What the schema asks for, in words. */
  expected: string;
  /** What was found: `missing`, `empty`, a quoted harmless value or `<redacted, N chars>`. */
  actual: string;
  /** Whether the variable is a secret (declared `secret: true` or named like one). */
  secret: boolean;
  /** Set when the faulty value is the schema's `default`, not the environment's. */
  fromDefault?: true;
}

export interface EnvValidation {
  ok: boolean;
  problems: EnvProblem[];
  /**
   * The effective value of every declared variable that has one (the environment's, else the
   * default). Holds secrets in clear: for the application's own use, never for printing.
   * Do not use it when `ok` is false.
   */
  values: Record<string, string>;
}

/** The schema as the config holds it (`env:` section) or as a plain name → rule mapping. */
export type EnvSchemaInput = EnvSection | Readonly<Record<string, EnvVarSchema>>;

/**
 * Values people leave in a secret's place. Matched against the whole value (case-insensitive),
 * so a real secret that merely contains "test" is not caught.
 */
const PLACEHOLDER = /^(?:change[-_ ]?me|changeit|replace[-_ ]?me|secret|password|passw0rd|todo|tbd|fixme|dummy|example|sample|placeholder|default|test|none|null|undefined|x+|\*+|\.\.\.|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|your[-_ ].*|my[-_ ]?secret.*|(?:sk|pk)_(?:test|live)_x+)$/i;

/** True when a secret's value is a stand-in (`changeme`, `xxxx`, `<token>`, `${VAR}`). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

function variablesOf(schema: EnvSchemaInput): Readonly<Record<string, EnvVarSchema>> {
  const section = schema as Partial<EnvSection>;
  if (section.vars && typeof section.vars === 'object' && !Array.isArray(section.vars)) {
    const nested = Object.values(section.vars)[0];
    // `{ vars: { NAME: {...} } }` is an EnvSection; a variable literally called `vars` is not.
    if (nested === undefined || typeof nested === 'object') return section.vars;
  }
  return schema as Readonly<Record<string, EnvVarSchema>>;
}

/**
 * Validates `env` against `schema` and returns every problem at once.
 * A variable is required unless it says `required: false` or has a `default`; an empty value
 * counts as unset for optional variables and as a problem for required ones.
 *
 * @example
 * const { ok, problems, values } = validateEnv(schema, process.env);
 * if (!ok) { for (const p of problems) console.error(p.message); process.exit(1); }
 */
export function validateEnv(schema: EnvSchemaInput, env: Readonly<Record<string, string | undefined>>): EnvValidation {
  const problems: EnvProblem[] = [];
  const values: Record<string, string> = {};
  for (const [name, raw] of Object.entries(variablesOf(schema))) {
    const rule: EnvVarSchema = raw ?? {};
    const secret = isSensitive(name, rule);
    const add = (code: EnvProblemCode, expected: string, actual: string, fromDefault = false) =>
      problems.push({
        variable: name, code, expected, actual, secret,
        message: messageFor(name, code, expected, actual, fromDefault),
        ...(fromDefault ? { fromDefault: true as const } : {}),
      });

    const schemaProblem = checkRule(rule);
    if (schemaProblem) add('LR_ENV_SCHEMA', schemaProblem, 'an unusable schema entry');

    const given = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
    const required = rule.required !== false && rule.default === undefined;
    let value = given;
    let fromDefault = false;
    if (value === undefined || (value === '' && !required)) {
      if (rule.default !== undefined) {
        value = rule.default;
        fromDefault = true;
      } else {
        if (required) add(value === '' ? 'LR_ENV_EMPTY' : 'LR_ENV_MISSING', 'set (required)', value === '' ? 'empty' : 'missing');
        continue;
      }
    }
    if (value === '' && required) {
      add('LR_ENV_EMPTY', 'a non-empty value (required)', 'empty');
      continue;
    }
    values[name] = value;
    // An empty default (`default: ""`) means "unset is fine": nothing to validate.
    if (value === '' && fromDefault) continue;

    const shown = secret ? redactedLength(value) : describeValue(name, rule, value);
    const verdict = schemaProblem ? undefined : checkFormat(value, rule);
    if (verdict) {
      const code = verdict.kind === 'enum' ? 'LR_ENV_ENUM' : verdict.kind === 'pattern' ? 'LR_ENV_PATTERN' : 'LR_ENV_FORMAT';
      add(code, verdict.expected, shown, fromDefault);
    }
    if (rule.min_length !== undefined && charLength(value) < rule.min_length) {
      add('LR_ENV_TOO_SHORT', `at least ${rule.min_length} characters`, secret ? redactedLength(value) : `${charLength(value)} characters`, fromDefault);
    }
    if (rule.secret && isPlaceholder(value)) {
      add('LR_ENV_PLACEHOLDER', 'a real secret, not a placeholder', redactedLength(value), fromDefault);
    }
  }
  return { ok: problems.length === 0, problems, values };
}

/** Thrown by {@link assertValidEnv}; its message lists every problem, never a secret value. */
export class EnvValidationError extends Error {
  override readonly name = 'EnvValidationError';
  readonly code = 'LR_ENV_INVALID';
  constructor(readonly problems: EnvProblem[]) {
    super(`invalid environment (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p.code} ${p.message}`).join('\n')}`);
  }
}

/** Validates and returns the effective values, or throws {@link EnvValidationError}. */
export function assertValidEnv(schema: EnvSchemaInput, env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result = validateEnv(schema, env);
  if (!result.ok) throw new EnvValidationError(result.problems);
  return result.values;
}

function redactedLength(value: string): string {
  const n = charLength(value);
  return `<redacted, ${n} char${n === 1 ? '' : 's'}>`;
}

/** A rule that cannot be applied: the schema's fault, reported as such. */
function checkRule(rule: EnvVarSchema): string | undefined {
  if (rule.pattern !== undefined && !compile(rule.pattern)) return 'a `pattern` that compiles (JavaScript regular expression)';
  if (rule.format === 'enum' && !rule.enum?.length) return 'an `enum` list beside `format: enum`';
  if (rule.format !== undefined && !(rule.format in FORMAT_EXPECTATION)) return `a known format (${Object.keys(FORMAT_EXPECTATION).join(', ')})`;
  return undefined;
}

function messageFor(name: string, code: EnvProblemCode, expected: string, actual: string, fromDefault: boolean): string {
  const source = fromDefault ? ' (the schema default)' : '';
  switch (code) {
    case 'LR_ENV_MISSING':
      return `${name} is required but not set`;
    case 'LR_ENV_EMPTY':
      return `${name} is required but empty`;
    case 'LR_ENV_SCHEMA':
      return `${name}: the schema entry needs ${expected}`;
    case 'LR_ENV_TOO_SHORT':
      return `${name}${source} is too short: expected ${expected}, got ${actual}`;
    case 'LR_ENV_PLACEHOLDER':
      return `${name}${source} holds a placeholder, not a real secret (${actual})`;
    default:
      return `${name}${source} is not ${expected}: got ${actual}`;
  }
}
