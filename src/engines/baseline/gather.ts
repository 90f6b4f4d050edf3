/**
 * How a run gets its one baseline: `probes.baseline()` when the driver wired it (one measurement
 * and one login shared by every perf check of an audit), else a measurement of the caller's own.
 */
import type { LaunchConfig } from '../../config/types.js';
import type { DnsClient, HttpClient } from '../../context/types.js';
import { loginFor } from '../../probes/api-session.js';
import type { Gathered, Probes } from '../../probes/types.js';
import { addressLookup } from '../../context/address-lookup.js';
import { measureBaseline } from './measure.js';
import type { BaselineRun } from './types.js';

/** What `createProbes` needs to offer `probes.baseline()` (besides `api`, which it already has). */
export interface BaselineProbeOptions {
  config: Pick<LaunchConfig, 'project' | 'network' | 'baseline'>;
  /** Load the write endpoints too; false in non-intrusive runs. */
  writes: boolean;
}

/**
 * The probe options of a run: writes are loaded only when the run includes intrusive checks (an
 * audit with `--no-intrusive` measures the reads alone).
 */
export function baselineProbeOptions(
  config: Pick<LaunchConfig, 'project' | 'network' | 'baseline'>,
  checks: readonly { meta: { intrusive?: boolean } }[],
): BaselineProbeOptions {
  return { config, writes: checks.some((c) => c.meta.intrusive === true) };
}

/** The check-side view of a run: what `baselineFor` reads from a check's context. */
export interface BaselineContext {
  probes: Probes;
  http: HttpClient;
  dns: DnsClient;
  config: Pick<LaunchConfig, 'project' | 'api' | 'network' | 'baseline'>;
  signal?: AbortSignal;
}

/**
 * The run's baseline: the shared probe when wired, else one measured for this caller (with writes
 * only when `writes` — the calling check is intrusive).
 */
export function baselineFor(ctx: BaselineContext, opts: { writes: boolean }): Promise<Gathered<BaselineRun>> {
  if (ctx.probes.baseline) return ctx.probes.baseline();
  return measureBaseline({
    config: ctx.config,
    login: () => loginFor(ctx),
    lookup: addressLookup(ctx.dns),
    http: ctx.http,
    writes: opts.writes,
    signal: ctx.signal,
  });
}
