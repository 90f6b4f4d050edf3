/**
 * Reads the `Filter` of a plan node — PostgreSQL's deparsed expression, e.g.
 * `((t.assignee_email)::text = $1) AND (t.status <> 'done'::text)` — into the columns an index
 * could serve. Only conjuncts of the shape `column <op> constant-like` count; anything else
 * (expressions on the column, comparisons between columns, OR at the top) is left alone, so a
 * suggestion is made only where a plain B-tree would clearly help.
 */

export type TermKind = 'eq' | 'range' | 'null' | 'pattern' | 'other';

export interface FilterTerm {
  column: string;
  kind: TermKind;
}

export interface ParsedFilter {
  terms: FilterTerm[];
  /** The filter is an OR at the top: no single index serves it. */
  disjunction: boolean;
}

type Tok = { t: 'ident' | 'qident' | 'str' | 'num' | 'param' | 'op' | 'punct'; v: string };

/** Splits a deparsed expression into tokens; quoted identifiers keep their case, plain ones fold. */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let j = i + 1;
      let v = '';
      while (j < text.length) {
        if (text[j] === "'" && text[j + 1] === "'") { v += "'"; j += 2; continue; }
        if (text[j] === "'") break;
        v += text[j++];
      }
      out.push({ t: 'str', v });
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < text.length) {
        if (text[j] === '"' && text[j + 1] === '"') { v += '"'; j += 2; continue; }
        if (text[j] === '"') break;
        v += text[j++];
      }
      out.push({ t: 'qident', v });
      i = j + 1;
    } else if (c === '$' && /\d/.test(text[i + 1] ?? '')) {
      const m = /^\$\d+/.exec(text.slice(i))!;
      out.push({ t: 'param', v: m[0] });
      i += m[0].length;
    } else if (/\d/.test(c)) {
      const m = /^\d+(\.\d+)?(e[+-]?\d+)?/i.exec(text.slice(i))!;
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/.exec(text.slice(i))!;
      out.push({ t: 'ident', v: m[0].toLowerCase() });
      i += m[0].length;
    } else if (c === ':' && text[i + 1] === ':') {
      out.push({ t: 'punct', v: '::' });
      i += 2;
    } else if ('()[],.'.includes(c)) {
      out.push({ t: 'punct', v: c });
      i++;
    } else {
      const m = /^[+\-*/<>=~!@#%^&|`?]+/.exec(text.slice(i));
      const v = m ? m[0] : c;
      out.push({ t: 'op', v });
      i += v.length;
    }
  }
  return out;
}

const isOpen = (t: Tok | undefined) => t?.t === 'punct' && t.v === '(';
const isClose = (t: Tok | undefined) => t?.t === 'punct' && t.v === ')';

/** Drops parentheses that wrap the whole token list. */
function unwrap(toks: Tok[]): Tok[] {
  let cur = toks;
  while (cur.length >= 2 && isOpen(cur[0]) && isClose(cur[cur.length - 1])) {
    let depth = 0;
    let wraps = true;
    for (let i = 0; i < cur.length; i++) {
      if (isOpen(cur[i])) depth++;
      else if (isClose(cur[i])) depth--;
      if (depth === 0 && i < cur.length - 1) { wraps = false; break; }
    }
    if (!wraps) break;
    cur = cur.slice(1, -1);
  }
  return cur;
}

/** Splits on a keyword (AND/OR) at parenthesis depth 0. */
function splitTop(toks: Tok[], word: 'and' | 'or'): Tok[][] {
  const parts: Tok[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    if (isOpen(t) || (t.t === 'punct' && t.v === '[')) depth++;
    else if (isClose(t) || (t.t === 'punct' && t.v === ']')) depth--;
    if (depth === 0 && t.t === 'ident' && t.v === word) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts;
}

// Words that may follow `::` as part of one type name (`timestamp with time zone`, `character varying`).
const TYPE_WORDS = new Set(['with', 'without', 'time', 'zone', 'varying', 'precision', 'character', 'double']);
// Bare words a constant-like operand may hold.
const CONSTANT_WORDS = new Set(['null', 'true', 'false', 'any', 'all', 'array', 'current_date', 'current_timestamp', 'localtimestamp', 'current_user', 'session_user', 'interval']);

/**
 * True when the tokens mention no column of this relation: literals, parameters, casts, function
 * calls, and columns qualified by another relation (a join's other side is a parameter to an
 * index probe).
 */
function constantLike(toks: Tok[], ownNames: ReadonlySet<string>): boolean {
  if (toks.length === 0) return false;
  let afterCast = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.t === 'punct' && t.v === '::') { afterCast = true; continue; }
    if (t.t === 'ident' || t.t === 'qident') {
      if (afterCast || (t.t === 'ident' && TYPE_WORDS.has(t.v))) continue;
      if (isOpen(toks[i + 1])) continue; // a function call
      const dot = toks[i + 1];
      if (dot?.t === 'punct' && dot.v === '.' && !ownNames.has(t.v)) { i += 2; continue; }
      if (t.t === 'ident' && CONSTANT_WORDS.has(t.v)) continue;
      return false;
    }
    if (t.t === 'punct' && t.v === '.') return false;
    afterCast = false;
  }
  return true;
}

/**
 * A column reference, possibly parenthesised and cast: `col`, `t.col`, `"Col"`, `(t.col)::text`.
 * Returns the qualifier and the name, or undefined for anything else.
 */
function columnRef(toks: Tok[]): { qualifier?: string; name: string } | undefined {
  let cur = toks;
  // A trailing cast (`::text`, `::character varying[]`) does not change which column is read.
  const cast = cur.findIndex((t) => t.t === 'punct' && t.v === '::');
  if (cast > 0) cur = cur.slice(0, cast);
  cur = unwrap(cur);
  const name = (t: Tok | undefined) => (t && (t.t === 'ident' || t.t === 'qident') ? t.v : undefined);
  if (cur.length === 1 && name(cur[0]) && !(cur[0]!.t === 'ident' && CONSTANT_WORDS.has(cur[0]!.v))) return { name: name(cur[0])! };
  if (cur.length === 3 && name(cur[0]) && cur[1]!.t === 'punct' && cur[1]!.v === '.' && name(cur[2])) return { qualifier: name(cur[0]), name: name(cur[2])! };
  return undefined;
}

const EQ_OPS = new Set(['=']);
const RANGE_OPS = new Set(['<', '>', '<=', '>=']);
// ~~ is LIKE, ~~* ILIKE, ~ and ~* regular expressions.
const PATTERN_OPS = new Set(['~~', '~~*', '~', '~*']);
const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

function classify(conjunct: Tok[], ownNames: ReadonlySet<string>): FilterTerm | undefined {
  const toks = unwrap(conjunct);
  const own = (ref: { qualifier?: string; name: string } | undefined) =>
    ref && (ref.qualifier === undefined || ownNames.has(ref.qualifier)) ? ref.name : undefined;
  // `col IS NULL` / `col IS NOT NULL`
  const last = toks[toks.length - 1];
  if (last?.t === 'ident' && last.v === 'null' && toks.length >= 3) {
    const not = toks[toks.length - 2]?.v === 'not';
    const isAt = toks.length - (not ? 3 : 2);
    if (toks[isAt]?.t === 'ident' && toks[isAt]!.v === 'is') {
      const column = own(columnRef(toks.slice(0, isAt)));
      return column ? { column, kind: not ? 'other' : 'null' } : undefined;
    }
  }
  // `col <op> rhs` with the operator at depth 0
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (isOpen(t) || (t.t === 'punct' && t.v === '[')) depth++;
    else if (isClose(t) || (t.t === 'punct' && t.v === ']')) depth--;
    if (depth !== 0 || t.t !== 'op') continue;
    const left = toks.slice(0, i);
    const right = toks.slice(i + 1);
    let op = t.v;
    let column = constantLike(right, ownNames) ? own(columnRef(left)) : undefined;
    if (!column && constantLike(left, ownNames)) {
      column = own(columnRef(right));
      op = FLIP[op] ?? op;
    }
    if (!column) return undefined;
    const kind: TermKind = EQ_OPS.has(op) ? 'eq' : RANGE_OPS.has(op) ? 'range' : PATTERN_OPS.has(op) ? 'pattern' : 'other';
    return { column, kind };
  }
  return undefined;
}

/**
 * Parses a plan node's `Filter`. `ownNames` are the names the node's relation goes by (its alias
 * and its table name): a qualified column of another relation is not this scan's to index.
 */
export function parseFilter(filter: string, ownNames: Iterable<string>): ParsedFilter {
  const names = new Set([...ownNames].map((n) => n));
  const toks = unwrap(tokenize(filter));
  if (splitTop(toks, 'or').length > 1) return { terms: [], disjunction: true };
  const terms: FilterTerm[] = [];
  for (const conjunct of splitTop(toks, 'and')) {
    const term = classify(conjunct, names);
    if (term) terms.push(term);
  }
  return { terms, disjunction: false };
}

/** A `Sort Key` entry as a column and direction, or undefined when it is an expression. */
export function parseSortKey(key: string, ownNames: Iterable<string>): { column: string; desc: boolean } | undefined {
  const toks = tokenize(key);
  let end = toks.length;
  let desc = false;
  // Trailing `DESC`, `ASC`, `NULLS FIRST|LAST`.
  while (end > 0) {
    const t = toks[end - 1]!;
    if (t.t === 'ident' && (t.v === 'first' || t.v === 'last') && toks[end - 2]?.v === 'nulls') { end -= 2; continue; }
    if (t.t === 'ident' && (t.v === 'desc' || t.v === 'asc')) { desc ||= t.v === 'desc'; end--; continue; }
    break;
  }
  const ref = columnRef(toks.slice(0, end));
  const names = new Set(ownNames);
  if (!ref || (ref.qualifier !== undefined && !names.has(ref.qualifier))) return undefined;
  return { column: ref.name, desc };
}
