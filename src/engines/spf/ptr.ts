/**
 * Validated domain names of the client (RFC 7208 §5.5): PTR names whose forward look-up gives
 * the client's address back. Serves the `ptr` mechanism and the `%{p}` macro (§7.3).
 */
import { isQueryableName, isSameOrSubdomain, sameName } from './domain.js';
import { reverseName, sameAddress } from './ip.js';
import { type EvalState, resolve, SpfFailure } from './state.js';

/** RFC 7208 §4.6.4: at most 10 PTR names are looked at; the rest are ignored, not an error. */
export const MAX_PTR_NAMES = 10;

/** The first 10 PTR names of the client; none when the PTR look-up fails (§5.5: no match). */
async function ptrNames(state: EvalState): Promise<string[]> {
  try {
    const lookup = await resolve(state, reverseName(state.ip), 'PTR');
    return lookup.records.map((r) => String(r.data)).slice(0, MAX_PTR_NAMES);
  } catch (err) {
    if (err instanceof SpfFailure && err.problem.code === 'dns') return [];
    throw err;
  }
}

/** Whether `name` resolves to the client's address; DNS errors skip the name (§5.5). */
async function validates(state: EvalState, name: string): Promise<boolean> {
  if (!isQueryableName(name)) return false;
  try {
    const lookup = await resolve(state, name, state.ip.version === 4 ? 'A' : 'AAAA');
    return lookup.records.some((r) => sameAddress(state.ip, String(r.data)));
  } catch (err) {
    if (err instanceof SpfFailure && err.problem.code === 'dns') return false;
    throw err;
  }
}

/**
 * The `ptr` mechanism: does a validated name equal `target` or end in `.target`? Names not under
 * the target are never validated: the answer is the same and it saves look-ups. PTR and address
 * answers are not void look-ups here: the sender's policy does not control the client's
 * reverse DNS (the same reasoning as the suite's "ptr-limit" comment).
 */
export async function ptrMatches(state: EvalState, target: string): Promise<boolean> {
  for (const name of await ptrNames(state)) {
    if (isSameOrSubdomain(name, target) && (await validates(state, name))) return true;
  }
  return false;
}

/**
 * `%{p}` (§7.3): the validated name equal to <domain>, else one under it, else any validated
 * name, else "unknown". The validated list is looked up once per evaluation.
 */
export async function validatedName(state: EvalState, domain: string): Promise<string> {
  state.validatedNames ??= (async () => {
    const out: string[] = [];
    for (const name of await ptrNames(state)) if (await validates(state, name)) out.push(name);
    return out;
  })();
  const names = await state.validatedNames;
  return (
    names.find((n) => sameName(n, domain)) ??
    names.find((n) => isSameOrSubdomain(n, domain)) ??
    names[0] ??
    'unknown'
  );
}
