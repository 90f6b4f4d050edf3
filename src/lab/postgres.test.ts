import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { LAB_WORKLOAD } from './postgres-seed.js';
import { labPostgresAvailable, startLabPostgres } from './postgres.js';

describe.skipIf(!labPostgresAvailable())('startLabPostgres', { timeout: 40_000 }, () => {
  it('seeds the Acme Ops schema, runs the workload, and leaves nothing behind', async () => {
    const started = performance.now();
    const db = await startLabPostgres({ variant: 'default' });
    // The aim is a few seconds; the bound leaves room for a loaded CI machine.
    expect(performance.now() - started).toBeLessThan(25_000);
    const admin = new pg.Client(db.adminConfig);
    const dataDir = db.adminConfig.host as string;
    try {
      expect(db.url).toBe(`postgres://launchready:${db.password}@127.0.0.1:${db.port}/acme`);
      expect(db.port).not.toBe(5432);
      await admin.connect();
      const counts = await admin.query<{ t: string; n: number }>(
        "SELECT 'tasks' AS t, count(*)::int AS n FROM tasks UNION ALL SELECT 'audit_log', count(*)::int FROM audit_log UNION ALL SELECT 'users', count(*)::int FROM users ORDER BY 1",
      );
      expect(counts.rows).toEqual([{ t: 'audit_log', n: 200_000 }, { t: 'tasks', n: 100_000 }, { t: 'users', n: 2_000 }]);
      const indexes = (await admin.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename IN ('tasks', 'audit_log') ORDER BY 1")).rows.map((r) => r.indexname);
      expect(indexes).toEqual(['audit_log_pkey', 'tasks_pkey', 'tasks_project_id_idx']);
      // Only the workload is in the statistics, each statement as often as it ran.
      const stats = await admin.query<{ query: string; calls: string }>("SELECT query, calls::text FROM pg_stat_statements WHERE query LIKE 'SELECT id, action%' OR query LIKE 'SELECT id, title, status, due_at%'");
      expect(stats.rows.map((r) => r.calls)).toEqual(['6', '6']);
      expect((await admin.query("SELECT 1 FROM pg_stat_statements WHERE query LIKE 'INSERT INTO tasks%'")).rowCount).toBe(0);
    } finally {
      await admin.end().catch(() => undefined);
      await db.stop();
    }
    expect(existsSync(dataDir)).toBe(false);
    const probe = new pg.Client({ connectionString: db.url, connectionTimeoutMillis: 1_000 });
    probe.on('error', () => undefined);
    await expect(probe.connect()).rejects.toThrow();
  });

  it('fixed: the planted statements have their indexes; the audit role may read, not write', async () => {
    const db = await startLabPostgres({ variant: 'fixed' });
    const c = new pg.Client({ connectionString: db.url });
    try {
      await c.connect();
      const indexes = (await c.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename IN ('tasks', 'audit_log') ORDER BY 1")).rows.map((r) => r.indexname);
      expect(indexes).toEqual(['audit_log_entity_id_created_at_idx', 'audit_log_pkey', 'tasks_assignee_email_idx', 'tasks_assignee_id_idx', 'tasks_pkey', 'tasks_project_id_idx']);
      await expect(c.query("INSERT INTO projects (name) VALUES ('x')")).rejects.toThrow(/permission denied/);
      // pg_read_all_stats: the app's statements are visible to the audit role.
      const seen = await c.query("SELECT count(*)::int AS n FROM pg_stat_statements WHERE query <> '<insufficient privilege>' AND query LIKE 'SELECT%'");
      expect(seen.rows[0].n).toBeGreaterThanOrEqual(LAB_WORKLOAD.filter((w) => w.sql.startsWith('SELECT')).length);
    } finally {
      await c.end().catch(() => undefined);
      await db.stop();
    }
  });

  it('stop can be called twice', async () => {
    const db = await startLabPostgres({ seed: false, statements: 'absent' });
    await Promise.all([db.stop(), db.stop()]);
    await db.stop();
  });
});
