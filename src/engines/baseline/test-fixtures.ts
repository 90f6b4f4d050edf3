/** Builders of baseline runs for the engine's and the checks' table-driven tests. */
import { BUDGET_MS } from './settings.js';
import type { BaselineRun, EndpointBaseline } from './types.js';

/** An endpoint of 30 clean requests at `p95` ms; anything can be overridden. */
export function fakeEndpoint(over: Partial<EndpointBaseline> & { p95?: number } = {}): EndpointBaseline {
  const { p95 = 20, ...rest } = over;
  const kind = rest.kind ?? 'read';
  const method = rest.method ?? (kind === 'read' ? 'GET' : 'POST');
  const path = rest.path ?? '/api/things';
  return {
    name: 'things',
    method,
    path,
    url: `https://api.x.test${path}`,
    kind,
    list: false,
    budgetMs: BUDGET_MS[kind],
    requests: 30,
    errors: 0,
    errorRate: 0,
    statusCounts: { [kind === 'read' ? '200' : '201']: 30 },
    errorsByKind: {},
    latencyMs: { count: 30, mean: p95 / 2, p50: p95 / 2, p95, p99: p95 * 1.1, max: p95 * 1.2 },
    success: { status: kind === 'read' ? 200 : 201, headers: { 'content-type': 'application/json' }, bytes: 100, ms: p95 / 2 },
    errorAnswers: [],
    unsampledStatuses: [],
    ...rest,
  };
}

/** A run over the given endpoints with the default settings. */
export function fakeRun(endpoints: EndpointBaseline[], over: Partial<BaselineRun> = {}): BaselineRun {
  return {
    format: 'launchready-baseline/1',
    project: 'Acme Ops',
    base: 'https://api.x.test',
    startedAt: '2025-05-01T09:30:00.000Z',
    durationS: 4.2,
    settings: { rate: 10, requests: 30, warmup: 3, connections: 120, timeoutMs: 5000 },
    endpoints,
    skipped: [],
    warnings: [],
    ...over,
  };
}
