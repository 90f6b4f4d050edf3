/**
 * Private keys, JSON Web Tokens and connection URLs that carry a password. The URL rules report
 * the password part only (the host and user name are not secret and help find the file's owner).
 */
import { shannonEntropy } from '../entropy.js';
import type { MatchContext, SecretRule } from '../types.js';

/** Hosts reserved for documentation (RFC 2606, RFC 6761) and the loopback names. */
const DOC_HOST = /(^|\.)(example\.(com|net|org)|example|invalid|test)$/i;
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/i;

/**
 * `scheme://user:password@host`, password in group 2, host in group 3. User may be empty
 * (`redis://:pw@host`); the password stops at `@`, whitespace, quotes and path characters.
 */
function credentialUrl(schemes: string): RegExp {
  return new RegExp(
    String.raw`(?<![\w+.-])(?:${schemes})://([^\s:@/?#'"\x60<>]*):([^\s@/?#'"\x60<>]+)@([^\s/?#'"\x60<>:,;)\]]+)`,
    'i',
  );
}

/** A host name without a dot that is not an address: a compose service (`db`) or a doc stand-in (`host`). */
const SINGLE_LABEL = /^[a-z][a-z0-9_-]*$/i;

/**
 * Documentation hosts never count. On a developer's own machine or a compose network
 * (`postgres://app:app@localhost`, `redis://:pw@redis`) a short or low-entropy password is the
 * local default, not a leaked production credential: only a strong one counts there.
 */
function isRealCredential(password: string, ctx: MatchContext): boolean {
  const host = ctx.groups[3] ?? '';
  if (DOC_HOST.test(host) || password.length < 6) return false;
  if (LOCAL_HOST.test(host) || SINGLE_LABEL.test(host)) return password.length >= 12 && shannonEntropy(password) >= 3;
  return true;
}

function base64UrlJson(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
}

/**
 * A JWT is reported when its header is a JSON object naming `alg` and its payload is JSON —
 * except jwt.io's famous sample (sub 1234567890, "John Doe") and Supabase `anon` keys, which are
 * public by design (shipped to every browser).
 */
function isRealJwt(secret: string): boolean {
  const [header, payload] = secret.split('.');
  try {
    const h = base64UrlJson(header) as { alg?: unknown } | null;
    if (!h || typeof h !== 'object' || typeof h.alg !== 'string') return false;
    const p = base64UrlJson(payload) as Record<string, unknown> | null;
    if (!p || typeof p !== 'object') return false;
    if (p.sub === '1234567890' && p.name === 'John Doe') return false;
    if (p.role === 'anon') return false;
    return true;
  } catch {
    return false;
  }
}

const url = (id: string, description: string, schemes: string, keywords: string[]): SecretRule => ({
  id,
  description,
  keywords,
  regex: credentialUrl(schemes),
  secretGroup: 2,
  validate: isRealCredential,
});

export const KEY_URL_RULES: readonly SecretRule[] = [
  {
    id: 'private-key',
    description: 'Private key (PEM block)',
    keywords: ['private key'],
    // RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP … PRIVATE KEY [BLOCK]; the body is on the next lines
    // (or on the same line with `\n` escapes, as in a service-account JSON).
    regex: /-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----/,
    secretGroup: 0,
    multiline: 'pem',
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    keywords: ['eyj'],
    regex: /(?<![\w-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,})(?![\w-])/,
    minEntropy: 3.5,
    validate: isRealJwt,
  },
  url('postgres-url', 'PostgreSQL URL with a password', 'postgres(?:ql)?', ['postgres']),
  url('mysql-url', 'MySQL / MariaDB URL with a password', 'mysql(?:x)?|mariadb', ['mysql', 'mariadb']),
  url('mongodb-url', 'MongoDB URL with a password', 'mongodb(?:\\+srv)?', ['mongodb']),
  url('redis-url', 'Redis URL with a password', 'rediss?', ['redis']),
  url('amqp-url', 'AMQP (RabbitMQ) URL with a password', 'amqps?', ['amqp']),
  url('smtp-url', 'SMTP URL with a password', 'smtps?', ['smtp']),
];
