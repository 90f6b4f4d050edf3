/**
 * The audit's view of a policy: every term a receiver evaluates for a client that matches
 * nothing — the worst case that decides the 10-look-up and 2-void limits (RFC 7208 §4.6.4).
 * It runs check_host()'s own code in `walk` mode, so it counts exactly as the evaluator does,
 * and it goes on past the limits so the count per include is known however far over it is.
 */
import { evaluateRecord, newNode } from './check-host.js';
import { stripTrailingDot } from './domain.js';
import { createState } from './evaluate.js';
import { parseClientIp } from './ip.js';
import { parseSpfRecord, type ParsedSpfRecord, type Qualifier } from './parse.js';
import { lookupSpfRecord } from './record-lookup.js';
import type { SpfMatch, SpfOptions, SpfProblem, SpfTraceNode } from './types.js';

export interface SpfPolicyWalk {
  domain: string;
  /** What the domain publishes: one record, none, or several `v=spf1` records. */
  status: 'found' | 'none' | 'multiple';
  /** The `v=spf1` records found (one when `found`). */
  records: string[];
  /** The record parsed, when exactly one was found. */
  parsed?: ParsedSpfRecord;
  /** DNS-querying terms over the whole tree (10 is the limit). */
  lookups: number;
  /** Void look-ups over the whole tree (2 is the limit). */
  voidLookups: number;
  trace: SpfTraceNode;
  /** Permanent problems anywhere in the tree (each one a permerror for real receivers). */
  problems: SpfProblem[];
  /** The `all` qualifier ending the policy (through redirects); undefined when none is reached. */
  all?: Qualifier;
  /** Every `ptr` mechanism met. */
  ptrTerms: SpfMatch[];
  /** True when the walk stopped following includes at its safety cap (the count is a lower bound). */
  capped: boolean;
}

/** A documentation address (RFC 5737): the walk's client, which no sane policy lists. */
const WALK_CLIENT = '192.0.2.1';

/** The qualifier of the `all` that ends the policy, following the redirect chain. */
function finalAll(node: SpfTraceNode): Qualifier | undefined {
  if (node.all) return node.all;
  const redirect = node.children.find((c) => c.via === 'redirect');
  return redirect ? finalAll(redirect) : undefined;
}

/**
 * Walks `domain`'s SPF policy. DNS trouble throws an `SpfFailure` whose `code` is the DNS
 * error code (the audit reports it as an error, never as a finding).
 */
export async function walkSpfPolicy(domainName: string, opts: SpfOptions): Promise<SpfPolicyWalk> {
  const domain = stripTrailingDot(domainName);
  const ip = parseClientIp(WALK_CLIENT)!;
  const state = createState('walk', ip, { sender: `postmaster@${domain}`, local: 'postmaster', domain }, domain, opts);
  const ptrTerms: SpfMatch[] = [];
  state.onMechanism = (d, m) => {
    if (m.name === 'ptr') ptrTerms.push({ domain: d, term: m.text, start: m.start, end: m.end });
  };
  const trace = newNode(domain, 'check');
  state.stack.push(trace);
  const walk = (status: SpfPolicyWalk['status'], records: string[], parsed?: ParsedSpfRecord): SpfPolicyWalk => ({
    domain,
    status,
    records,
    parsed,
    lookups: state.lookups,
    voidLookups: state.voidLookups,
    trace,
    problems: state.problems,
    all: finalAll(trace),
    ptrTerms,
    capped: state.capped,
  });

  const found = await lookupSpfRecord(state, domain);
  if (found.kind === 'none') return walk('none', []);
  if (found.kind === 'multiple') return walk('multiple', found.records);
  trace.record = found.record;
  await evaluateRecord(state, domain, trace, found.record, false);
  return walk('found', [found.record], parseSpfRecord(found.record));
}
