/**
 * Read-only PostgreSQL sessions on `pg`: the one way a check reaches a database. Every session is
 * one `READ ONLY` transaction with a statement and lock timeout, rolled back on close, so nothing
 * a check runs can change data. The server's name resolves through the run's resolver; the URL's
 * password never appears in an error (`redactDatabaseUrl`).
 *
 * Settings go in with `SET LOCAL` after `BEGIN`, not as startup parameters: PgBouncer refuses
 * unknown startup parameters, and `SET LOCAL` stays on one server connection under transaction
 * pooling.
 */
import { isIP } from 'node:net';
import type pg from 'pg';
import {
  PostgresError,
  type PostgresClient,
  type PostgresConnectOptions,
  type PostgresErrorCode,
  type PostgresSession,
} from './postgres-types.js';

export type { PostgresClient, PostgresConnectOptions, PostgresSession, PostgresErrorCode } from './postgres-types.js';
export { PostgresError } from './postgres-types.js';

export interface PostgresClientOptions {
  /** Connect deadline, and the default statement timeout. */
  timeoutMs: number;
  /** Resolves the server's name (default: handed to `pg` as is). */
  lookup?: (host: string) => Promise<string>;
  /** Extra trusted roots (PEM) for `sslmode=verify-ca|verify-full`. */
  ca?: string;
}

export interface DatabaseTarget {
  host: string;
  port: number;
  user?: string;
  password?: string;
  database?: string;
  /** libpq's sslmode: `disable` unless the URL says otherwise (`ssl=true` reads as `require`). */
  sslmode: 'disable' | 'require' | 'verify-ca' | 'verify-full';
  /** `postgres://user@host:port/db`: no password, for messages and evidence. */
  display: string;
}

const param = (u: URL, name: string) => u.searchParams.get(name) ?? undefined;

/** Parses `postgres://` / `postgresql://` URLs the way libpq reads them (host, port, dbname, sslmode). */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PostgresError('BAD_URL', '(unparsable database URL)', 'the database URL is not a URL');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new PostgresError('BAD_URL', `${u.protocol}//${u.host}`, `unsupported scheme ${u.protocol} (use postgres://)`);
  }
  const host = param(u, 'host') ?? (u.hostname.replace(/^\[|\]$/g, '') || 'localhost');
  const port = Number(param(u, 'port') ?? (u.port || 5432));
  const user = param(u, 'user') ?? (u.username ? decodeURIComponent(u.username) : undefined);
  const password = param(u, 'password') ?? (u.password ? decodeURIComponent(u.password) : undefined);
  const database = param(u, 'dbname') ?? (decodeURIComponent(u.pathname.replace(/^\//, '')) || user);
  const mode = param(u, 'sslmode') ?? (/^(true|1|require)$/i.test(param(u, 'ssl') ?? '') ? 'require' : 'disable');
  // `prefer`/`allow` would retry without TLS; reading statistics does not need that fallback.
  const sslmode = mode === 'verify-full' || mode === 'verify-ca' ? mode : mode === 'require' || mode === 'prefer' || mode === 'no-verify' ? 'require' : 'disable';
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const display = host.startsWith('/')
    ? `postgres://${user ? `${user}@` : ''}/${database ?? ''}?host=${host}`
    : `postgres://${user ? `${user}@` : ''}${shownHost}:${port}/${database ?? ''}`;
  return { host, port, user, password, database, sslmode, display };
}

/** The URL without its password (`postgres://user@host:port/db`), for messages and evidence. */
export function redactDatabaseUrl(url: string): string {
  try {
    return parseDatabaseUrl(url).display;
  } catch (err) {
    return err instanceof PostgresError ? err.target : '(database URL)';
  }
}

/** Removes the password wherever a driver message might have echoed it. */
function scrub(text: string, password: string | undefined): string {
  if (!password || password.length < 3) return text;
  return text.split(password).join('***');
}

function toPostgresError(err: unknown, target: DatabaseTarget, phase: 'connect' | 'query'): PostgresError {
  if (err instanceof PostgresError) return err;
  const e = (err ?? {}) as { code?: string; message?: string };
  const message = scrub(e.message ?? String(err), target.password);
  const sqlState = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
  let code: PostgresErrorCode;
  if (sqlState === '57014') code = 'TIMEOUT';
  else if (sqlState === '28P01' || sqlState === '28000') code = 'AUTH';
  else if (sqlState === '3D000') code = 'NO_DATABASE';
  else if (sqlState) code = phase === 'connect' ? 'NETWORK' : 'QUERY';
  else if (e.code === 'ECONNREFUSED') code = 'REFUSED';
  else if (e.code === 'ETIMEDOUT' || /timeout|timed out/i.test(message)) code = 'TIMEOUT';
  else if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'DNS') code = 'DNS';
  else if (/SSL|TLS|certificate/i.test(message)) code = 'TLS';
  else if (/password|SASL|SCRAM|authentication/i.test(message)) code = 'AUTH';
  else code = phase === 'connect' ? 'NETWORK' : 'QUERY';
  return new PostgresError(code, target.display, `${target.display}: ${message}`, sqlState);
}

function withDeadline<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref?.();
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** The real client: `connect` opens one read-only transaction on a fresh connection. */
export function createPostgresClient(opts: PostgresClientOptions): PostgresClient {
  return {
    async connect(url: string, o: PostgresConnectOptions = {}): Promise<PostgresSession> {
      const target = parseDatabaseUrl(url);
      const timeoutMs = o.timeoutMs ?? opts.timeoutMs;
      const statementTimeoutMs = Math.max(1, Math.round(o.statementTimeoutMs ?? Math.max(timeoutMs, 5_000)));
      if (o.signal?.aborted) throw new PostgresError('ABORTED', target.display, `${target.display}: aborted`);

      let address = target.host;
      if (!target.host.startsWith('/') && !isIP(target.host)) {
        if (target.host === 'localhost') address = '127.0.0.1';
        else if (opts.lookup) {
          try {
            address = await withDeadline(opts.lookup(target.host), timeoutMs, () => new Error(`resolving ${target.host} timed out`));
          } catch (err) {
            throw new PostgresError('DNS', target.display, `${target.display}: cannot resolve ${target.host} (${(err as Error).message})`);
          }
        }
      }
      const ssl: pg.ClientConfig['ssl'] =
        target.sslmode === 'disable'
          ? false
          : {
              rejectUnauthorized: target.sslmode !== 'require',
              ...(opts.ca ? { ca: opts.ca } : {}),
              // The certificate names the server, not the address it resolved to.
              ...(isIP(target.host) || target.host.startsWith('/') ? {} : { servername: target.host }),
              ...(target.sslmode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
            };
      // Loaded on first use: 70 ms of start-up that only database checks need.
      const { default: driver } = await import('pg');
      const client = new driver.Client({
        host: address,
        port: target.port,
        user: target.user,
        password: target.password,
        database: target.database,
        ssl,
        application_name: 'launchready',
        connectionTimeoutMillis: timeoutMs,
        // A client-side backstop in case the server ignores the statement timeout.
        query_timeout: statementTimeoutMs + 2_000,
      });
      // A dropped connection surfaces on the next query; an unhandled 'error' would crash the run.
      client.on('error', () => undefined);
      const kill = () => void client.end().catch(() => undefined);
      o.signal?.addEventListener('abort', kill, { once: true });

      const raw = async <R>(sql: string, params?: unknown[]): Promise<R[]> => (await client.query(sql, params)).rows as R[];
      try {
        await withDeadline(client.connect(), timeoutMs + 1_000, () => new Error('connection timeout'));
        await raw('BEGIN READ ONLY');
        await raw(`SET LOCAL statement_timeout = ${statementTimeoutMs}`);
        await raw(`SET LOCAL lock_timeout = ${Math.min(statementTimeoutMs, 2_000)}`);
        await raw(`SET LOCAL idle_in_transaction_session_timeout = ${statementTimeoutMs * 4}`);
      } catch (err) {
        o.signal?.removeEventListener('abort', kill);
        kill();
        throw toPostgresError(err, target, 'connect');
      }
      const version = Number((await raw<{ server_version_num: string }>('SHOW server_version_num').catch(() => []))[0]?.server_version_num ?? 0);

      let savepoints = 0;
      return {
        serverVersion: version,
        database: target.database ?? '',
        display: target.display,
        async query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]> {
          if (o.signal?.aborted) throw new PostgresError('ABORTED', target.display, `${target.display}: aborted`);
          // A savepoint per statement: one failing statement must not abort the whole session.
          const sp = `launchready_${++savepoints}`;
          try {
            await raw(`SAVEPOINT ${sp}`);
            const rows = await raw<R>(sql, params);
            await raw(`RELEASE SAVEPOINT ${sp}`);
            return rows;
          } catch (err) {
            await raw(`ROLLBACK TO SAVEPOINT ${sp}`).catch(() => undefined);
            throw toPostgresError(err, target, 'query');
          }
        },
        async close() {
          o.signal?.removeEventListener('abort', kill);
          await withDeadline(raw('ROLLBACK'), 2_000, () => new Error('rollback timeout')).catch(() => undefined);
          await withDeadline(client.end(), 2_000, () => new Error('close timeout')).catch(() => undefined);
        },
      };
    },
  };
}
