/**
 * Regex fragments shared by the rules, so that "a key name, then `=`/`:`, then a quoted or bare
 * value" reads the same in every rule. Building a RegExp from fragments keeps the rules data.
 */

/** `=`, `:`, `:=`, `=>` with a little space around, after an optional closing quote of the key. */
export const ASSIGN = String.raw`["']?\s{0,4}(?::=|=>|=|:)\s{0,4}["'\x60]?`;

/** Characters that may follow a key name inside it (`_API_KEY`, `.token`, `-secret`). */
export const KEY_TAIL = String.raw`[\w.-]{0,30}?`;

/**
 * `<key words> <tail> = <value>`: the value is group 1. `key` is a regex source matched
 * case-insensitively; the caller's value pattern keeps its own case rules via character classes.
 */
export function assignment(key: string, value: string): RegExp {
  return new RegExp(`(?:${key})${KEY_TAIL}${ASSIGN}(${value})(?![\\w+/-])`, 'i');
}

/** A token with a fixed prefix, delimited on both sides so it is not the middle of a longer word. */
export function prefixed(body: string, flags = ''): RegExp {
  return new RegExp(String.raw`(?<![\w-])(${body})(?![\w-])`, flags);
}
