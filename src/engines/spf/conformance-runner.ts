/**
 * Runs an SPF test-suite file against the lab's real DNS server: one server per scenario
 * (scenarios reuse names with different data), the real DNS client, our evaluator. Shared by
 * the conformance tests and `bench/spf`, so both see exactly the same DNS.
 */
import { createDnsClient } from '../../context/dns.js';
import type { DnsClient } from '../../context/types.js';
import { startDnsServer, type LabDnsServer } from '../../lab/dns-server.js';
import { buildZone } from '../../lab/zone.js';
import { loadSpfSuite, type SpfSuiteCase, type SpfSuiteScenario } from './conformance-suite.js';
import { evaluateSpf } from './evaluate.js';

export interface SuiteOutcome {
  case: SpfSuiteCase;
  result: string;
  explanation?: string;
  /** The permerror/temperror reason, when there is one. */
  problem?: string;
  lookups: number;
  ms: number;
}

export interface RunningSuite {
  scenarios: SpfSuiteScenario[];
  cases: SpfSuiteCase[];
  /** `host:port` of the server answering for a case's scenario. */
  serverFor(c: SpfSuiteCase): string;
  /** Evaluates one case with our engine (the test drivers' default explanation is "DEFAULT"). */
  evaluate(c: SpfSuiteCase): Promise<SuiteOutcome>;
  stop(): Promise<void>;
}

/**
 * Starts one lab DNS server per scenario of a suite file. `timeoutMs` bounds each DNS question
 * (the suite's TIMEOUT names never answer, so it is also how long those cases take).
 */
export async function startSpfSuite(text: string, opts: { timeoutMs: number }): Promise<RunningSuite> {
  const scenarios = loadSpfSuite(text);
  const servers: LabDnsServer[] = [];
  const byCase = new Map<SpfSuiteCase, { server: LabDnsServer; dns: DnsClient }>();
  try {
    for (const scenario of scenarios) {
      const server = await startDnsServer({ zone: buildZone(scenario.zone) });
      servers.push(server);
      const dns = createDnsClient({ server: server.address, timeoutMs: opts.timeoutMs });
      for (const c of scenario.cases) byCase.set(c, { server, dns });
    }
  } catch (err) {
    await Promise.all(servers.map((s) => s.stop()));
    throw err;
  }
  return {
    scenarios,
    cases: scenarios.flatMap((s) => s.cases),
    serverFor: (c) => byCase.get(c)!.server.address,
    async evaluate(c) {
      const { dns } = byCase.get(c)!;
      const t0 = performance.now();
      const r = await evaluateSpf({ ip: c.host, mailFrom: c.mailfrom, helo: c.helo }, { dns, defaultExplanation: 'DEFAULT' });
      return {
        case: c,
        result: r.result,
        explanation: r.explanation,
        problem: r.problem?.message,
        lookups: r.lookups,
        ms: performance.now() - t0,
      };
    },
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
