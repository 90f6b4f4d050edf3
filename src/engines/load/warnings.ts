/**
 * What a reader of the numbers must know before trusting them: the load tool was the bottleneck,
 * the open loop fell short of its rate, the sender ran late, nothing answered, too few samples.
 * Pure: the driver hands in the measured facts.
 */
import type { LoadStats, LoadWarning, OpenLoopReport } from './types.js';

/** Above this share of one core, the client may have been slower than the server. */
export const CLIENT_CPU_LIMIT = 0.85;
/** An open-loop sender later than this (p99) was not keeping to its timeline. */
export const SEND_LAG_LIMIT_MS = 10;
/** CPU read over a shorter window is mostly start-up (JIT, first connections): not worth a warning. */
export const CPU_WINDOW_MIN_S = 0.5;
/** Below this many samples, a p99 is one or two requests. */
export const FEW_SAMPLES = 100;

const pct = (x: number): string => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)} %`;

/** The warnings a run's facts call for, in a stable order. */
export function runWarnings(facts: {
  total: LoadStats;
  clientCpu: number;
  /** Wall time the CPU was read over. */
  cpuWindowS: number;
  openLoop?: OpenLoopReport;
  transportErrors: number;
}): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  const { total, clientCpu, openLoop } = facts;
  if (clientCpu > CLIENT_CPU_LIMIT && facts.cpuWindowS >= CPU_WINDOW_MIN_S) {
    warnings.push({
      code: 'CLIENT_CPU',
      message: `the load tool used ${pct(clientCpu)} of a CPU core: it may have been the bottleneck, so ` +
        'throughput may be understated and latency overstated (use fewer connections or a lower rate, or load from another machine)',
    });
  }
  if (openLoop && openLoop.dropped > 0) {
    warnings.push({
      code: 'RATE_NOT_MET',
      message: `target rate ${openLoop.targetRate}/s not met: ${openLoop.dropped} of ${openLoop.scheduled} scheduled requests ` +
        `(${pct(openLoop.dropped / openLoop.scheduled)}) were not sent because all ${openLoop.maxInFlight} connections were busy; ` +
        `${openLoop.achievedRate.toFixed(1)}/s sent`,
    });
  }
  if (openLoop && openLoop.sendLagMs.p99 > SEND_LAG_LIMIT_MS) {
    warnings.push({
      code: 'SEND_LAG',
      message: `1 % of requests left more than ${openLoop.sendLagMs.p99.toFixed(1)} ms after their intended time ` +
        `(worst ${openLoop.sendLagMs.max.toFixed(1)} ms): the client fell behind its timeline; latencies count from the intended time and include it`,
    });
  }
  if (total.requests > 0 && facts.transportErrors === total.requests) {
    const kinds = Object.entries(total.errorsByKind).map(([k, n]) => `${k} ${n}`).join(', ');
    warnings.push({ code: 'NO_RESPONSES', message: `no request got an answer (${kinds})` });
  } else if (total.latencyMs.count < FEW_SAMPLES) {
    warnings.push({
      code: 'FEW_SAMPLES',
      message: `only ${total.latencyMs.count} responses: the high percentiles rest on one or two of them`,
    });
  }
  return warnings;
}
