/**
 * The generic rule: a high-entropy literal assigned to a key whose name says it is a secret.
 * It runs last and yields to every specific rule matching the same value. Precision comes from
 * the key context, the entropy gate, a letter-and-digit mix, and the shapes it refuses below.
 */
import { shannonEntropy } from '../entropy.js';
import type { MatchContext, SecretRule } from '../types.js';

/** Key names that announce a secret. */
const SECRET_KEY = String.raw`(?:secret|token|passw(?:or)?d|pwd|api[_.-]?key|apikey|access[_.-]?key|auth[_.-]?key|private[_.-]?key|signing[_.-]?key|encryption[_.-]?key|credentials?|client[_.-]?secret)`;

/** Key names that mention a secret but hold something else: its length, header, type, URL. */
const NOT_A_SECRET_KEY =
  /(hash|digest|checksum|sha\d*|md5|integrity|length|len|size|count|max|min|prefix|suffix|header|field|param|format|pattern|regex|type|kind|name|path|file|dir|url|uri|endpoint|host|version|expir|ttl|timeout|label|placeholder|hint|policy|rule|mode)$/i;

/** A UUID: identifiers far more often than secrets; UUID-shaped keys have specific rules. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `a.b.c` member paths (`process.env.TOKEN`, `this.config.secret`): code, not a value. */
const MEMBER_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;

/** Subresource-integrity and digest values (`sha512-…`, `sha256:…`): hashes, not secrets. */
const DIGEST = /^(?:sha(?:1|224|256|384|512)|md5)[-:]/i;

/** Password-like keys accept shorter values than token-like ones. */
const PASSWORD_KEY = /passw(?:or)?d|pwd/i;

/** Letters split into camelCase / UPPER words (`typeCount89-15` → type, Count). */
const WORDS = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;
const VOWEL = /[aeiouy]/i;
/** Common vowel-less words of code (`httpsUrl`, `pngList`, `cfgPath`). */
const ABBREVIATIONS = new Set(['http', 'https', 'html', 'xml', 'png', 'jpg', 'svg', 'src', 'cfg', 'ctx', 'pkg', 'msg',
  'tmp', 'txt', 'sql', 'jwt', 'cdn', 'dns', 'rpc', 'grpc', 'smtp', 'tls', 'ssl', 'css', 'std', 'cmd', 'dst', 'mgr', 'svc', 'db']);

/**
 * True when every letter of the value belongs to a word of 2+ letters with a vowel (and there
 * are 4+ letters): `requestCount56-21`, `errorId76-82`, `prod-db-credentials-2024` are names
 * composed by people. A random token almost never splits that way: its case changes every few
 * characters, leaving one-letter and vowel-less pieces.
 */
export function isIdentifierLike(value: string): boolean {
  const words = value.match(WORDS) ?? [];
  if (words.join('').length < 4) return false;
  return words.every((w) => w.length >= 2 && (VOWEL.test(w) || ABBREVIATIONS.has(w.toLowerCase())));
}

function isGenericSecret(secret: string, ctx: MatchContext): boolean {
  const key = `${ctx.groups[1] ?? ''}${ctx.groups[2] ?? ''}`;
  if (NOT_A_SECRET_KEY.test(key.replace(/[_.-]+$/, ''))) return false;
  if (UUID.test(secret) || MEMBER_PATH.test(secret) || DIGEST.test(secret)) return false;
  if (!/[A-Za-z]/.test(secret) || !/\d/.test(secret)) return false;
  if (isIdentifierLike(secret)) return false;
  const password = PASSWORD_KEY.test(key);
  if (secret.length < (password ? 12 : 16)) return false;
  return shannonEntropy(secret) >= (password ? 3 : 3.5);
}

export const GENERIC_RULES: readonly SecretRule[] = [
  {
    id: 'generic-secret',
    description: 'High-entropy value assigned to a secret-named key',
    keywords: [
      'secret', 'token', 'passw', 'pwd', 'api_key', 'api-key', 'api.key', 'apikey', 'access_key', 'access-key',
      'auth_key', 'auth-key', 'private_key', 'private-key', 'signing', 'encryption', 'credential',
    ],
    // Group 1 is the secret word of the key and group 2 the rest of its name (for the refusals
    // above), group 4 the value, which must end where a literal ends (quote, space, separator):
    // `<rest-of-token>` and `${VAR}` do not; `&` ends it too (form-encoded `password=x&next=…`).
    // The regex starts at the secret word, so the engine
    // tries it only where one occurs; what precedes the word in the key name changes nothing.
    regex: new RegExp(
      String.raw`(${SECRET_KEY})([\w.-]{0,20}?)["']?\s{0,4}(?::=|=>|=|:)\s{0,4}(["'\x60]?)([A-Za-z0-9+/=_\-.~!@#%^*?|]{12,200})\3(?=[\s"'\x60,;&)\]}]|$)`,
      'i',
    ),
    secretGroup: 4,
    minEntropy: 3,
    generic: true,
    validate: isGenericSecret,
  },
];
