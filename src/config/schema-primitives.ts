/**
 * Building blocks of the config schema: scalars that are lenient where YAML is ambiguous (an
 * interpolated `${PORT}` is the string "8080"; `name: 2024` is a number) and strict elsewhere.
 * Custom issues carry `params.lr` (the error code) and `params.fix`; `issues.ts` reads them.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DURATION_EXAMPLES, DurationError, parseDuration } from './duration.js';
import type { ConfigErrorCode } from './errors.js';

/** Extra data our custom issues carry to the problem mapper. */
export interface IssueParams {
  lr: ConfigErrorCode;
  fix?: string;
  /** The offending value, shown in the message unless the node is secret or interpolated. */
  shown?: string;
}

/** Adds a coded custom issue inside a transform/refinement. */
export function fail(
  ctx: { addIssue: (issue: { code: 'custom'; message: string; params: IssueParams; path?: PropertyKey[] }) => void },
  params: IssueParams & { message: string; path?: PropertyKey[] },
): typeof z.NEVER {
  const { message, path, ...rest } = params;
  ctx.addIssue({ code: 'custom', message, params: rest, ...(path ? { path } : {}) });
  return z.NEVER;
}

/** Where relative paths resolve: the config file's folder. */
export interface SchemaContext {
  /** Absolute folder of the file being validated. */
  dir: string;
}

/** Numbers and booleans written where text is meant (`name: 2024`, `canary: 7731`) become text. */
const toText = (v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

/** A non-empty string; numbers and booleans are accepted as their text. */
export const text = () => z.preprocess(toText, z.string().trim().min(1));

/** A list of non-empty strings. */
export const textList = () => z.array(text());

/** An integer in a range; a numeric string (an interpolated `${PORT}`) is accepted. */
export const int = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v), z.number().int().min(min).max(max));

/** A TCP/UDP port. */
export const port = () => int(1, 65_535);

/** A boolean; `"true"`/`"false"` (interpolated values) are accepted. */
export const bool = () =>
  z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/** Any JSON-like value (request bodies): kept as written. */
export const anyValue = () => z.unknown().optional();

/** Header name → value; numbers become text. */
export const headers = () => z.record(z.string().min(1), text());

/** A duration (`500ms`, `60s`, `5m`, `2h`, `30d`; a bare number is milliseconds) → milliseconds. */
export const duration = () =>
  z.unknown().transform((v, ctx): number => {
    if (v === undefined) return fail(ctx, { lr: 'LR_CONFIG_REQUIRED', message: 'a duration is required', fix: `write a duration like ${DURATION_EXAMPLES}` });
    if (typeof v !== 'string' && typeof v !== 'number') {
      return fail(ctx, { lr: 'LR_CONFIG_TYPE', message: `expected a duration, got ${kindOf(v)}`, fix: `write a duration like ${DURATION_EXAMPLES}` });
    }
    try {
      return parseDuration(v);
    } catch (err) {
      const reason = err instanceof DurationError ? err.reason : String(err);
      return fail(ctx, { lr: 'LR_CONFIG_DURATION', message: `is not a duration: ${reason}`, shown: String(v), fix: `write a number and a unit: ${DURATION_EXAMPLES}` });
    }
  });

/** An absolute or relative URL of one of the given schemes (relative ones are errors). */
export const url = (schemes: readonly string[] = ['http', 'https']) =>
  z.preprocess(toText, z.string().trim().min(1)).transform((v, ctx): string => {
    let parsed: URL;
    try {
      parsed = new URL(v);
    } catch {
      return fail(ctx, { lr: 'LR_CONFIG_VALUE', message: 'is not an absolute URL', shown: v, fix: `write a full URL such as ${schemes[0]}://host/path` });
    }
    const scheme = parsed.protocol.replace(/:$/, '');
    if (!schemes.includes(scheme)) {
      return fail(ctx, { lr: 'LR_CONFIG_VALUE', message: `URL scheme "${scheme}" is not one of ${schemes.join(', ')}`, fix: `use a ${schemes.join(' or ')} URL` });
    }
    return v;
  });

/** An origin (`https://app.acme.test`), normalised: a trailing `/` or path-less URL both become the bare origin. */
export const origin = () =>
  url().transform((v, ctx): string => {
    const u = new URL(v);
    if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) {
      return fail(ctx, { lr: 'LR_CONFIG_VALUE', message: 'is not an origin: only scheme and host are allowed, no path', shown: v, fix: `write ${u.origin}` });
    }
    return u.origin;
  });

/** A path on a server: starts with `/`. */
export const urlPath = () =>
  text().refine((v) => v.startsWith('/'), { params: { lr: 'LR_CONFIG_VALUE', fix: 'start the path with "/"' } satisfies IssueParams, message: 'a request path must start with "/"' });

/** An HTTP method, upper-cased. */
export const method = () =>
  text().transform((v, ctx): string => {
    const m = v.toUpperCase();
    if (!/^[A-Z]+$/.test(m)) return fail(ctx, { lr: 'LR_CONFIG_VALUE', message: 'is not an HTTP method', shown: v, fix: 'write GET, POST, PUT, PATCH, DELETE …' });
    return m;
  });

/** A DNS host name (no scheme, no port, no path); lower-cased, trailing dot dropped. */
export const hostName = () =>
  text().transform((v, ctx): string => {
    const name = v.toLowerCase().replace(/\.$/, '');
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(name) || name.includes('/')) {
      const bare = name.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/:]/)[0];
      return fail(ctx, { lr: 'LR_CONFIG_VALUE', message: 'is a URL, not a host name', shown: v, fix: `write ${bare}` });
    }
    // RFC 1123 labels; `_` is tolerated because real zones hold `_dmarc`-style names.
    if (!/^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(name)) {
      return fail(ctx, { lr: 'LR_CONFIG_VALUE', message: 'is not a valid host name', shown: v, fix: 'write a name like app.example.com' });
    }
    return name;
  });

/** An IP address of the given family. */
export const ipAddress = (family: 4 | 6) =>
  text().refine((v) => isIP(v) === family, {
    message: `not an IPv${family} address`,
    params: { lr: 'LR_CONFIG_VALUE', fix: family === 4 ? 'write an address like 203.0.113.10' : 'write an address like 2001:db8::10' } satisfies IssueParams,
  });

/** A list that may also be written as a single item (`a: 203.0.113.10`). */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) || v === null ? v : [v]), z.array(item));

/** A filesystem path resolved against the config's folder. */
export const fsPath = (ctx: SchemaContext) => text().transform((v) => resolve(ctx.dir, v));

/** Words for a value's kind in messages: "a list", "a number", "a mapping"… */
export function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true/false';
  return typeof v;
}
