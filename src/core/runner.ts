/**
 * Runs checks concurrently under a bound, each with its own deadline. Whatever a check does —
 * throw, hang, report nothing — the run finishes and says so in results.
 */
import type { ConfigSectionName, LaunchConfig } from '../config/types.js';
import type { Effects } from '../context/types.js';
import type { Probes } from '../probes/types.js';
import { docsLink, renderTemplate } from './create-check.js';
import { describeError } from './errors.js';
import { fingerprint } from './fingerprint.js';
import { mapLimit } from './map-limit.js';
import type { Targets } from './targets.js';
import type { Check, CheckContext, CheckResult, Evidence, FailReport } from './types.js';

export interface RunOptions {
  checks: readonly Check[];
  config: LaunchConfig;
  effects: Effects;
  probes: Probes;
  targets: Targets;
  /** Checks running at once. */
  concurrency?: number;
  /** Deadline of one check, all its targets together. */
  checkTimeoutMs?: number;
  signal?: AbortSignal;
  /** Called as each check finishes (progress lines). */
  onCheckDone?: (check: Check, results: CheckResult[]) => void;
}

/** Why a `needs` entry is unmet, or undefined when the config has it. */
export function missingSection(config: LaunchConfig, need: ConfigSectionName): string | undefined {
  switch (need) {
    case 'environments':
      return Object.keys(config.environments).length ? undefined : 'no environments declared';
    case 'pages':
      return config.pages.length ? undefined : 'no key pages declared (`pages:`)';
    case 'smoke':
      return config.smoke.length ? undefined : 'no smoke flows declared (`smoke:`)';
    case 'repo':
      return config.repo ? undefined : 'no repository declared (`repo:`)';
    default:
      return config[need] ? undefined : `\`${need}:\` is not configured`;
  }
}

/** Runs one check with its own deadline; never throws. */
export async function runOne(check: Check, opts: RunOptions): Promise<CheckResult[]> {
  const { meta } = check;
  const results: CheckResult[] = [];
  const base = { check: meta.id, stage: meta.stage, title: meta.title, docs: docsLink(meta.id) };
  // A check may carry its own line-independent identity (a secret moves lines, stays the same finding).
  const push = (r: Omit<CheckResult, keyof typeof base | 'fingerprint'>, cause: string) => {
    const own = r.status === 'fail' && typeof r.evidence?.fingerprint === 'string' ? r.evidence.fingerprint : undefined;
    results.push({ ...base, ...r, fingerprint: own ?? fingerprint(meta.id, r.target, cause) });
  };

  for (const need of meta.needs) {
    const why = missingSection(opts.config, need);
    if (why) {
      push({ target: opts.config.project, status: 'skip', message: `Not applicable: ${why}` }, 'skip');
      return results;
    }
  }

  const timeoutMs = opts.checkTimeoutMs ?? meta.timeoutMs ?? Math.max(30_000, opts.config.network.timeoutMs * 6);
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const remediationFor = (messageId: string) =>
    typeof check.remediation === 'string' ? check.remediation : check.remediation[messageId];

  const ctx: CheckContext = {
    ...opts.effects,
    config: opts.config,
    targets: opts.targets,
    probes: opts.probes,
    signal: controller.signal,
    pass(target, o) {
      push({ target, status: 'pass', message: o?.message ?? `${meta.title}: ok`, evidence: o?.evidence }, 'pass');
    },
    fail(report: FailReport) {
      const template = check.messages[report.messageId];
      if (template === undefined) throw new Error(`${meta.id}: unknown messageId "${report.messageId}"`);
      const data = { target: report.target, ...(report.evidence ?? {}), ...(report.data ?? {}) };
      push(
        {
          target: report.target,
          status: 'fail',
          severity: report.severity ?? meta.defaultSeverity,
          messageId: report.messageId,
          message: renderTemplate(template, data),
          evidence: report.evidence,
          remediation: report.remediation ?? remediationFor(report.messageId),
        },
        report.messageId,
      );
    },
    skip(target, reason) {
      push({ target, status: 'skip', message: reason }, 'skip');
    },
    error(target, err, evidence?: Evidence) {
      const { code, message } = describeError(err);
      push({ target, status: 'error', message: `Could not check: ${message}`, evidence: { code, ...evidence } }, 'error');
    },
  };

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref?.();
  });
  try {
    const outcome = await Promise.race([check.run(ctx).then(() => 'done' as const), deadline]);
    if (outcome === 'timeout') {
      controller.abort(new Error('check deadline'));
      ctx.error(opts.config.project, { code: 'TIMEOUT', message: `check did not finish within ${timeoutMs} ms` });
    }
  } catch (err) {
    ctx.error(opts.config.project, err);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
  if (results.length === 0) {
    push({ target: opts.config.project, status: 'skip', message: 'Nothing to check: no matching targets' }, 'skip');
  }
  // A check racing its deadline may still report afterwards; freeze what counted.
  return results.slice();
}

/** Runs every check with at most `concurrency` at once; results in check order. */
export async function runChecks(opts: RunOptions): Promise<CheckResult[]> {
  const concurrency = Math.max(1, opts.concurrency ?? opts.config.network.concurrency);
  const run = (checks: readonly Check[]) =>
    mapLimit(checks, concurrency, async (check) => {
      const results = await runOne(check, opts);
      opts.onCheckDone?.(check, results);
      return results;
    });
  // Load measurements go last (see CheckMeta.measuresLoad); results keep the registry's order.
  const first = await run(opts.checks.filter((c) => !c.meta.measuresLoad));
  const last = await run(opts.checks.filter((c) => c.meta.measuresLoad));
  const byCheck = new Map<Check, CheckResult[]>();
  opts.checks.filter((c) => !c.meta.measuresLoad).forEach((c, i) => byCheck.set(c, first[i]));
  opts.checks.filter((c) => c.meta.measuresLoad).forEach((c, i) => byCheck.set(c, last[i]));
  return opts.checks.flatMap((c) => byCheck.get(c) ?? []);
}
