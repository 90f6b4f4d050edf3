/**
 * The Acme Ops database of the lab cluster: users, projects, ~100k tasks and ~200k audit-log
 * rows, generated deterministically in SQL, then the app's workload run a few times so
 * `pg_stat_statements` holds real timings.
 *
 * Planted in `default`: frequent statements filter large tables on unindexed columns
 * (`tasks.assignee_email`; `audit_log.entity_id` ordered by `created_at`; the foreign key
 * `tasks.assignee_id` in a join). `fixed` adds the three indexes. Both variants also run statements that must not be flagged: a sequential scan of a
 * small table, an unselective count over `tasks`, and index lookups.
 */
import pg from 'pg';

export type SeedVariant = 'default' | 'fixed';

export const LAB_DATABASE = 'acme';
/** The audit's role: reads statistics and data, owns nothing. */
export const LAB_ROLE = 'launchready';

const SCHEMA = `
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL DEFAULT 'member',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE projects (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  archived boolean NOT NULL DEFAULT false
);
CREATE TABLE tasks (
  id bigserial PRIMARY KEY,
  project_id bigint NOT NULL,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  priority int NOT NULL DEFAULT 2,
  assignee_id bigint,
  assignee_email text,
  due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id bigint NOT NULL,
  action text NOT NULL,
  actor_email text NOT NULL,
  payload jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;

// Fixed timestamps keep the data identical run to run.
const DATA = `
INSERT INTO users (email, name, role, created_at)
  SELECT 'user' || n || '@acme.test', 'User ' || n, CASE WHEN n % 50 = 0 THEN 'admin' ELSE 'member' END,
         timestamptz '2025-01-01' + n * interval '1 hour'
  FROM generate_series(1, 2000) n;
INSERT INTO projects (name, archived)
  SELECT 'Project ' || n, n % 8 = 0 FROM generate_series(1, 40) n;
INSERT INTO tasks (project_id, title, status, priority, assignee_id, assignee_email, due_at, created_at, updated_at)
  SELECT n % 40 + 1, 'Task ' || n,
         (ARRAY['open', 'in_progress', 'review', 'done'])[n % 4 + 1], n % 3 + 1,
         (n * 7919) % 2000 + 1, 'user' || ((n * 7919) % 2000 + 1) || '@acme.test',
         timestamptz '2026-01-01' + (n % 365) * interval '1 day',
         timestamptz '2025-06-01' + n * interval '2 minutes', timestamptz '2025-06-01' + n * interval '3 minutes'
  FROM generate_series(1, 100000) n;
INSERT INTO audit_log (entity_type, entity_id, action, actor_email, payload, created_at)
  SELECT CASE WHEN n % 10 = 0 THEN 'project' ELSE 'task' END, (n * 7) % 100000 + 1,
         (ARRAY['create', 'update', 'assign', 'comment', 'close'])[n % 5 + 1],
         'user' || (n % 2000 + 1) || '@acme.test', jsonb_build_object('n', n),
         timestamptz '2025-06-01' + n * interval '1 minute'
  FROM generate_series(1, 200000) n;
-- Constraints and indexes after the load: one pass each instead of a check per row.
ALTER TABLE tasks ADD FOREIGN KEY (project_id) REFERENCES projects(id), ADD FOREIGN KEY (assignee_id) REFERENCES users(id);
CREATE INDEX tasks_project_id_idx ON tasks (project_id);
`;

const FIXED_INDEXES = `
CREATE INDEX tasks_assignee_email_idx ON tasks (assignee_email);
CREATE INDEX audit_log_entity_id_created_at_idx ON audit_log (entity_id, created_at);
CREATE INDEX tasks_assignee_id_idx ON tasks (assignee_id);
`;

/** The app's statements with parameters (extended protocol, as a driver sends them). */
export const LAB_WORKLOAD: readonly { sql: string; params: (i: number) => unknown[]; times: number }[] = [
  // planted: no index on assignee_email in default
  { sql: "SELECT id, title, status, due_at FROM tasks WHERE assignee_email = $1 AND status <> 'done'", params: (i) => [`user${i * 37 + 5}@acme.test`], times: 6 },
  // planted: no index on entity_id in default; the page shows the latest 20 entries
  { sql: 'SELECT id, action, actor_email, created_at FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY created_at DESC LIMIT 20', params: (i) => ['task', i * 911 + 3], times: 6 },
  // planted: the foreign key tasks.assignee_id has no index in default, so "my tasks" hash-joins all tasks
  { sql: 'SELECT t.id, t.title, t.status FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE u.email = $1', params: (i) => [`user${i * 53 + 11}@acme.test`], times: 6 },
  // must not be flagged: unselective (a quarter of the rows), an index would not help
  { sql: 'SELECT count(*) FROM tasks WHERE status = $1', params: (i) => [['open', 'review'][i % 2]], times: 3 },
  // must not be flagged: indexed
  { sql: 'SELECT status, count(*) FROM tasks WHERE project_id = $1 GROUP BY status', params: (i) => [i + 1], times: 8 },
  { sql: 'SELECT id, email, name, role FROM users WHERE email = $1', params: (i) => [`user${i + 1}@acme.test`], times: 20 },
  { sql: 'SELECT t.id, t.title, u.name FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE t.id = ANY($1)', params: (i) => [[i + 1, i + 2, i + 3]], times: 10 },
  { sql: 'UPDATE tasks SET status = $1, updated_at = now() WHERE id = $2', params: (i) => ['review', i + 10], times: 5 },
  // must not be flagged: a sequential scan of a 40-row table
  { sql: 'SELECT id, name FROM projects WHERE archived = false ORDER BY name', params: () => [], times: 10 },
];

const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Creates the `acme` database, the audit role and (unless `seed` is false) the schema, data and
 * workload. `admin` is a superuser connection to the `postgres` database.
 */
export async function seedLabDatabase(
  admin: pg.ClientConfig,
  opts: { variant: SeedVariant; seed: boolean; statements: 'loaded' | 'not-loaded' | 'absent'; rolePassword: string },
): Promise<void> {
  const root = new pg.Client(admin);
  await root.connect();
  let version = 0;
  try {
    version = Number((await root.query<{ v: string }>('SHOW server_version_num')).rows[0]?.v ?? 0);
    // FILE_COPY (15+) copies template1 by files, quicker than logging every block.
    await root.query(`CREATE DATABASE ${LAB_DATABASE}${version >= 150000 ? ' STRATEGY = FILE_COPY' : ''}`);
    // pg_read_all_data arrived in 14; before it the role gets SELECT grants below.
    const roles = version >= 140000 ? 'pg_read_all_stats, pg_read_all_data' : 'pg_read_all_stats';
    await root.query(`CREATE ROLE ${LAB_ROLE} LOGIN PASSWORD ${quoteLiteral(opts.rolePassword)} IN ROLE ${roles}`);
  } finally {
    await root.end();
  }

  const db = new pg.Client({ ...admin, database: LAB_DATABASE });
  await db.connect();
  try {
    if (opts.statements !== 'absent') await db.query('CREATE EXTENSION pg_stat_statements');
    if (!opts.seed) return;
    // One transaction: with wal_level=minimal, tables created in it are written without WAL.
    await db.query(`BEGIN; ${SCHEMA} ${DATA} COMMIT;`);
    if (opts.variant === 'fixed') await db.query(FIXED_INDEXES);
    if (version < 140000) await db.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${LAB_ROLE}`);
    await db.query('ANALYZE');
    // Only the app's own traffic should be in the statistics, not the seeding.
    if (opts.statements === 'loaded') await db.query('SELECT pg_stat_statements_reset()');
    for (const w of LAB_WORKLOAD) {
      for (let i = 0; i < w.times; i++) await db.query(w.sql, w.params(i));
    }
  } finally {
    await db.end();
  }
}
