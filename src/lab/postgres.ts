/**
 * A throw-away PostgreSQL cluster for the lab: Debian's `initdb`/`postgres` binaries, a temporary
 * folder, a free loopback port, `pg_stat_statements` preloaded, the Acme Ops schema seeded and a
 * planted slow workload already run (see `postgres-seed.ts`). Everything goes away on `stop()`.
 *
 * PostgreSQL refuses to run as root: when this process is root the cluster runs as the
 * `postgres` system user (its folder chowned to it), otherwise as the current user.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { LAB_DATABASE, LAB_ROLE, seedLabDatabase, type SeedVariant } from './postgres-seed.js';

export interface LabPostgresOptions {
  /** `default`: the slow queries have no index; `fixed`: the matching indexes exist. */
  variant?: SeedVariant;
  /**
   * `loaded` (default): preloaded and created in the database; `not-loaded`: the extension is
   * created but not in `shared_preload_libraries` (its view errors); `absent`: neither.
   */
  statements?: 'loaded' | 'not-loaded' | 'absent';
  /** Seed the schema and run the workload (default true); false gives an empty `acme` database. */
  seed?: boolean;
  /** Bound on the whole start, initdb to seeded (default 30 s; a normal start takes 2–5 s). */
  timeoutMs?: number;
}

export interface LabPostgres {
  /** `postgres://launchready:<password>@127.0.0.1:<port>/acme`: the audit's read-only role. */
  url: string;
  /** The role's password (tests assert it never leaks). */
  password: string;
  port: number;
  /** Superuser URL through the Unix socket, for tests that need to look behind the audit. */
  adminConfig: pg.ClientConfig;
  stop(): Promise<void>;
}

interface Binaries { initdb: string; postgres: string; /** Where `pg_stat_statements.so` should be. */ libdirs: string[] }

const pgConfig = (flag: string): string | undefined => {
  try {
    return execFileSync('pg_config', [flag], { encoding: 'utf8', timeout: 3_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined; // no pg_config on PATH
  }
};

/** Debian's versioned folders first (newest), then whatever `pg_config --bindir` says. */
function findBinaries(): Binaries | undefined {
  const dirs: string[] = [];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => join(root, v, 'bin')));
  }
  const bindir = pgConfig('--bindir');
  if (bindir) dirs.push(bindir);
  for (const dir of dirs) {
    const initdb = join(dir, 'initdb');
    const postgres = join(dir, 'postgres');
    // Debian keeps the modules beside bin/; other layouts say where with pg_config.
    if (existsSync(initdb) && existsSync(postgres)) return { initdb, postgres, libdirs: [join(dir, '..', 'lib'), ...(dir === bindir ? [pgConfig('--pkglibdir') ?? ''] : [])] };
  }
  return undefined;
}

/** uid/gid of the `postgres` system user from /etc/passwd (root only needs it). */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
    const [, , uid, gid] = line?.split(':') ?? [];
    return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
  } catch {
    return undefined;
  }
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Whether a lab cluster can start here: the binaries and the pg_stat_statements module exist
 * and, as root, a `postgres` user to run them.
 */
export function labPostgresAvailable(): boolean {
  const bins = findBinaries();
  return !!bins && bins.libdirs.some((d) => d && existsSync(join(d, 'pg_stat_statements.so'))) && (!isRoot() || postgresUser() !== undefined);
}

/** A free loopback port (never the shared server's 5432). */
async function freePort(): Promise<number> {
  for (let i = 0; i < 5; i++) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
      });
    });
    if (port && port !== 5432) return port;
  }
  throw new Error('no free port for the lab PostgreSQL');
}

function run(cmd: string, args: string[], opts: { uid?: number; gid?: number; timeoutMs: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { uid: opts.uid, gid: opts.gid, stdio: ['ignore', 'pipe', 'pipe'], env: { LC_ALL: 'C' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4_000)));
    child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4_000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} exited with ${code ?? signal}: ${out.trim()}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the socket until the server accepts a connection, the process dies or the deadline passes. */
async function waitReady(config: pg.ClientConfig, child: ChildProcess, deadline: number, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`postgres exited during start: ${log()}`);
    const client = new pg.Client({ ...config, connectionTimeoutMillis: 1_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error(`postgres did not accept connections in time: ${log()}`);
    await sleep(50);
  }
  throw new Error('postgres did not accept connections');
}

/** Fast shutdown (SIGINT), then SIGKILL if it lingers. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Starts a seeded cluster; throws (after cleaning up) when the binaries are missing or it fails. */
export async function startLabPostgres(opts: LabPostgresOptions = {}): Promise<LabPostgres> {
  const bins = findBinaries();
  if (!bins) throw new Error('PostgreSQL binaries not found (initdb/postgres under /usr/lib/postgresql/*/bin or pg_config --bindir)');
  const owner = isRoot() ? postgresUser() : undefined;
  if (isRoot() && !owner) throw new Error('running as root and there is no postgres system user to run the cluster');
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  const statements = opts.statements ?? 'loaded';

  const dir = await mkdtemp(join(tmpdir(), 'launchready-pg-'));
  let child: ChildProcess | undefined;
  const onExit = () => child?.kill('SIGKILL');
  const cleanup = async () => {
    process.off('exit', onExit);
    if (child) await stopServer(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const data = join(dir, 'data');
    await mkdir(data, { mode: 0o700 });
    const superPassword = randomBytes(12).toString('hex');
    const pwfile = join(dir, 'pwfile');
    await writeFile(pwfile, `${superPassword}\n`, { mode: 0o600 });
    if (owner) for (const p of [dir, data, pwfile]) await chown(p, owner.uid, owner.gid);

    // Trust on the socket (the seeding), passwords over TCP (what the audit uses).
    await run(bins.initdb, ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`, '--no-sync', '--no-instructions', '--locale=C', '-E', 'UTF8'], { ...owner, timeoutMs: Math.max(1_000, deadline - Date.now()) });

    const port = await freePort();
    const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'wal_level=minimal', '-c', 'max_wal_senders=0', '-c', 'max_connections=20', '-c', 'shared_buffers=32MB'];
    if (statements === 'loaded') args.push('-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all');
    let log = '';
    child = spawn(bins.postgres, args, { uid: owner?.uid, gid: owner?.gid, stdio: ['ignore', 'pipe', 'pipe'], env: { LC_ALL: 'C' } });
    process.once('exit', onExit);
    const keep = (d: Buffer) => (log = (log + d.toString()).slice(-4_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);

    const admin: pg.ClientConfig = { host: dir, port, user: 'postgres', database: 'postgres' };
    await waitReady(admin, child, deadline, () => log.trim());

    const password = randomBytes(12).toString('hex');
    await seedLabDatabase({ ...admin, statement_timeout: Math.max(1_000, deadline - Date.now()) }, {
      variant: opts.variant ?? 'default',
      seed: opts.seed ?? true,
      statements,
      rolePassword: password,
    });
    if (Date.now() > deadline) throw new Error('the lab PostgreSQL took too long to start');

    let stopped: Promise<void> | undefined;
    return {
      url: `postgres://${LAB_ROLE}:${password}@127.0.0.1:${port}/${LAB_DATABASE}`,
      password,
      port,
      adminConfig: { ...admin, database: LAB_DATABASE },
      stop: () => (stopped ??= cleanup()),
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
