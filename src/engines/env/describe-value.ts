/**
 * How a value may appear in a message. Secrets never do: they read `<redacted, 12 chars>`.
 * Only short values of formats that cannot carry a credential (numbers, booleans, enum words,
 * durations) are quoted, and only for variables that are neither declared nor named secret.
 */
import { SECRET_KEY } from '../../config/secrets.js';
import type { EnvFormat, EnvVarSchema } from '../../config/types.js';

/** Formats whose values are shown when wrong: a port number or a log level is no secret. */
const SHOWABLE: ReadonlySet<EnvFormat> = new Set(['port', 'integer', 'number', 'boolean', 'enum', 'duration']);
const MAX_SHOWN = 40;

/** Whether a variable's value must be treated as a secret (declared, or named like one). */
export function isSensitive(name: string, rule: EnvVarSchema): boolean {
  return rule.secret === true || SECRET_KEY.test(name) || /(^|_)(DSN|KEY|PASS|PWD|AUTH)(_|$)/i.test(name);
}

/** The length of a value in characters (code points, as a person counts them). */
export function charLength(value: string): number {
  return [...value].length;
}

/** `"verbose"` for a harmless value, `<redacted, 12 chars>` for anything else. */
export function describeValue(name: string, rule: EnvVarSchema, value: string): string {
  const format = rule.format ?? (rule.enum ? 'enum' : 'string');
  const printable = /^[\x20-\x7e]*$/.test(value);
  if (!isSensitive(name, rule) && SHOWABLE.has(format) && printable && value.length <= MAX_SHOWN) {
    return JSON.stringify(value);
  }
  const n = charLength(value);
  return `<redacted, ${n} char${n === 1 ? '' : 's'}>`;
}
