import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labPostgresAvailable, startLabPostgres, type LabPostgres } from '../lab/postgres.js';
import { createPostgresClient, parseDatabaseUrl, PostgresError, redactDatabaseUrl } from './postgres.js';

describe('parseDatabaseUrl', () => {
  it.each([
    ['postgres://app:s3cret@db.example.com:6432/shop', { host: 'db.example.com', port: 6432, user: 'app', password: 's3cret', database: 'shop', sslmode: 'disable', display: 'postgres://app@db.example.com:6432/shop' }],
    ['postgresql://app@db/shop?sslmode=verify-full', { host: 'db', port: 5432, database: 'shop', sslmode: 'verify-full', display: 'postgres://app@db:5432/shop' }],
    ['postgres://app:p%40ss%3Aword@10.0.0.5/shop?sslmode=require', { password: 'p@ss:word', sslmode: 'require', display: 'postgres://app@10.0.0.5:5432/shop' }],
    ['postgres://app:pw@[::1]:5433/x?ssl=true', { host: '::1', port: 5433, sslmode: 'require', display: 'postgres://app@[::1]:5433/x' }],
    ['postgres:///shop?host=/var/run/postgresql&user=app', { host: '/var/run/postgresql', user: 'app', database: 'shop', display: 'postgres://app@/shop?host=/var/run/postgresql' }],
    ['postgres://app@db?dbname=shop&password=pw&sslmode=prefer', { database: 'shop', password: 'pw', sslmode: 'require' }],
    ['postgres://app@db', { database: 'app' }],
  ])('%s', (url, want) => expect(parseDatabaseUrl(url)).toMatchObject(want));

  it.each([
    ['not a url', '(unparsable database URL)'],
    ['mysql://root:pw@db:3306/x', 'mysql://db:3306'],
  ])('%s is refused without echoing credentials', (url, target) => {
    expect(() => parseDatabaseUrl(url)).toThrow(PostgresError);
    expect(redactDatabaseUrl(url)).toBe(target);
  });

  it('the redacted form never holds the password', () => {
    for (const url of ['postgres://u:Tr1cky-Pass@h/db', 'postgres://u@h/db?password=Tr1cky-Pass', 'postgresql://u:Tr1cky-Pass@h:1/db?sslmode=require']) {
      expect(redactDatabaseUrl(url)).not.toContain('Tr1cky-Pass');
    }
  });
});

describe.skipIf(!labPostgresAvailable())('createPostgresClient against a lab cluster', { timeout: 30_000 }, () => {
  let db: LabPostgres;
  beforeAll(async () => {
    db = await startLabPostgres({ seed: false });
  }, 30_000);
  afterAll(async () => db?.stop());
  const client = (lookup?: (h: string) => Promise<string>) => createPostgresClient({ timeoutMs: 3_000, lookup });
  const failure = async (p: Promise<unknown>): Promise<PostgresError> => {
    try {
      await p;
    } catch (err) {
      return err as PostgresError;
    }
    throw new Error('expected a failure');
  };

  it('opens a read-only transaction: writes fail, the session stays usable', async () => {
    const s = await client().connect(db.url);
    try {
      expect(s.serverVersion).toBeGreaterThanOrEqual(100000);
      expect(s.database).toBe('acme');
      expect(s.display).toBe(`postgres://launchready@127.0.0.1:${db.port}/acme`);
      const err = await failure(s.query('CREATE TABLE intruder (id int)'));
      expect(err).toMatchObject({ code: 'QUERY', sqlState: '25006' });
      expect(await s.query<{ ro: string }>('SHOW transaction_read_only')).toEqual([{ transaction_read_only: 'on' }]);
    } finally {
      await s.close();
    }
  });

  it('bounds every statement', async () => {
    const s = await client().connect(db.url, { statementTimeoutMs: 200 });
    try {
      const started = performance.now();
      expect(await failure(s.query('SELECT pg_sleep(5)'))).toMatchObject({ code: 'TIMEOUT', sqlState: '57014' });
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(await s.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await s.close();
    }
  });

  it('resolves the name through the given lookup', async () => {
    const asked: string[] = [];
    const s = await client(async (h) => (asked.push(h), '127.0.0.1')).connect(db.url.replace('127.0.0.1', 'db.acme.test'));
    await s.close();
    expect(asked).toEqual(['db.acme.test']);
    const err = await failure(client(async () => { throw new Error('NXDOMAIN'); }).connect(db.url.replace('127.0.0.1', 'nowhere.acme.test')));
    expect(err.code).toBe('DNS');
    expect(err.message).not.toContain(db.password);
  });

  it.each([
    ['refused', (u: string) => u.replace(/:\d+\//, ':9/'), 'REFUSED'],
    ['a wrong password', (u: string) => u.replace(/:[0-9a-f]{24}@/, ':Wrong-Pass-1234@'), 'AUTH'],
    ['an unknown database', (u: string) => u.replace(/\/acme$/, '/nope'), 'NO_DATABASE'],
    ['TLS asked of a server without it', (u: string) => `${u}?sslmode=require`, 'TLS'],
  ])('%s → %s, and no password in the error', async (_name, edit, code) => {
    const url = edit(db.url);
    const err = await failure(client().connect(url));
    expect(err).toBeInstanceOf(PostgresError);
    expect(err.code).toBe(code);
    expect(`${err.message} ${err.target} ${err.stack}`).not.toContain(db.password);
    expect(err.message).not.toContain('Wrong-Pass-1234');
    expect(err.target).toBe(redactDatabaseUrl(url));
  });

  it('an aborted run does not connect', async () => {
    const ctl = new AbortController();
    ctl.abort();
    expect((await failure(client().connect(db.url, { signal: ctl.signal }))).code).toBe('ABORTED');
  });
});
