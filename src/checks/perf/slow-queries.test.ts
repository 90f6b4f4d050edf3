import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditRun, CheckResult } from '../../core/types.js';
import { summarize } from '../../core/processors.js';
import { startLab, type Lab } from '../../lab/index.js';
import { labPostgresAvailable, startLabPostgres, type LabPostgres } from '../../lab/postgres.js';
import { REPORT_FORMATS, renderReport } from '../../reporters/index.js';
import { runAgainstLab } from '../../test-support/check-tester.js';
import slowQueries, { enableSteps, topEvidence } from './slow-queries.js';

const show = (rs: CheckResult[]) => rs.map((r) => `${r.status} ${r.target} ${r.messageId ?? ''}: ${r.message}`).join('\n');

// The lab database needs PostgreSQL's binaries; without them these cases are skipped, not failed.
describe.skipIf(!labPostgresAvailable())('perf.slow-queries against the lab database', { timeout: 60_000 }, () => {
  const labs = new Map<'default' | 'fixed', Promise<Lab>>();
  const bare: Promise<LabPostgres>[] = [];
  const everything: CheckResult[] = [];
  const lab = (variant: 'default' | 'fixed') => {
    let l = labs.get(variant);
    if (!l) labs.set(variant, (l = startLab({ variant, postgres: true })));
    return l;
  };
  const run = async (l: Lab, edit?: (raw: Record<string, any>) => void) => {
    const { results } = await runAgainstLab(slowQueries, l, edit);
    everything.push(...results);
    return results;
  };
  afterAll(async () => {
    await Promise.all([...labs.values(), ...bare].map(async (l) => (await l).stop()));
  });

  it('fail: default scans tasks and audit_log sequentially, with the index to add', async () => {
    const results = await run(await lab('default'));
    const fails = results.filter((r) => r.status === 'fail');
    expect(fails.every((r) => r.messageId === 'seqScan' && r.severity === 'medium'), show(results)).toBe(true);
    const tasks = fails.find((r) => r.evidence?.suggestedIndex === 'CREATE INDEX CONCURRENTLY tasks_assignee_email_idx ON tasks (assignee_email);');
    const audit = fails.find((r) => r.target.startsWith('audit_log ('));
    expect(tasks?.target, show(results)).toMatch(/^tasks \(statement [0-9a-f]{8}\)$/);
    // Equality on the entity first, then the ORDER BY column: the index also returns rows sorted.
    expect(audit?.evidence?.suggestedIndex).toMatch(/^CREATE INDEX CONCURRENTLY \w+ ON audit_log \(entity_id, entity_type, created_at\);$/);
    expect(audit?.evidence).toMatchObject({ table: 'audit_log', tableRows: 200_000, calls: 6 });
    expect(audit?.evidence?.statement).toMatch(/FROM audit_log WHERE entity_type = \$1 AND entity_id = \$2 ORDER BY created_at DESC/);
    expect((audit?.evidence?.plan as string[]).some((l) => /Seq Scan on audit_log/.test(l))).toBe(true);
    expect(tasks?.remediation).toContain('CREATE INDEX CONCURRENTLY tasks_assignee_email_idx');
    expect(tasks?.message).toMatch(/^Sequential scan over tasks \(~100000 rows\) keeps ≈\d+ for a statement run 6 times .*; suggested index: CREATE INDEX CONCURRENTLY tasks_assignee_email_idx/);
    // The foreign key without an index: a hash join reads every task to match one user's.
    const join = fails.find((r) => /JOIN users/.test(String(r.evidence?.statement)));
    expect(join?.evidence?.suggestedIndex, show(results)).toBe('CREATE INDEX CONCURRENTLY tasks_assignee_id_idx ON tasks (assignee_id);');
    // Never flagged: the 40-row projects table, the unselective count by status, indexed lookups.
    expect(fails).toHaveLength(3);
  });

  it('pass: fixed has the indexes, and lists the top statements', async () => {
    const results = await run(await lab('fixed'));
    expect(results.map((r) => r.status), show(results)).toEqual(['pass']);
    const [r] = results;
    expect(r!.target).toMatch(/^postgres:\/\/launchready@127\.0\.0\.1:\d+\/acme$/);
    const top = r!.evidence?.topByMean as { statement: string; meanMs: number }[];
    expect(top.length).toBeGreaterThanOrEqual(3);
    // The unselective count by status is the slowest left, and rightly not flagged.
    expect(top[0]!.statement).toBe('SELECT count(*) FROM tasks WHERE status = $1');
  });

  it('reading the statistics does not add to the application statements', async () => {
    const l = await lab('fixed');
    const client = new pg.Client(l.postgres!.adminConfig);
    await client.connect();
    const calls = async () =>
      (await client.query<{ calls: string; query: string }>("SELECT calls::text, query FROM pg_stat_statements WHERE query LIKE 'SELECT id, action%' ORDER BY query")).rows;
    try {
      const before = await calls();
      await run(l);
      expect(await calls()).toEqual(before);
    } finally {
      await client.end();
    }
  });

  it('skip: no database configured', async () => {
    const results = await run(await lab('default'), (raw) => { delete raw.database; });
    expect(results.map((r) => r.status)).toEqual(['skip']);
  });

  it('skip: a database URL that is not PostgreSQL', async () => {
    const results = await run(await lab('default'), (raw) => { raw.database.url = 'mysql://app:hunter2-mysql@127.0.0.1:3306/acme'; });
    expect(results.map((r) => r.status)).toEqual(['skip']);
    expect(results[0]!.message).toContain('only PostgreSQL');
  });

  it('skip with the steps: extension neither loaded nor created, then created but not loaded', async () => {
    const started = startLabPostgres({ statements: 'absent', seed: false });
    bare.push(started);
    const pgLab = await started;
    const l = await lab('default');
    const absent = await run(l, (raw) => { raw.database.url = pgLab.url; });
    expect(absent.map((r) => r.status), show(absent)).toEqual(['skip']);
    expect(absent[0]!.message).toMatch(/shared_preload_libraries.*restart.*CREATE EXTENSION IF NOT EXISTS pg_stat_statements/s);

    const admin = new pg.Client(pgLab.adminConfig);
    await admin.connect();
    await admin.query('CREATE EXTENSION pg_stat_statements').finally(() => admin.end());
    const notLoaded = await run(l, (raw) => { raw.database.url = pgLab.url; });
    expect(notLoaded.map((r) => r.status), show(notLoaded)).toEqual(['skip']);
    expect(notLoaded[0]!.message).toMatch(/not loaded.*shared_preload_libraries.*restart/s);
  });

  it('error: nothing listens at the URL', async () => {
    const results = await run(await lab('default'), (raw) => { raw.database.url = 'postgres://launchready:Very-S3cret-Pass@127.0.0.1:9/acme'; });
    expect(results.map((r) => r.status), show(results)).toEqual(['error']);
    expect(results[0]!.target).toBe('postgres://launchready@127.0.0.1:9/acme');
    expect(results[0]!.evidence?.code).toBe('REFUSED');
  });

  it('error: a wrong password', async () => {
    const l = await lab('default');
    const url = l.postgres!.url.replace(l.postgres!.password, 'Wrong-Pass-4321');
    const results = await run(l, (raw) => { raw.database.url = url; });
    expect(results.map((r) => r.status), show(results)).toEqual(['error']);
    expect(results[0]!.evidence?.code).toBe('AUTH');
  });

  it('error: a role that may not read other roles\' statements, or the tables to explain them', async () => {
    const l = await lab('default');
    const admin = new pg.Client(l.postgres!.adminConfig);
    await admin.connect();
    try {
      // Utility statements are stored verbatim: these passwords sit in pg_stat_statements now.
      await admin.query("CREATE ROLE nostats LOGIN PASSWORD 'Nostats-Pass-777'");
      await admin.query("CREATE ROLE statsonly LOGIN PASSWORD 'Statsonly-Pass-888' IN ROLE pg_read_all_stats");
    } finally {
      await admin.end();
    }
    const as = (user: string, password: string) => (raw: Record<string, any>) => { raw.database.url = `postgres://${user}:${password}@127.0.0.1:${l.postgres!.port}/acme`; };
    const hidden = await run(l, as('nostats', 'Nostats-Pass-777'));
    expect(hidden.map((r) => r.status), show(hidden)).toEqual(['error']);
    expect(hidden[0]!.evidence?.code).toBe('PRIVILEGE');
    expect(hidden[0]!.message).toContain('pg_read_all_stats');
    const noData = await run(l, as('statsonly', 'Statsonly-Pass-888'));
    expect(noData.map((r) => r.status), show(noData)).toEqual(['error']);
    expect(noData[0]!.evidence?.code).toBe('EXPLAIN');
    expect(noData[0]!.message).toMatch(/permission denied/);
  });

  it('no output shows a password', async () => {
    const secrets = ['Very-S3cret-Pass', 'Wrong-Pass-4321', 'hunter2-mysql', 'Nostats-Pass-777', 'Statsonly-Pass-888', (await lab('default')).postgres!.password, (await lab('fixed')).postgres!.password];
    expect(everything.length).toBeGreaterThanOrEqual(10);
    const auditRun: AuditRun = {
      tool: { name: 'launchready', version: 'test' }, project: 'Acme Ops', startedAt: new Date(0).toISOString(), durationMs: 1,
      results: everything, summary: summarize(everything),
    };
    const outputs = [JSON.stringify(everything), ...REPORT_FORMATS.map((f) => renderReport(f, auditRun, { checks: [slowQueries], verbose: true }))];
    for (const out of outputs) for (const secret of secrets) expect(out.includes(secret), `a report shows ${secret.slice(0, 3)}…`).toBe(false);
  });
});

describe('enableSteps', () => {
  it.each([
    [{ ok: false, reason: 'notCreated', preloaded: true } as const, /loaded but not created.*CREATE EXTENSION/, /shared_preload_libraries/],
    [{ ok: false, reason: 'notCreated', preloaded: false } as const, /shared_preload_libraries.*restart.*CREATE EXTENSION/s, undefined],
    [{ ok: false, reason: 'notCreated' } as const, /shared_preload_libraries.*restart.*CREATE EXTENSION/s, undefined],
    [{ ok: false, reason: 'notLoaded', preloaded: false } as const, /not loaded it.*shared_preload_libraries.*restart/s, /CREATE EXTENSION/],
  ])('%j', (avail, want, unwanted) => {
    const text = enableSteps(avail, 'acme');
    expect(text).toMatch(want);
    if (unwanted) expect(text).not.toMatch(unwanted);
  });
});

describe('topEvidence', () => {
  it('lists both rankings and real explain failures only', () => {
    const base = { calls: 10, rows: 10, issues: [] };
    const ev = topEvidence({
      serverVersion: 150000,
      hidden: 2,
      entries: 9,
      statements: [
        { ...base, queryid: '1', query: 'SELECT a FROM t WHERE x = $1', totalMs: 100, meanMs: 10, fingerprint: 'aaaa', rankByMean: 1, rankByTotal: 1, plan: ['Index Scan using t_x_idx on t'] },
        { ...base, queryid: '2', query: 'SELECT b FROM u', totalMs: 50, meanMs: 5, fingerprint: 'bbbb', rankByTotal: 2, planError: 'permission denied for table u' },
        { ...base, queryid: '3', query: 'INSERT INTO t VALUES ($1)', totalMs: 5, meanMs: 20, fingerprint: 'cccc', rankByMean: 2, planSkipped: 'notExplainable' },
      ],
    });
    expect(ev).toMatchObject({
      serverVersion: 150000,
      explained: 1,
      hiddenEntries: 2,
      unexplained: [{ statement: 'SELECT b FROM u', reason: 'permission denied for table u' }],
    });
    expect((ev.topByMean as { statement: string }[]).map((s) => s.statement)).toEqual(['SELECT a FROM t WHERE x = $1', 'INSERT INTO t VALUES ($1)']);
    expect((ev.topByMean as { plan?: string }[])[0]!.plan).toBe('Index Scan using t_x_idx on t');
    expect((ev.topByTotal as { statement: string }[]).map((s) => s.statement)).toEqual(['SELECT a FROM t WHERE x = $1', 'SELECT b FROM u']);
  });
});
