/**
 * Reads the structure of a zod (v4) schema — which keys an object declares at a given path — so
 * an unknown key can be answered with the closest known one. Uses the documented `_zod.def`
 * introspection surface of zod v4.
 */
import type { z } from 'zod';
import type { PathSegment } from './yaml-source.js';

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  getter?: () => Schema;
}
type Schema = { _zod: { def: Def } };

const WRAPPERS: ReadonlySet<string> = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Strips wrappers, preprocessors and transforms down to the schema that holds the structure. */
function unwrap(s: Schema): Schema {
  for (let i = 0; i < 32; i++) {
    const def = s._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in && def.out) {
      // A preprocess is pipe(transform → schema); a transform is pipe(schema → transform).
      s = def.in._zod.def.type === 'transform' ? def.out : def.in;
    } else if (def.type === 'lazy' && def.getter) s = def.getter();
    else return s;
  }
  return s;
}

/** The schema one path segment down, if the structure has one there. */
function child(s: Schema, seg: PathSegment): Schema | undefined {
  const u = unwrap(s);
  const def = u._zod.def;
  switch (def.type) {
    case 'object':
      return def.shape?.[String(seg)] ?? (def.catchall && def.catchall._zod.def.type !== 'never' ? def.catchall : undefined);
    case 'array':
      return typeof seg === 'number' ? def.element : undefined;
    case 'record':
      return def.valueType;
    case 'union':
      for (const o of def.options ?? []) {
        const c = child(o, seg);
        if (c) return c;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** What an object schema at `path` declares. */
export interface ObjectShape {
  keys: string[];
  /** True when other keys are accepted too (e.g. variable names under `env:`). */
  open: boolean;
}

/** The keys the object at `path` declares, or undefined when there is no object there. */
export function objectShapeAt(schema: z.ZodType, path: readonly PathSegment[]): ObjectShape | undefined {
  let s: Schema | undefined = schema as unknown as Schema;
  for (const seg of path) {
    s = s && child(s, seg);
    if (!s) return undefined;
  }
  const def = unwrap(s)._zod.def;
  if (def.type !== 'object') return undefined;
  return {
    keys: Object.keys(def.shape ?? {}),
    open: !!def.catchall && def.catchall._zod.def.type !== 'never',
  };
}
