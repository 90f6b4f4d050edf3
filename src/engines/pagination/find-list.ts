/**
 * Finding the rows of a list answer in JSON: a top-level array, or the one array a wrapper object
 * holds (`{ "tasks": [...] }`, JSON:API `data`, HAL `_embedded`). For an endpoint not declared as
 * a list only clear answers count — an array of objects, or exactly one top-level array of
 * objects — so a profile with a `roles: ["admin"]` field is never taken for a list.
 */

export interface ListRows {
  /** Rows in this answer. */
  rows: number;
  /** Where they are: `$` for a top-level array, else the key path (`tasks`, `_embedded.orders`). */
  path: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rows that are objects: the first 20 are looked at, all must be objects. */
const ofObjects = (a: unknown[]): boolean => a.length > 0 && a.slice(0, 20).every(isObject);

/** Wrappers that hold the list one level down (`{ data: { items: [...] } }`, HAL). */
const NESTED_WRAPPERS = ['data', '_embedded', 'result', 'results', 'response'];

function arraysOf(obj: Record<string, unknown>, prefix: string): { path: string; rows: unknown[] }[] {
  return Object.entries(obj).filter(([, v]) => Array.isArray(v)).map(([k, v]) => ({ path: `${prefix}${k}`, rows: v as unknown[] }));
}

/**
 * The list in a parsed JSON answer. `declared`: the config says it is a list, so any array will
 * do and the largest array of objects wins when there are several; otherwise only clear lists.
 */
export function findList(json: unknown, opts: { declared: boolean }): ListRows | undefined {
  if (Array.isArray(json)) {
    if (opts.declared || ofObjects(json)) return { rows: json.length, path: '$' };
    return undefined;
  }
  if (!isObject(json)) return undefined;
  const top = arraysOf(json, '');
  const objectArrays = top.filter((a) => ofObjects(a.rows));
  if (!opts.declared) return objectArrays.length === 1 ? { rows: objectArrays[0].rows.length, path: objectArrays[0].path } : undefined;

  let candidates = objectArrays.length ? objectArrays : top;
  if (candidates.length === 0) {
    for (const key of NESTED_WRAPPERS) {
      const inner = json[key];
      if (!isObject(inner)) continue;
      const nested = arraysOf(inner, `${key}.`);
      candidates = nested.filter((a) => ofObjects(a.rows));
      if (candidates.length === 0) candidates = nested;
      if (candidates.length) break;
    }
  }
  if (candidates.length === 0) return undefined;
  const biggest = candidates.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
  return { rows: biggest.rows.length, path: biggest.path };
}
