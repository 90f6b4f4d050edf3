/**
 * The redacted form of a secret: its first 4 characters and a short hash, enough to match two
 * findings of the same value without revealing it.
 */
import { createHash } from 'node:crypto';

export function redactValue(secret: string): string {
  const hash = createHash('sha256').update(secret).digest('hex').slice(0, 8);
  return `${secret.slice(0, 4)}…[redacted sha256:${hash}]`;
}

/** Replaces every occurrence of every known secret in `text`. */
export function redactText(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    if (out.includes(s)) out = out.split(s).join(redactValue(s));
  }
  return out;
}

/** Deep copy of `value` with every string passed through `redactText`. */
export function redactDeep<T>(value: T, secrets: string[]): T {
  if (secrets.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Date) return v;
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
