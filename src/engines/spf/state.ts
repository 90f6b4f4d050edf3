/**
 * The state of one check_host() run shared by every nested include and redirect: the limits'
 * counters, the trace path, the macro values, and DNS with RFC 7208's error mapping.
 */
import { DnsError, type DnsClient, type DnsLookup, type DnsRecordType } from '../../context/types.js';
import type { IpAddress } from './ip.js';
import type { SpfMechanism } from './parse.js';
import type { SpfErrorCode, SpfProblem, SpfResultCode, SpfTraceNode } from './types.js';

/** An evaluation that ends in permerror or temperror; thrown through nested includes (§5.2). */
export class SpfFailure extends Error {
  /** For `describeError`: the DNS error code when DNS failed, else the SPF error code. */
  readonly code: string;
  constructor(readonly result: 'permerror' | 'temperror', readonly problem: SpfProblem, dnsCode?: string) {
    super(problem.message);
    this.name = 'SpfFailure';
    this.code = dnsCode ?? problem.code;
  }
}

/**
 * `evaluate` is check_host(); `walk` visits every term a non-matching client would cost (for
 * the audit): nothing but `all` matches, limits are counted but not enforced, and permanent
 * problems are collected instead of ending the walk.
 */
export type EvalMode = 'evaluate' | 'walk';

export interface EvalState {
  mode: EvalMode;
  dns: DnsClient;
  /** The caller's signal combined with the deadline. */
  signal: AbortSignal;
  /** The caller's own signal: its abort is the caller's business, not a temperror. */
  outerSignal?: AbortSignal;
  ip: IpAddress;
  sender: string;
  local: string;
  senderDomain: string;
  helo: string;
  receiver: string;
  now: () => Date;
  lookupLimit: number;
  voidLimit: number;
  lookups: number;
  voidLookups: number;
  /** Trace nodes from the root to the record being evaluated. */
  stack: SpfTraceNode[];
  /** Walk mode: permanent problems found on the way. */
  problems: SpfProblem[];
  /** Walk mode: set once the hard cap stopped the walk. */
  capped: boolean;
  /** Called for every mechanism reached, in order (the walk collects `ptr` terms with it). */
  onMechanism?: (domain: string, m: SpfMechanism) => void;
  /** `%{p}`: validated names of the client, looked up once (see `ptr.ts`). */
  validatedNames?: Promise<string[]>;
}

/** Walk mode stops following includes once this many terms are counted (a loop guard, ≫ 10). */
export const WALK_CAP = 60;

/** The trace node of the record being evaluated. */
export function currentNode(state: EvalState): SpfTraceNode {
  return state.stack[state.stack.length - 1];
}

/** A problem located in the current record, at `term` when given. */
export function problemAt(
  state: EvalState,
  code: SpfErrorCode,
  message: string,
  term?: { text: string; start: number; end: number },
): SpfProblem {
  const p: SpfProblem = { code, message, domain: currentNode(state).domain };
  if (term) Object.assign(p, { term: term.text, start: term.start, end: term.end });
  return p;
}

/** Throws a permerror in evaluate mode; records it and carries on in walk mode. */
export function permanent(state: EvalState, problem: SpfProblem): void {
  if (state.mode === 'evaluate') throw new SpfFailure('permerror', problem);
  state.problems.push(problem);
}

/**
 * Counts one DNS-querying term (§4.6.4) on every record of the current path. Evaluate mode:
 * the 11th is a permerror. Walk mode: returns false once the hard cap is reached, and the
 * caller skips the term's DNS work.
 */
export function countLookup(state: EvalState, term: { text: string; start: number; end: number }): boolean {
  state.lookups++;
  for (const node of state.stack) node.lookups++;
  if (state.mode === 'evaluate' && state.lookups > state.lookupLimit) {
    throw new SpfFailure(
      'permerror',
      problemAt(state, 'lookup-limit', `more than ${state.lookupLimit} DNS-querying terms (RFC 7208 §4.6.4)`, term),
    );
  }
  if (state.mode === 'walk' && state.lookups > WALK_CAP) {
    state.capped = true;
    return false;
  }
  return true;
}

/** Counts a void look-up (§4.6.4: NXDOMAIN, or NOERROR with no answer) against the limit of 2. */
export function countVoid(state: EvalState, term: { text: string; start: number; end: number }): void {
  state.voidLookups++;
  for (const node of state.stack) node.voidLookups++;
  if (state.mode === 'evaluate' && state.voidLookups > state.voidLimit) {
    throw new SpfFailure(
      'permerror',
      problemAt(state, 'void-limit', `more than ${state.voidLimit} void DNS look-ups (RFC 7208 §4.6.4)`, term),
    );
  }
}

/** Whether a look-up found nothing (the void-look-up definition of §4.6.4). */
export function isVoid(lookup: DnsLookup): boolean {
  return lookup.status !== 'ok' || lookup.records.length === 0;
}

/**
 * One resolution. DNS trouble (timeout, SERVFAIL, REFUSED, a CNAME loop, a network error) is a
 * temperror (RFC 7208 §4.4, §5: "if the DNS lookup returns a server failure … or the lookup
 * times out, check_host() terminates immediately with the result temperror"); the deadline
 * firing is a temperror too. The caller's own abort is rethrown untouched.
 */
export async function resolve(state: EvalState, name: string, type: DnsRecordType): Promise<DnsLookup> {
  try {
    return await state.dns.resolve(name, type, { signal: state.signal });
  } catch (err) {
    if (state.outerSignal?.aborted) throw err;
    const node = currentNode(state);
    if (err instanceof DnsError) {
      throw new SpfFailure('temperror', { code: 'dns', message: `${type} look-up of ${name}: ${err.message}`, domain: node.domain }, err.code);
    }
    if (state.signal.aborted) {
      throw new SpfFailure('temperror', { code: 'deadline', message: 'the evaluation ran out of time', domain: node.domain }, 'TIMEOUT');
    }
    throw err;
  }
}

/** Maps a qualifier to its result (§4.6.2). */
export function resultOf(q: '+' | '-' | '~' | '?'): SpfResultCode {
  return q === '+' ? 'pass' : q === '-' ? 'fail' : q === '~' ? 'softfail' : 'neutral';
}
