/**
 * check_host() of RFC 7208 §4: record look-up and selection, then the terms left to right,
 * include and redirect recursing with the shared limits, exp= for a fail. The same code walks
 * a policy for the audit (`walk` mode, see `state.ts`).
 */
import { sameName } from './domain.js';
import { dependsOnClient, expandTarget } from './expand.js';
import { explain } from './explanation.js';
import { mechanismMatches } from './mechanisms.js';
import { DNS_MECHANISMS, parseSpfRecord, type SpfMechanism, type SpfModifier } from './parse.js';
import { lookupSpfRecord } from './record-lookup.js';
import { countLookup, type EvalState, permanent, problemAt, resultOf } from './state.js';
import type { SpfMatch, SpfResultCode, SpfTraceNode } from './types.js';

/** What evaluating one record gave: its result, the `exp=` text of a fail, the matching term. */
export interface Outcome {
  result: SpfResultCode;
  explanation?: string;
  match?: SpfMatch;
}

/** A fresh trace node (no look-ups yet). */
function newNode(domain: string, via: SpfTraceNode['via'], term?: string): SpfTraceNode {
  const node: SpfTraceNode = { domain, via, lookups: 0, voidLookups: 0, children: [] };
  if (term !== undefined) node.term = term;
  return node;
}

/** Looks up `domain`'s record and evaluates it; `none` when it has none (§4.4, §4.5). */
async function checkDomain(state: EvalState, domain: string, node: SpfTraceNode, wantExplanation: boolean): Promise<Outcome> {
  const found = await lookupSpfRecord(state, domain);
  if (found.kind === 'none') {
    node.result = 'none';
    return { result: 'none' };
  }
  if (found.kind === 'multiple') {
    // §4.5: "If the resultant record set includes more than one record, check_host() produces
    // the permerror result."
    permanent(state, { code: 'multiple-records', message: `${domain} publishes ${found.records.length} v=spf1 records`, domain });
    return { result: 'permerror' };
  }
  node.record = found.record;
  return evaluateRecord(state, domain, node, found.record, wantExplanation);
}

/**
 * Enters a nested record (include or redirect target), guarding against loops: a domain
 * already on the path would evaluate forever (the 10-look-up limit ends it too, but naming
 * the loop is clearer).
 */
async function enter(
  state: EvalState,
  term: SpfMechanism | SpfModifier,
  domain: string,
  via: 'include' | 'redirect',
  wantExplanation: boolean,
): Promise<Outcome | undefined> {
  const [spec, tokens] = term.kind === 'mechanism' ? [term.domainSpec ?? '', term.domainTokens ?? []] : [term.value, term.tokens];
  if (state.mode === 'walk' && dependsOnClient(tokens)) {
    // The walk cannot know a client-dependent target: record the branch, unexpanded.
    state.stack[state.stack.length - 1].children.push(newNode(spec, via, term.text));
    return undefined;
  }
  const target = await expandTarget(state, tokens, domain);
  if (target === undefined) {
    permanent(state, problemAt(state, 'invalid-target', `${term.text}: the target is not a valid domain name`, term));
    return undefined;
  }
  if (state.stack.some((n) => sameName(n.domain, target))) {
    permanent(state, problemAt(state, 'loop', `${term.text} leads back to ${target}, which is being evaluated`, term));
    return undefined;
  }
  const child = newNode(target, via, term.text);
  state.stack[state.stack.length - 1].children.push(child);
  state.stack.push(child);
  try {
    return await checkDomain(state, target, child, wantExplanation);
  } finally {
    state.stack.pop();
  }
}

/**
 * §5.2: include matches on pass; fail, softfail and neutral do not match; temperror and
 * permerror propagate (thrown); none is a permerror.
 */
async function includeMatches(state: EvalState, m: SpfMechanism, domain: string): Promise<boolean> {
  const outcome = await enter(state, m, domain, 'include', false);
  if (outcome?.result === 'none') {
    permanent(state, problemAt(state, 'include-none', `${m.text}: ${m.domainSpec} has no SPF record`, m));
    return false;
  }
  return state.mode === 'evaluate' && outcome?.result === 'pass';
}

/** §6.1: after every mechanism failed to match; the target's result is ours, `none` a permerror. */
async function followRedirect(state: EvalState, redirect: SpfModifier, domain: string, node: SpfTraceNode, wantExplanation: boolean): Promise<Outcome> {
  if (!countLookup(state, redirect)) return { result: 'neutral' };
  const outcome = await enter(state, redirect, domain, 'redirect', wantExplanation);
  if (outcome?.result === 'none') {
    permanent(state, problemAt(state, 'redirect-none', `${redirect.text}: ${redirect.value} has no SPF record`, redirect));
    return { result: 'permerror' };
  }
  if (!outcome) return { result: 'neutral' };
  node.result = outcome.result;
  return outcome;
}

/**
 * Evaluates one record of `domain`. §4.6: any syntax error anywhere is a permerror before
 * anything is evaluated. §4.6.2: the first matching mechanism's qualifier is the result;
 * §4.7: with none matching and no redirect, the result is neutral.
 */
export async function evaluateRecord(
  state: EvalState,
  domain: string,
  node: SpfTraceNode,
  record: string,
  wantExplanation: boolean,
): Promise<Outcome> {
  const parsed = parseSpfRecord(record);
  for (const e of parsed.errors) {
    permanent(state, problemAt(state, 'syntax', e.message, { text: e.term, start: e.start, end: e.end }));
  }
  for (const m of parsed.mechanisms) {
    state.onMechanism?.(domain, m);
    if (DNS_MECHANISMS.has(m.name) && !countLookup(state, m)) continue;
    const matched = m.name === 'include' ? await includeMatches(state, m, domain) : await mechanismMatches(state, m, domain);
    if (!matched) continue;
    const result = resultOf(m.qualifier);
    node.result = result;
    if (m.name === 'all') node.all = m.qualifier;
    // §6.2: exp= of this record explains a fail; includes never ask (the includer explains).
    const explanation = result === 'fail' && wantExplanation ? await explain(state, parsed.exp, domain) : undefined;
    return { result, explanation, match: { domain, term: m.text, start: m.start, end: m.end } };
  }
  if (parsed.redirect) return followRedirect(state, parsed.redirect, domain, node, wantExplanation);
  node.result = 'neutral';
  return { result: 'neutral' };
}

export { checkDomain, newNode };
