/**
 * Runs one load test: warm-up, measured window, drain, report. The loops (closed-loop.ts,
 * open-loop.ts) send; this file owns time (window, end, progress), the connections and the CPU
 * accounting, and turns the counts into a report.
 */
import { createClosedLoop } from './closed-loop.js';
import { createConnectionSet } from './connections.js';
import { endpointCycle, prepareEndpoints } from './endpoints.js';
import type { EndReason, LoopContext } from './loop-context.js';
import { createOpenLoop } from './open-loop.js';
import { resolveOptions } from './options.js';
import { Recorder } from './recorder.js';
import type { LoadOptions, LoadReport, OpenLoopReport } from './types.js';
import { runWarnings } from './warnings.js';

/** Cap on a response head, as in the HTTP client. */
const MAX_HEADER_BYTES = 64 * 1024;
/** undici checks its timeouts on a coarse (up to 1 s) clock: the drain waits that much longer. */
const TIMER_SLACK_MS = 1_500;
const DRAIN_POLL_MS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Loads the endpoints and reports what it measured.
 * @throws {LoadOptionsError} before sending anything when an option cannot work.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const o = resolveOptions(options);
  const endpoints = prepareEndpoints(options.endpoints, {
    ports: options.ports, userAgent: o.userAgent, timeoutMs: o.timeoutMs, captureHeadersFrom: options.captureHeadersFrom,
  });
  const cycle = endpointCycle(options.endpoints.map((e) => e.weight));
  const connections = createConnectionSet({
    cap: o.connections,
    lookup: options.lookup,
    ca: options.ca,
    verifyTls: options.verifyTls ?? false,
    timeoutMs: o.timeoutMs,
    maxHeaderBytes: MAX_HEADER_BYTES,
  });
  const recorder = new Recorder(endpoints, { errorStatusFrom: o.errorStatusFrom, keepHistograms: options.keepHistograms ?? false });

  const startedAt = new Date();
  const runStart = performance.now();
  const windowStart = runStart + o.warmupMs;
  let stopped = false;
  let endedBy = 'duration' as EndReason;
  let stoppedAt = 0;
  let onStop: () => void = () => undefined;
  const whenStopped = new Promise<void>((resolve) => (onStop = resolve));
  const ctx: LoopContext = {
    endpoints,
    cycle,
    pools: endpoints.map((ep) => connections.pool(ep.origin)),
    recorder,
    maxBodyBytes: o.maxBodyBytes,
    runStart,
    windowStart,
    windowEnd: windowStart + o.durationMs,
    maxRequests: o.maxRequests,
    stop(reason) {
      if (stopped) return;
      stopped = true;
      endedBy = reason;
      stoppedAt = performance.now();
      loop.halt();
      onStop();
    },
    get stopped() {
      return stopped;
    },
  };
  const loop = o.mode === 'open' ? createOpenLoop(ctx, o.rate) : createClosedLoop(ctx, o.connections);

  // CPU is read where the measured window opens, so the warm-up's JIT work is left out too.
  let cpuMark = { cpu: process.cpuUsage(), at: runStart };
  const warmupTimer = o.warmupMs > 0 ? setTimeout(() => (cpuMark = { cpu: process.cpuUsage(), at: performance.now() }), o.warmupMs) : undefined;
  const progressTimer = options.onProgress
    ? setInterval(() => {
        const now = performance.now();
        const elapsed = Math.min(now, ctx.windowEnd) - windowStart;
        options.onProgress?.({
          phase: stopped ? 'drain' : now < windowStart ? 'warmup' : 'measure',
          elapsedS: (now - windowStart) / 1000,
          durationS: o.durationMs / 1000,
          requests: recorder.requests,
          errors: recorder.errors,
          dropped: recorder.dropped,
          inFlight: connections.inFlight,
          rps: elapsed > 0 ? recorder.requests / (elapsed / 1000) : 0,
        });
      }, o.progressEveryMs)
    : undefined;
  const onAbort = (): void => ctx.stop('aborted');
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    loop.start();
    await whenStopped;
    if (endedBy === 'aborted') {
      // The caller wants out now: what is still in flight is neither waited for nor counted.
      recorder.close();
    } else {
      const drainUntil = performance.now() + o.timeoutMs + TIMER_SLACK_MS;
      while (connections.inFlight > 0 && performance.now() < drainUntil) await sleep(DRAIN_POLL_MS);
    }
    const cpu = process.cpuUsage(cpuMark.cpu);
    const cpuWallMs = performance.now() - cpuMark.at;
    // Requests still in flight fail as they are destroyed, and are counted as `unfinished`.
    await connections.destroy();
    recorder.close();

    const windowOpened = stoppedAt >= windowStart;
    const last = recorder.lastSettledAt;
    const endAt = endedBy === 'duration' ? Math.max(ctx.windowEnd, last ?? 0)
      : endedBy === 'requests' ? (last ?? stoppedAt) : stoppedAt;
    const durationS = windowOpened ? Math.max(0, endAt - windowStart) / 1000 : 0;
    const { endpoints: perEndpoint, total } = recorder.report(durationS);
    const clientCpu = cpuWallMs > 0 ? (cpu.user + cpu.system) / 1000 / cpuWallMs : 0;
    const openLoop = o.mode === 'open' ? openLoopReport(recorder, o.rate, o.connections, Math.min(o.durationMs, durationS * 1000)) : undefined;
    const transportErrors = Object.entries(total.errorsByKind)
      .filter(([kind]) => !kind.startsWith('http_'))
      .reduce((n, [, count]) => n + (count ?? 0), 0);
    return {
      mode: o.mode,
      startedAt: startedAt.toISOString(),
      durationS: round(durationS, 3),
      warmupS: o.warmupMs / 1000,
      connections: o.connections,
      ...total,
      rps: round(total.rps, 1),
      dropped: recorder.dropped,
      ...(openLoop ? { openLoop } : {}),
      clientCpu: round(clientCpu, 3),
      endedBy,
      endpoints: perEndpoint.map((e, i) => ({ ...e, rps: round(e.rps, 1), ...capturedHeaders(endpoints[i]) })),
      warnings: runWarnings({ total, clientCpu, cpuWindowS: cpuWallMs / 1000, openLoop, transportErrors }),
    };
  } finally {
    clearTimeout(warmupTimer);
    clearInterval(progressTimer);
    options.signal?.removeEventListener('abort', onAbort);
    loop.halt();
    await connections.destroy();
  }
}

function capturedHeaders(ep: { headersByStatus: Map<number, Record<string, string>> }) {
  if (ep.headersByStatus.size === 0) return {};
  return { headersByStatus: Object.fromEntries([...ep.headersByStatus].map(([status, h]) => [String(status), h])) };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function openLoopReport(recorder: Recorder, rate: number, maxInFlight: number, windowMs: number): OpenLoopReport {
  const sent = recorder.scheduled - recorder.dropped;
  return {
    targetRate: rate,
    scheduled: recorder.scheduled,
    sent,
    dropped: recorder.dropped,
    achievedRate: round(windowMs > 0 ? sent / (windowMs / 1000) : 0, 1),
    rateMet: recorder.dropped === 0,
    maxInFlight,
    sendLagMs: recorder.sendLagMs(),
  };
}
