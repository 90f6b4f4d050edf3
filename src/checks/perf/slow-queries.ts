/**
 * perf.slow-queries: the slowest statements of the configured PostgreSQL database, from
 * `pg_stat_statements`, with their generic plans (EXPLAIN, never ANALYZE, in a read-only
 * transaction). A selective filter answered by a sequential scan over a large table fails with a
 * concrete `CREATE INDEX CONCURRENTLY …`; everything else passes with the top statements listed.
 */
import { createCheck } from '../../core/create-check.js';
import type { CheckContext, Evidence } from '../../core/types.js';
import { redactDatabaseUrl } from '../../context/postgres.js';
import type { PostgresSession } from '../../context/types.js';
import {
  analyseSlowQueries,
  MAX_SELECTIVITY,
  MIN_TABLE_ROWS,
  shortStatement,
  statsAvailability,
  type AnalysedStatement,
  type SlowQueryAnalysis,
  type StatsAvailability,
} from '../../engines/pg-stats/index.js';

/** Statements listed per ranking in evidence. */
const LISTED = 5;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------- judging (pure)

/** The steps to turn statement statistics on, for a `skip`. */
export function enableSteps(avail: Exclude<StatsAvailability, { ok: true }>, database: string): string {
  const create = `run \`CREATE EXTENSION IF NOT EXISTS pg_stat_statements;\` in database ${database} (as a superuser or the database owner)`;
  const preload =
    'add `pg_stat_statements` to `shared_preload_libraries` in postgresql.conf (managed services: the parameter group or database flags; keep the libraries already listed)';
  const after = 'let the app serve its usual traffic, then audit again';
  if (avail.reason === 'notCreated' && avail.preloaded) {
    return `pg_stat_statements is loaded but not created in database ${database}: ${create}, ${after}.`;
  }
  if (avail.reason === 'notLoaded') {
    return `pg_stat_statements is created in database ${database} but the server has not loaded it: 1. ${preload}; 2. restart PostgreSQL (a reload is not enough); 3. ${after}.`;
  }
  return `pg_stat_statements is not enabled: 1. ${preload}; 2. restart PostgreSQL (a reload is not enough); 3. ${create}; 4. ${after}.`;
}

/** One line of the top-statement lists in evidence. */
function listed(st: AnalysedStatement): Evidence {
  return {
    statement: shortStatement(st.query),
    calls: st.calls,
    meanMs: round(st.meanMs),
    totalMs: round(st.totalMs, 0),
    // The scans say more than the root node (`Aggregate`, `Limit`).
    ...(st.plan ? { plan: st.plan.filter((l) => /Scan/.test(l)).map((l) => l.trim()).join('; ') || st.plan[0]!.trim() } : {}),
  };
}

/** Evidence of a pass: both rankings and what could not be explained. */
export function topEvidence(a: SlowQueryAnalysis): Evidence {
  const byMean = a.statements.filter((s) => s.rankByMean).sort((x, y) => x.rankByMean! - y.rankByMean!).slice(0, LISTED);
  const byTotal = a.statements.filter((s) => s.rankByTotal).sort((x, y) => x.rankByTotal! - y.rankByTotal!).slice(0, LISTED);
  const unexplained = a.statements.filter((s) => s.planError);
  return {
    serverVersion: a.serverVersion,
    topByMean: byMean.map(listed),
    topByTotal: byTotal.map(listed),
    explained: a.statements.filter((s) => s.plan).length,
    ...(unexplained.length ? { unexplained: unexplained.map((s) => ({ statement: shortStatement(s.query, 80), reason: s.planError })) } : {}),
    ...(a.hidden ? { hiddenEntries: a.hidden, note: 'some statements belong to roles this one may not read: GRANT pg_read_all_stats to it' } : {}),
  };
}

// ---------------------------------------------------------------- gathering

async function analyse(ctx: CheckContext, session: PostgresSession, target: string): Promise<void> {
  const avail = await statsAvailability(session);
  if (!avail.ok) return ctx.skip(target, enableSteps(avail, session.database));
  const analysis = await analyseSlowQueries(session, avail);

  if (analysis.statements.length === 0) {
    if (analysis.hidden > 0) {
      return ctx.error(target, {
        code: 'PRIVILEGE',
        message: `all ${analysis.hidden} statements belong to other roles and read as <insufficient privilege>: GRANT pg_read_all_stats (and pg_read_all_data, or SELECT on the tables, for the plans) to the role in database.url`,
      });
    }
    return ctx.skip(target, 'pg_stat_statements holds no application statements yet (just reset, or no traffic): let the app serve its usual traffic, then audit again');
  }
  // Judging nothing is not a pass: when every statement worth a plan failed to get one, say so.
  const tried = analysis.statements.filter((s) => s.plan || s.planError);
  if (tried.length > 0 && tried.every((s) => !s.plan)) {
    return ctx.error(target, { code: 'EXPLAIN', message: `none of the slowest statements could be explained: ${tried[0]!.planError}` }, topEvidence(analysis));
  }

  let failed = false;
  for (const st of analysis.statements) {
    for (const issue of st.issues) {
      failed = true;
      const s = issue.suggestion;
      ctx.fail({
        target: `${issue.table} (statement ${st.fingerprint})`,
        messageId: 'seqScan',
        evidence: {
          table: issue.table,
          statement: shortStatement(st.query, 300),
          statementId: st.fingerprint,
          calls: st.calls,
          meanMs: round(st.meanMs),
          totalMs: round(st.totalMs, 0),
          tableRows: issue.tableRows,
          estimatedRows: issue.estimatedRows,
          filter: issue.filter,
          plan: st.plan ?? [],
          suggestedIndex: s.createIndex,
          ...(s.note ? { note: s.note } : {}),
          expected: `an index scan for a filter keeping ≤ ${MAX_SELECTIVITY * 100} % of a table over ${MIN_TABLE_ROWS.toLocaleString('en')} rows`,
          actual: `sequential scan over ~${issue.tableRows.toLocaleString('en')} rows keeping ≈${issue.estimatedRows.toLocaleString('en')}`,
        },
        remediation:
          `Create the index without blocking writes (outside a transaction; in a migration tool, mark the migration non-transactional): \`${s.createIndex}\`` +
          `${s.note ? ` (${s.note})` : ''}. Then run \`ANALYZE ${issue.table};\`, check the plan with \`EXPLAIN\` and watch the statement's mean time in pg_stat_statements.`,
      });
    }
  }
  if (failed) return;
  const top = analysis.statements.filter((s) => s.rankByMean).sort((x, y) => x.rankByMean! - y.rankByMean!)[0]!;
  const explained = analysis.statements.filter((s) => s.plan).length;
  ctx.pass(target, {
    message: `${analysis.statements.length} top statements read, ${explained} slow enough to explain, none scans a large table sequentially; slowest by mean: ${round(top.meanMs)} ms over ${top.calls} calls (${shortStatement(top.query, 80)})`,
    evidence: topEvidence(analysis),
  });
}

export default createCheck({
  meta: {
    id: 'perf.slow-queries',
    stage: 3,
    title: 'Slowest database statements use indexes',
    defaultSeverity: 'medium',
    targetKind: 'project',
    needs: ['database'],
  },
  messages: {
    seqScan:
      'Sequential scan over {{table}} (~{{tableRows}} rows) keeps ≈{{estimatedRows}} for a statement run {{calls}} times (mean {{meanMs}} ms, total {{totalMs}} ms); suggested index: {{suggestedIndex}}',
  },
  remediation: {
    seqScan:
      'Create the suggested index with `CREATE INDEX CONCURRENTLY` (outside a transaction), run `ANALYZE` on the table, and confirm with `EXPLAIN` that the statement now uses it.',
  },
  async run(ctx) {
    const url = ctx.config.database!.url;
    const target = redactDatabaseUrl(url);
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    if (scheme !== 'postgres' && scheme !== 'postgresql') {
      return ctx.skip(target, `only PostgreSQL is analysed (pg_stat_statements); database.url uses ${scheme ? `\`${scheme}:\`` : 'no recognisable scheme'}`);
    }
    if (!ctx.postgres) return ctx.skip(target, 'this run offers no database access');
    let session: PostgresSession;
    try {
      session = await ctx.postgres.connect(url, { signal: ctx.signal });
    } catch (err) {
      return ctx.error(target, err);
    }
    try {
      await analyse(ctx, session, session.display);
    } catch (err) {
      ctx.error(session.display, err);
    } finally {
      await session.close();
    }
  },
});
