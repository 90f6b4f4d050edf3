/**
 * The older RFC 4408 suite (`rfc4408-tests.yml`, release 2009.10), for history: our RFC 7208
 * evaluator must still give a result that suite accepts, and the cases where it does not give
 * that suite's *preferred* result are exactly those whose preference RFC 7208 changed — each one
 * explained in docs/spf-conformance.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapLimit } from '../../../src/core/map-limit.js';
import { startSpfSuite, type RunningSuite, type SuiteOutcome } from '../../../src/engines/spf/conformance-runner.js';
import { loadSpfSuite } from '../../../src/engines/spf/conformance-suite.js';

const text = readFileSync(fileURLToPath(new URL('./rfc4408-tests.yml', import.meta.url)), 'utf8');
const cases = loadSpfSuite(text).flatMap((s) => s.cases);

/** As in rfc7208.test.ts: per DNS question; the TIMEOUT cases overlap. */
const DNS_TIMEOUT_MS = 1500;

/** RFC 4408's preferred result is not RFC 7208's (docs/spf-conformance.md, one row each). */
const CHANGED_BY_RFC_7208 = [
  'spfonly', 'txttimeout', 'spfoverride', 'multitxt1', 'multispf2',
  'invalid-domain-empty-label', 'invalid-domain-long', 'invalid-domain-long-via-macro',
  'exists-dnserr', 'mx-limit',
].sort();

/** Explanation differs in letter case only (see rfc7208.test.ts). */
const CASE_INSENSITIVE_EXPLANATION = new Set(['v-macro-ip6']);

describe('RFC 4408 conformance suite (history)', () => {
  let suite: RunningSuite;
  const outcomes = new Map<string, SuiteOutcome>();
  beforeAll(async () => {
    suite = await startSpfSuite(text, { timeoutMs: DNS_TIMEOUT_MS });
    for (const o of await mapLimit(suite.cases, 16, (c) => suite.evaluate(c))) outcomes.set(o.case.name, o);
  });
  afterAll(() => suite?.stop());

  it.each(cases.map((c) => [`${c.scenario} / ${c.name} (${c.spec ?? 'no spec'})`, c] as const))('%s', (_title, c) => {
    const outcome = outcomes.get(c.name)!;
    expect(c.results, `${c.name}: got ${outcome.result} (${outcome.problem ?? 'no problem'})`).toContain(outcome.result);
    if (c.explanation !== undefined) {
      const norm = (s?: string) => (CASE_INSENSITIVE_EXPLANATION.has(c.name) ? s?.toLowerCase() : s);
      expect(norm(outcome.explanation)).toBe(norm(c.explanation));
    }
  });

  it('departs from RFC 4408 preferences only where RFC 7208 changed them', () => {
    expect(outcomes.size).toBe(cases.length);
    const departed = [...outcomes.values()].filter((o) => o.result !== o.case.results[0]).map((o) => o.case.name).sort();
    console.log(`RFC 4408 suite: ${outcomes.size} cases, ${outcomes.size - departed.length} with that suite's preferred result`);
    expect(departed).toEqual(CHANGED_BY_RFC_7208);
  });
});
