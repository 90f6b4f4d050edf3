/**
 * Which config values are secrets. Besides every interpolated value (see `interpolate.ts`), the
 * literal values of obviously secret fields count: passwords and tokens in request bodies and
 * headers, API tokens, webhook URLs and signing secrets, the database URL, and the credentials
 * inside any `scheme://user:pass@host` URL.
 */
import type { LaunchConfig } from './types.js';
import type { PathSegment } from './yaml-source.js';

/** Keys whose values are secret wherever they appear (request bodies, config fields). */
export const SECRET_KEY = /pass(word|wd)?$|passphrase|secret|token|api[-_]?key|private[-_]?key|credential|password_hash|session/i;

/** Header names that carry credentials. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|api[-_]?key|auth/i;

/** Channel types whose URL embeds a capability (anyone holding it can post). */
const CAPABILITY_URL_CHANNELS: ReadonlySet<string> = new Set(['slack', 'webhook', 'teams', 'discord', 'pagerduty']);

/** True when a value at this path must never be echoed (error messages show its kind only). */
export function isSecretPath(path: readonly PathSegment[]): boolean {
  const keys = path.filter((p): p is string => typeof p === 'string');
  if (keys[0] === 'database') return true;
  if (keys[0] === 'alerts' && keys[1] === 'channels' && (keys.at(-1) === 'url' || keys.at(-1) === 'secret')) return true;
  if (keys.includes('headers') || keys.includes('body')) return true;
  return keys.some((k) => SECRET_KEY.test(k));
}

/** Credentials found inside URLs anywhere in `text` (both as written and percent-decoded). */
export function urlCredentials(text: string): string[] {
  const out: string[] = [];
  // `scheme://user:password@host`: the password part (percent-encoded as written). A global
  // regex carries `lastIndex`, so it is built per call rather than shared at module level.
  const credentials = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:([^\s/?#@]+)@/gi;
  for (const m of text.matchAll(credentials)) {
    out.push(m[1]);
    try {
      const decoded = decodeURIComponent(m[1]);
      if (decoded !== m[1]) out.push(decoded);
    } catch {
      // Malformed percent-encoding: the raw form is already recorded.
    }
  }
  return out;
}

/** Adds a header value and, for `Bearer xyz` / `Basic xyz`, the credential alone. */
function addHeaderSecrets(out: string[], headers: Readonly<Record<string, string>> | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!SECRET_HEADER.test(name)) continue;
    out.push(value);
    const cred = /^\s*\w+\s+(\S+)\s*$/.exec(value)?.[1];
    if (cred) out.push(cred);
  }
}

/** Walks a request body: string values under secret-looking keys, at any depth (bounded). */
function addBodySecrets(out: string[], body: unknown, depth = 0): void {
  if (depth > 32 || body === null || typeof body !== 'object') return;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string' && SECRET_KEY.test(k)) out.push(v);
    else addBodySecrets(out, v, depth + 1);
  }
}

/** Every string in a value, for the URL-credentials sweep. */
function* strings(v: unknown, depth = 0): Generator<string> {
  if (depth > 64) return;
  if (typeof v === 'string') yield v;
  else if (v && typeof v === 'object') for (const x of Object.values(v)) yield* strings(x, depth + 1);
}

/** The literal secret values of a validated config (interpolated values are added by the loader). */
export function collectConfigSecrets(config: LaunchConfig): string[] {
  const out: string[] = [];
  const { api, monitors, alerts, assistant, database, env } = config;
  if (api?.login) {
    addBodySecrets(out, api.login.body);
    addHeaderSecrets(out, api.login.headers);
  }
  for (const e of api?.endpoints ?? []) {
    addBodySecrets(out, e.body);
    addHeaderSecrets(out, e.headers);
  }
  for (const flow of config.smoke) {
    for (const step of flow.steps) {
      addBodySecrets(out, step.body);
      addHeaderSecrets(out, step.headers);
    }
  }
  if (monitors?.api_token) out.push(monitors.api_token);
  if (monitors?.dashboard?.password_hash) out.push(monitors.dashboard.password_hash);
  for (const c of monitors?.checks ?? []) if (c.token) out.push(c.token);
  for (const ch of alerts?.channels ?? []) {
    if (ch.secret) out.push(ch.secret);
    if (ch.url && CAPABILITY_URL_CHANNELS.has(ch.type)) out.push(ch.url);
  }
  if (assistant) {
    addHeaderSecrets(out, assistant.headers);
    for (const t of assistant.tenants) out.push(t.token);
  }
  if (database) out.push(database.url);
  for (const [, spec] of Object.entries(env?.vars ?? {})) if (spec.secret && spec.default) out.push(spec.default);
  for (const s of strings(config)) out.push(...urlCredentials(s));
  return out;
}

/**
 * Deduplicates and orders secrets longest first, so redacting a long value is never pre-empted by
 * a shorter one that happens to be its substring. Empty strings are dropped.
 */
export function normaliseSecrets(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v.length > 0))].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** Replaces secret values inside a message (a backstop: messages are built not to include them). */
export function scrubMessage(message: string, secrets: readonly string[]): string {
  let out = message;
  // Very short values would mangle ordinary words; the redactor skips them for the same reason.
  for (const s of secrets) if (s.length >= 4 && out.includes(s)) out = out.split(s).join('[secret]');
  return out;
}
