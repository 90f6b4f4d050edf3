/**
 * Error answers. `default` behaves like an unhardened Express + PostgreSQL service: bad input
 * becomes a 500 whose body carries the stack trace (server file paths), the SQL text and the
 * driver's error (`api.error-leak` must catch all three). `fixed` answers a short 4xx JSON error.
 */
import type { RequestContext } from '../context.js';
import type { ApiContext } from './api-route.js';
import { sendJson } from '../respond.js';

/** One input the API refuses: which kind, the clean message, and what the leaky variant reveals. */
export type InputProblem =
  | { kind: 'malformed'; parserMessage: string }
  | { kind: 'tooLarge'; size: number; limit: number }
  /** Wrong type or shape; `sql`/`pgError` when the leaky variant would have reached the database. */
  | { kind: 'type'; message: string; sql?: string; pgError?: string };

const ROUTE_FRAMES = `    at /srv/acme/src/routes/tasks.js:42:13
    at Layer.handle [as handle_request] (/srv/acme/node_modules/express/lib/router/layer.js:95:5)
    at next (/srv/acme/node_modules/express/lib/router/route.js:149:13)`;

function leak(problem: InputProblem): Record<string, unknown> {
  switch (problem.kind) {
    case 'malformed':
      return {
        error: `SyntaxError: ${problem.parserMessage}`,
        stack: `SyntaxError: ${problem.parserMessage}
    at JSON.parse (<anonymous>)
    at parse (/srv/acme/node_modules/body-parser/lib/types/json.js:89:19)
    at parseBody (/srv/acme/src/middleware/body.js:18:21)
${ROUTE_FRAMES}`,
      };
    case 'tooLarge':
      return {
        error: 'PayloadTooLargeError: request entity too large',
        expected: problem.limit,
        length: problem.size,
        stack: `PayloadTooLargeError: request entity too large
    at readStream (/srv/acme/node_modules/raw-body/index.js:156:17)
    at getRawBody (/srv/acme/node_modules/raw-body/index.js:109:12)
    at read (/srv/acme/node_modules/body-parser/lib/read.js:79:3)
${ROUTE_FRAMES}`,
      };
    case 'type':
      if (problem.sql === undefined || problem.pgError === undefined) {
        return { error: `TypeError: ${problem.message}`, stack: `TypeError: ${problem.message}\n${ROUTE_FRAMES}` };
      }
      return {
        error: `PG::${problem.pgError}`,
        query: problem.sql,
        stack: `error: ${problem.pgError.replace(/^\w+: ERROR:\s+/, '')}
    at Parser.parseErrorMessage (/srv/acme/node_modules/pg-protocol/dist/parser.js:287:98)
    at Parser.handlePacket (/srv/acme/node_modules/pg-protocol/dist/parser.js:126:29)
    at TaskRepository.query (/srv/acme/src/db/tasks.js:27:11)
${ROUTE_FRAMES}`,
      };
  }
}

function cleanStatus(problem: InputProblem): { status: number; error: string } {
  switch (problem.kind) {
    case 'malformed': return { status: 400, error: 'request body is not valid JSON' };
    case 'tooLarge': return { status: 413, error: `request body too large (limit ${problem.limit} bytes)` };
    case 'type': return { status: 400, error: problem.message };
  }
}

/** Answers a refused input: a 500 full of internals in `default`, a clean 400/413 in `fixed`. */
export function badInput(ctx: RequestContext, problem: InputProblem): void {
  if (ctx.variant === 'default') return sendJson(ctx, 500, leak(problem));
  const { status, error } = cleanStatus(problem);
  sendJson(ctx, status, { error });
}

/**
 * A path segment that should be an integer. PostgreSQL's own message for `'abc'::integer`
 * (SQLSTATE 22P02), as the leaky variant would pass the raw segment into the query.
 */
export function notAnInteger(ctx: RequestContext, what: string, raw: string, sql: string): void {
  badInput(ctx, {
    kind: 'type',
    message: `${what} must be a positive integer`,
    sql,
    pgError: `InvalidTextRepresentation: ERROR:  invalid input syntax for type integer: "${raw}"`,
  });
}

const PG_TYPE: Record<string, string> = { string: 'text', boolean: 'boolean', number: 'integer', object: 'json' };

/** A JSON field of the wrong type (SQLSTATE 42804 in the leaky variant). */
export function wrongType(ctx: RequestContext, field: string, expected: 'string' | 'boolean', got: unknown, sql: string): void {
  const actual = got === null ? 'null' : Array.isArray(got) ? 'array' : typeof got;
  badInput(ctx, {
    kind: 'type',
    message: `${field} must be a ${expected}, got ${actual}`,
    sql,
    pgError: `DatatypeMismatch: ERROR:  column "${field}" is of type ${PG_TYPE[expected]} but expression is of type ${PG_TYPE[actual] ?? 'unknown'}`,
  });
}

/** Reads the JSON body as an object (`{}` when absent); answers the request and returns undefined otherwise. */
export function bodyObject(ctx: ApiContext): Record<string, unknown> | undefined {
  const body = ctx.body ?? {};
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  badInput(ctx, { kind: 'type', message: 'request body must be a JSON object' });
  return undefined;
}

/** A plain 400 for a refused query parameter (only `fixed` validates them). */
export function clientError(ctx: RequestContext, message: string): void {
  sendJson(ctx, 400, { error: message });
}

/** How a careless query builder would splice a value into SQL text (the leaky variant shows it). */
export function sqlLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  return JSON.stringify(value) ?? 'NULL';
}

export function notFound(ctx: RequestContext, what = 'not found'): void {
  sendJson(ctx, 404, { error: what });
}

/** 401 with the RFC 6750 §3 challenge for a missing or unknown bearer token. */
export function unauthorized(ctx: RequestContext): void {
  sendJson(ctx, 401, { error: 'authentication required' }, { 'www-authenticate': 'Bearer realm="acme"' });
}

export function methodNotAllowed(ctx: RequestContext, allow: string[]): void {
  sendJson(ctx, 405, { error: 'method not allowed' }, { allow: allow.join(', ') });
}

/** An unexpected failure inside a route. The leaky variant still shows a (made-up) stack. */
export function internalError(ctx: RequestContext): void {
  if (ctx.res.headersSent) {
    ctx.res.destroy();
    return;
  }
  if (ctx.variant === 'default') {
    return sendJson(ctx, 500, { error: 'TypeError: Cannot read properties of undefined', stack: `TypeError: Cannot read properties of undefined\n${ROUTE_FRAMES}` });
  }
  sendJson(ctx, 500, { error: 'internal error' });
}
