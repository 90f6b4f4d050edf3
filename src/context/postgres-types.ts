/**
 * The database effect: read-only PostgreSQL sessions (`Effects.postgres`). Checks see only these
 * shapes; `postgres.ts` implements them on `pg`, tests point them at the lab's cluster.
 */

export interface PostgresConnectOptions {
  signal?: AbortSignal;
  /** Connect deadline (default: the run's network timeout). */
  timeoutMs?: number;
  /** Server-side limit on each statement (default: the larger of the timeout and 5 s). */
  statementTimeoutMs?: number;
}

/** One connection inside one `READ ONLY` transaction; `close` rolls back and disconnects. */
export interface PostgresSession {
  /** `server_version_num`, e.g. 150004 (0 when the server would not say). */
  readonly serverVersion: number;
  readonly database: string;
  /** `postgres://user@host:port/db`: the server without the password. */
  readonly display: string;
  /** Runs one statement; a failure (PostgresError) leaves the session usable. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface PostgresClient {
  /** Connects to a `postgres://` URL; throws PostgresError when it cannot. */
  connect(url: string, opts?: PostgresConnectOptions): Promise<PostgresSession>;
}

/**
 * `QUERY`: the server refused one statement (its SQLSTATE in `sqlState`); `NO_DATABASE`: the
 * database in the URL does not exist; the rest are connection trouble.
 */
export type PostgresErrorCode = 'BAD_URL' | 'DNS' | 'REFUSED' | 'TIMEOUT' | 'TLS' | 'AUTH' | 'NO_DATABASE' | 'NETWORK' | 'QUERY' | 'ABORTED';

export class PostgresError extends Error {
  constructor(
    readonly code: PostgresErrorCode,
    /** The server without credentials, `postgres://user@host:5432/db`. */
    readonly target: string,
    message: string,
    readonly sqlState?: string,
  ) {
    super(message);
    this.name = 'PostgresError';
  }
}
