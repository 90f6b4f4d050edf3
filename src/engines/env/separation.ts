/**
 * Environment separation: production's secrets and resource URLs must not be staging's.
 * Values are compared through SHA-256 digests only, so nothing here ever holds two secrets
 * side by side in a result, and nothing returned can reveal one.
 */
import { createHash } from 'node:crypto';
import type { EnvVarSchema } from '../../config/types.js';
import { isSensitive } from './describe-value.js';

/** Schemes of stateful backends: the same URL in two environments means one shared store. */
const RESOURCE_SCHEMES: ReadonlySet<string> = new Set([
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps',
  'kafka', 'nats', 'mssql', 'sqlserver', 'clickhouse', 'cockroachdb', 'memcached', 's3', 'gs', 'elasticsearch',
  'sqlite', 'file', 'ldap', 'ldaps', 'smtp', 'smtps', 'sftp', 'ftp',
]);

/** Variable names that name a backend even when its URL is plain https (a search cluster, a bucket). */
const RESOURCE_NAME = /(DATABASE|(^|_)DB(_|$)|REDIS|CACHE|QUEUE|BROKER|MONGO|POSTGRES|PG_|MYSQL|AMQP|RABBIT|KAFKA|ELASTIC|OPENSEARCH|SEARCH_URL|BUCKET|STORAGE|S3_)/i;

/** Names of values meant to be public (shipped to browsers) even though they look like keys. */
const PUBLIC_NAME = /^(NEXT_PUBLIC_|VITE_|PUBLIC_|REACT_APP_|NUXT_PUBLIC_|EXPO_PUBLIC_|GATSBY_)|PUBLISHABLE|PUBLIC_KEY$/i;

export type SharedKind = 'secret' | 'resourceUrl' | 'sameBackend';

export interface SharedValue {
  variable: string;
  kind: SharedKind;
}

/** SHA-256 of a value, the only form in which two environments' values meet. */
export function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function schemeOf(value: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  return m ? m[1].toLowerCase() : undefined;
}

/** `scheme://host:port/path` without credentials or query: where a URL's data lives. */
function backendOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (!url.host) return undefined;
    return `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
  } catch {
    return undefined;
  }
}

/** What kind of value a variable holds for the separation rule, if it matters at all. */
export function classifyVariable(name: string, value: string, rule: EnvVarSchema = {}): 'secret' | 'resourceUrl' | undefined {
  const scheme = schemeOf(value);
  if (scheme && RESOURCE_SCHEMES.has(scheme)) return 'resourceUrl';
  if (RESOURCE_NAME.test(name) && (scheme || /BUCKET/i.test(name))) return 'resourceUrl';
  if (rule.secret === true) return 'secret';
  // Public by design: bundled into front-ends (framework prefixes), publishable keys, and
  // error-tracker DSNs, which vendors recommend sharing across environments (tagged per env).
  if (PUBLIC_NAME.test(name) || (/DSN/i.test(name) && /^https?$/.test(scheme ?? ''))) return undefined;
  if (isSensitive(name, rule)) return 'secret';
  return undefined;
}

/**
 * Variables whose value is the same in production and in `other`: secrets and resource URLs
 * (compared whole), and resource URLs that differ only in credentials or options but point at
 * the same host and database (`sameBackend`). Empty values are left out (unset is not shared).
 */
export function sharedValues(
  production: Readonly<Record<string, string>>,
  other: Readonly<Record<string, string>>,
  schema: Readonly<Record<string, EnvVarSchema>> = {},
): SharedValue[] {
  const out: SharedValue[] = [];
  for (const name of Object.keys(production).sort()) {
    if (!Object.prototype.hasOwnProperty.call(other, name)) continue;
    const a = production[name];
    const b = other[name];
    if (!a || !b) continue;
    const kind = classifyVariable(name, a, schema[name]) ?? classifyVariable(name, b, schema[name]);
    if (!kind) continue;
    if (digest(a) === digest(b)) {
      out.push({ variable: name, kind });
      continue;
    }
    if (kind === 'resourceUrl') {
      const backA = backendOf(a);
      const backB = backendOf(b);
      if (backA && backB && digest(backA) === digest(backB)) out.push({ variable: name, kind: 'sameBackend' });
    }
  }
  return out;
}
