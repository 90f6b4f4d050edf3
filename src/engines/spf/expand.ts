/** Macro expansion bound to one evaluation: the values of §7.3 and target names for DNS. */
import { isQueryableName, truncateExpandedName } from './domain.js';
import { dotFormat, readableFormat } from './ip.js';
import { expandTokens, type MacroToken, type MacroValues } from './macro.js';
import { validatedName } from './ptr.js';
import type { EvalState } from './state.js';

/** Macro values for the record of `domain` (§7.3). */
export function macroValues(state: EvalState, domain: string): MacroValues {
  return {
    sender: state.sender,
    local: state.local,
    senderDomain: state.senderDomain,
    domain,
    ipDotted: dotFormat(state.ip),
    ipReadable: readableFormat(state.ip),
    ipVersionLabel: state.ip.version === 4 ? 'in-addr' : 'ip6',
    helo: state.helo,
    receiver: state.receiver,
    timestamp: Math.floor(state.now().getTime() / 1000),
    // The walk has no real client: its reverse DNS means nothing, so no look-up is made.
    validatedName: () => (state.mode === 'walk' ? Promise.resolve('unknown') : validatedName(state, domain)),
  };
}

/**
 * Expands a domain-spec into a name to query (§7.3: long names truncated from the left, one
 * trailing dot dropped). Undefined when the result cannot be queried (an empty or over-long
 * label): the caller treats such a target as non-existent.
 */
export async function expandTarget(state: EvalState, tokens: readonly MacroToken[], domain: string): Promise<string | undefined> {
  const name = truncateExpandedName(await expandTokens(tokens, macroValues(state, domain)));
  return isQueryableName(name) ? name : undefined;
}

/** Letters whose value is known without a client (`d`, `o`): the walk expands only those. */
export function dependsOnClient(tokens: readonly MacroToken[]): boolean {
  return tokens.some((t) => t.kind === 'macro' && t.letter !== 'd' && t.letter !== 'o');
}
