/**
 * Values that have a credential's shape but are documentation, templates or test stand-ins:
 * `AKIAIOSFODNN7EXAMPLE`, `xxxx`, `<token>`, `${VAR}`, `changeme`, `your-api-key`. Every rule
 * passes its candidate through {@link looksLikePlaceholder} before it becomes a finding.
 */

/**
 * Words that mark a stand-in. Matched in lower case, UPPER case or Capitalised only: a random
 * mixed-case token contains one of them in exactly one of those casings with a probability
 * around 1e-7 per position, so real keys are not lost to them.
 */
const MARKER_WORDS = [
  'example', 'changeme', 'change_me', 'change-me', 'your', 'placeholder', 'dummy', 'redacted',
  'sample', 'replace', 'insert', 'fake', 'notreal', 'not_real', 'not-real', 'not-a-real', 'not_a_real', 'todo', 'fixme',
  'here', 'mock', 'test_', '_test', 'foobar', 'lorem', 'invalid', 'secret_key', 'api_key',
] as const;

/** Template and masking syntax: `<token>`, `${VAR}`, `{{ secret }}`, `%(pw)s`, `$(cmd)`, `***`. */
const TEMPLATE_MARKS = ['xxxx', 'XXXX', '<', '>', '${', '{{', '}}', '%(', '$(', '#{', '***', '...', '\u2026', '••'] as const;

/** Whole values that are the field's own name or a well-known default, never a real secret. */
const WHOLE_VALUES = new Set([
  'password', 'passwd', 'pass', 'secret', 'token', 'apikey', 'api_key', 'key', 'admin', 'root',
  'toor', 'test', 'testing', 'guest', 'demo', 'default', 'none', 'null', 'nil', 'undefined', 'empty',
  'changeit', 'letmein', 'postgres', 'mysql', 'redis', 'rabbitmq', 'mongo', 'mongodb', 'user',
  'username', 'qwerty', 'welcome', 'master', 'private', 'credentials', 'hunter2', 's3cr3t',
]);

/** Runs of one keyboard row or counting sequence, typed rather than generated. */
const SEQUENCES = ['0123456789', '1234567890', 'abcdefghij', 'ABCDEFGHIJ', 'qwertyuiop', 'asdfghjkl'] as const;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Compiled once: stateless (no `g` flag), so sharing them is safe. */
const MARKER_RE = new RegExp(MARKER_WORDS.flatMap((w) => [w, w.toUpperCase(), capitalised(w)]).map(escapeRegExp).join('|'));
const TEMPLATE_RE = new RegExp(TEMPLATE_MARKS.map(escapeRegExp).join('|'));
const SEQUENCE_RE = new RegExp(SEQUENCES.join('|'));
const ENV_REFERENCE = /^\$[A-Za-z_]\w*$|^%[A-Za-z_]\w*%$/;

/** True when `value` is a documented example, a template, a mask or an obvious stand-in. */
export function looksLikePlaceholder(value: string): boolean {
  if (WHOLE_VALUES.has(value.toLowerCase())) return true;
  if (TEMPLATE_RE.test(value)) return true;
  // Long values (key bodies, JWTs) would hit a marker word by chance; templates stay short.
  if (value.length <= 64 && MARKER_RE.test(value)) return true;
  // `$DB_PASSWORD`, `%DB_PASSWORD%`: an environment reference, not a value.
  if (ENV_REFERENCE.test(value)) return true;
  if (SEQUENCE_RE.test(value)) return true;
  // One character repeated six times (`000000`, `aaaaaa`) or almost no variety at all.
  if (/(.)\1{5,}/.test(value)) return true;
  if (value.length >= 8 && new Set(value).size <= 3) return true;
  return false;
}
