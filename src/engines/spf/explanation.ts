/**
 * `exp=` (RFC 7208 §6.2): the explanation of a `fail`. Every failure here is ignored — "If there
 * are any DNS processing errors (any RCODE other than 0), or if no records are returned, or if
 * more than one record is returned, or if there are syntax errors in the explanation string,
 * then proceed as if no exp modifier was given." The look-up counts against neither limit.
 */
import { expandTarget, macroValues } from './expand.js';
import { expandTokens, tokenizeMacroString } from './macro.js';
import type { SpfModifier } from './parse.js';
import { type EvalState, resolve, SpfFailure } from './state.js';

/** The expanded explanation, or undefined when `exp=` is absent or unusable. */
export async function explain(state: EvalState, exp: SpfModifier | undefined, domain: string): Promise<string | undefined> {
  if (!exp) return undefined;
  try {
    const name = await expandTarget(state, exp.tokens, domain);
    if (name === undefined) return undefined;
    const lookup = await resolve(state, name, 'TXT');
    if (lookup.status !== 'ok' || lookup.records.length !== 1) return undefined;
    // §6.2: the strings of the one record are joined with no separator.
    const text = (lookup.records[0].data as string[]).join('');
    const tokens = tokenizeMacroString(text, 'explanation');
    if (!tokens.ok) return undefined;
    return await expandTokens(tokens.tokens, macroValues(state, domain));
  } catch (err) {
    if (err instanceof SpfFailure) return undefined;
    throw err;
  }
}
