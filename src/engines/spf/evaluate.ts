/** The SPF verdict for one SMTP session: check_host(<ip>, <domain>, <sender>) of RFC 7208 §4. */
import { checkDomain, newNode } from './check-host.js';
import { isCheckableDomain, stripTrailingDot } from './domain.js';
import { type IpAddress, parseClientIp } from './ip.js';
import { type EvalMode, type EvalState, SpfFailure } from './state.js';
import type { SpfOptions, SpfResult, SpfSession } from './types.js';

/** RFC 7208 §4.6.4: "SHOULD allow at least 20 seconds" for the whole evaluation. */
export const DEFAULT_DEADLINE_MS = 20_000;

/**
 * The identity checked and the sender (§2.3, §2.4, §4.3): MAIL FROM's domain, or the HELO name
 * when MAIL FROM is the null path; a missing local part is "postmaster".
 */
export function senderIdentity(session: Pick<SpfSession, 'mailFrom' | 'helo'>): { sender: string; local: string; domain: string } {
  const from = session.mailFrom.trim().replace(/^<(.*)>$/, '$1');
  if (from === '') return { sender: `postmaster@${session.helo}`, local: 'postmaster', domain: session.helo };
  const at = from.lastIndexOf('@');
  const local = at > 0 ? from.slice(0, at) : 'postmaster';
  const domain = at >= 0 ? from.slice(at + 1) : from;
  return { sender: `${local}@${domain}`, local, domain };
}

/** Builds the shared state of one run (also used by the walk). */
export function createState(
  mode: EvalMode,
  ip: IpAddress,
  identity: { sender: string; local: string; domain: string },
  helo: string,
  opts: SpfOptions,
): EvalState {
  const deadline = AbortSignal.timeout(opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
  return {
    mode,
    dns: opts.dns,
    signal: opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline,
    outerSignal: opts.signal,
    ip,
    sender: identity.sender,
    local: identity.local,
    senderDomain: identity.domain,
    helo,
    receiver: opts.receiver ?? 'unknown',
    now: opts.now ?? (() => new Date()),
    lookupLimit: opts.lookupLimit ?? 10,
    voidLimit: opts.voidLookupLimit ?? 2,
    lookups: 0,
    voidLookups: 0,
    stack: [],
    problems: [],
    capped: false,
  };
}

/**
 * Evaluates SPF for one session. Never throws for DNS trouble or bad records (those are
 * temperror / permerror results); throws a TypeError when `ip` is not an IP address, and
 * rethrows the caller's own abort.
 */
export async function evaluateSpf(session: SpfSession, opts: SpfOptions): Promise<SpfResult> {
  const ip = parseClientIp(session.ip.trim());
  if (!ip) throw new TypeError(`"${session.ip}" is not an IP address`);
  const identity = senderIdentity(session);
  const domain = stripTrailingDot(identity.domain);
  const root = newNode(domain, 'check');
  // §4.3: a malformed or single-label <domain>, or an address literal, is "none" at once.
  if (!isCheckableDomain(identity.domain)) {
    root.result = 'none';
    return { result: 'none', lookups: 0, voidLookups: 0, trace: root };
  }
  const state = createState('evaluate', ip, { ...identity, domain }, session.helo, opts);
  state.stack.push(root);
  try {
    const out = await checkDomain(state, domain, root, true);
    const result: SpfResult = { result: out.result, lookups: state.lookups, voidLookups: state.voidLookups, trace: root };
    if (out.result === 'fail') {
      const explanation = out.explanation ?? opts.defaultExplanation;
      if (explanation !== undefined) result.explanation = explanation;
    }
    if (out.match) result.mechanism = out.match;
    return result;
  } catch (err) {
    if (!(err instanceof SpfFailure)) throw err;
    return { result: err.result, problem: err.problem, lookups: state.lookups, voidLookups: state.voidLookups, trace: root };
  }
}
