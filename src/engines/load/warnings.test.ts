import { describe, expect, it } from 'vitest';
import type { LoadStats, OpenLoopReport } from './types.js';
import { runWarnings } from './warnings.js';

const total: LoadStats = {
  requests: 1000, errors: 0, errorRate: 0, errorsByKind: {}, statusCounts: { 200: 1000 }, rps: 100,
  latencyMs: { count: 1000, min: 1, mean: 2, p50: 2, p90: 3, p95: 3, p99: 4, max: 5 }, bytesRead: 0,
};
const open: OpenLoopReport = {
  targetRate: 100, scheduled: 1000, sent: 1000, dropped: 0, achievedRate: 100, rateMet: true, maxInFlight: 200,
  sendLagMs: { mean: 0.5, p99: 1, max: 2 },
};

describe('run warnings', () => {
  it.each([
    ['a quiet run', { total, clientCpu: 0.3, cpuWindowS: 10, transportErrors: 0 }, []],
    ['a busy client', { total, clientCpu: 0.9, cpuWindowS: 10, transportErrors: 0 }, ['CLIENT_CPU']],
    ['a busy client over a blink', { total, clientCpu: 1.4, cpuWindowS: 0.05, transportErrors: 0 }, []],
    ['drops', { total, clientCpu: 0.3, cpuWindowS: 10, transportErrors: 0, openLoop: { ...open, sent: 900, dropped: 100, rateMet: false } }, ['RATE_NOT_MET']],
    ['a late sender', { total, clientCpu: 0.3, cpuWindowS: 10, transportErrors: 0, openLoop: { ...open, sendLagMs: { mean: 3, p99: 25, max: 80 } } }, ['SEND_LAG']],
    ['nothing answered', { total: { ...total, errors: 1000, errorsByKind: { refused: 1000 } }, clientCpu: 0.3, cpuWindowS: 10, transportErrors: 1000 }, ['NO_RESPONSES']],
    ['few samples', { total: { ...total, latencyMs: { ...total.latencyMs, count: 12 } }, clientCpu: 0.3, cpuWindowS: 10, transportErrors: 0 }, ['FEW_SAMPLES']],
  ])('%s', (_name, facts, codes) => {
    expect(runWarnings(facts).map((w) => w.code)).toEqual(codes);
  });

  it('names the shortfall in numbers', () => {
    const [w] = runWarnings({ total, clientCpu: 0.1, cpuWindowS: 10, transportErrors: 0, openLoop: { ...open, sent: 900, dropped: 100, achievedRate: 90 } });
    expect(w.message).toBe('target rate 100/s not met: 100 of 1000 scheduled requests (10.0 %) were not sent because all 200 connections were busy; 90.0/s sent');
  });
});
