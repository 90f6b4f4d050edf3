/**
 * What an unhardened Node API prints on bad input: stack traces with server paths and raw
 * database errors with the SQL. The `default` variant answers with these.
 */
export function leakyParseError(message: string): string {
  return `SyntaxError: ${message}
    at JSON.parse (<anonymous>)
    at parseBody (/srv/acme/src/http/body.js:18:21)
    at Layer.handle [as handle_request] (/srv/acme/node_modules/express/lib/router/layer.js:95:5)
    at /srv/acme/src/routes/tasks.js:42:13`;
}

export function leakyPayloadTooLarge(size: number): string {
  return `PayloadTooLargeError: request entity too large (${size} bytes)
    at readStream (/srv/acme/node_modules/raw-body/index.js:156:17)
    at getRawBody (/srv/acme/node_modules/raw-body/index.js:109:12)
    at /srv/acme/src/routes/tasks.js:40:9`;
}

export function leakySqlError(query: string): Record<string, unknown> {
  return {
    error: 'PG::InvalidTextRepresentation: ERROR:  invalid input syntax for type integer',
    query,
    stack: `error: invalid input syntax for type integer
    at Parser.parseErrorMessage (/srv/acme/node_modules/pg-protocol/dist/parser.js:287:98)
    at /srv/acme/src/db/tasks.js:27:11`,
  };
}
