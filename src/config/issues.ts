/**
 * Turns zod issues into located, coded {@link ConfigProblem}s: each points at the YAML node at
 * fault (the key for unknown keys, the value for wrong values, the enclosing mapping for missing
 * keys) and says what to do.
 */
import type { Node } from 'yaml';
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import type { ConfigErrorCode, ConfigProblem } from './errors.js';
import type { IssueParams } from './schema-primitives.js';
import { kindOf } from './schema-primitives.js';
import { objectShapeAt } from './schema-walk.js';
import { isSecretPath } from './secrets.js';
import {
  formatPath, isEmptyScalar, type Located, locate, type PathSegment, positionAt, startOf, type YamlSource,
} from './yaml-source.js';

/** What the mapper needs besides the issues. */
export interface IssueContext {
  source: YamlSource;
  /** The value that was validated (after interpolation). */
  data: unknown;
  schema: z.ZodType;
  /** Scalars whose value came from the environment: never echoed. */
  interpolated: ReadonlySet<Node>;
}

type Issue = z.core.$ZodIssue;

const EXPECTED_WORDS: Readonly<Record<string, string>> = Object.freeze({
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  record: 'a mapping (key: value)',
});

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** Short, quotable form of a value for a message, unless it may be a secret. */
function shownValue(ctx: IssueContext, path: readonly PathSegment[], loc: Located, raw: unknown): string | undefined {
  if (isSecretPath(path) || (loc.value && ctx.interpolated.has(loc.value))) return undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return undefined;
  const s = String(raw);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Where to point for a problem with a value: the value, or its key when the value is empty. */
function valueNode(loc: Located): Node | undefined {
  if (loc.value && !isEmptyScalar(loc.value)) return loc.value;
  return loc.key ?? loc.deepestKey ?? loc.deepest;
}

function problem(
  ctx: IssueContext, code: ConfigErrorCode, path: readonly PathSegment[], node: Node | undefined, message: string, fix: string,
): ConfigProblem {
  return {
    code, file: ctx.source.file, ...positionAt(ctx.source, startOf(node)), path: formatPath(path), message, fix,
  };
}

/** The name a message uses for the value at `path`: its key, or `hosts[2]` for a list item. */
function lastKey(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (typeof last !== 'number') return String(last ?? '');
  const parent = [...path].reverse().find((p): p is string => typeof p === 'string');
  return `${parent ?? ''}[${last}]`;
}

function missingOrWrongType(ctx: IssueContext, issue: Issue & { expected?: string }, path: PathSegment[]): ConfigProblem {
  const loc = locate(ctx.source, path);
  const raw = valueAt(ctx.data, path);
  const expected = EXPECTED_WORDS[issue.expected ?? ''] ?? issue.expected ?? 'another value';
  if (path.length === 0) {
    return raw === undefined || raw === null
      ? problem(ctx, 'LR_CONFIG_REQUIRED', path, undefined, 'the config file is empty', 'start with `project: <name>` (`launchready init <url>` writes a commented file)')
      : problem(ctx, 'LR_CONFIG_TYPE', path, loc.value, `the config file must be a mapping of keys, got ${kindOf(raw)}`, 'write `key: value` lines, starting with `project: <name>`');
  }
  const key = lastKey(path);
  if (raw === undefined) {
    if (loc.key) {
      return problem(ctx, 'LR_CONFIG_REQUIRED', path, loc.key, `"${key}" has no value`, `write ${expected} after "${key}:"`);
    }
    const where = loc.depth === path.length - 1 ? (loc.deepest && !isEmptyScalar(loc.deepest) ? loc.deepest : loc.deepestKey) : loc.deepestKey ?? loc.deepest;
    const fix = typeof path[path.length - 1] === 'number' ? `add the item (${expected})` : `add ${key}: with ${expected}`;
    return problem(ctx, 'LR_CONFIG_REQUIRED', path, where, `missing required key "${key}"`, fix);
  }
  return problem(ctx, 'LR_CONFIG_TYPE', path, valueNode(loc), `"${key}" must be ${expected}, got ${kindOf(raw)}`, `write ${expected} here`);
}

function unknownKeys(ctx: IssueContext, issue: Issue & { keys: string[] }, path: PathSegment[]): ConfigProblem[] {
  const known = objectShapeAt(ctx.schema, path)?.keys ?? [];
  return issue.keys.map((key) => {
    const loc = locate(ctx.source, [...path, key]);
    const near = didYouMean(key, known);
    return problem(
      ctx, 'LR_CONFIG_UNKNOWN_KEY', [...path, key], loc.key ?? loc.deepest,
      `unknown key "${key}"${near ? ` — did you mean "${near}"?` : ''}`,
      near ? `rename "${key}" to "${near}"` : `remove "${key}"${known.length ? `; known keys here: ${known.join(', ')}` : ''}`,
    );
  });
}

function badValue(ctx: IssueContext, issue: Issue, path: PathSegment[]): ConfigProblem {
  const loc = locate(ctx.source, path);
  const raw = valueAt(ctx.data, path);
  const shown = shownValue(ctx, path, loc, raw);
  const node = valueNode(loc);
  const key = lastKey(path);
  const i = issue as Issue & { values?: unknown[]; minimum?: number | bigint; maximum?: number | bigint; origin?: string; format?: string };
  switch (issue.code) {
    case 'invalid_value': {
      const values = (i.values ?? []).map(String);
      const near = typeof raw === 'string' ? didYouMean(raw, values) : undefined;
      return problem(
        ctx, 'LR_CONFIG_VALUE', path, node,
        `${shown !== undefined ? `"${shown}"` : 'the value'} is not one of ${values.join(' | ')}${near ? ` — did you mean "${near}"?` : ''}`,
        near ? `write ${near}` : `use one of: ${values.join(', ')}`,
      );
    }
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') return problem(ctx, 'LR_CONFIG_VALUE', path, node, `"${key}" must not be empty`, 'write a value, or remove the key');
      if (i.origin === 'array') return problem(ctx, 'LR_CONFIG_VALUE', path, node, `"${key}" needs at least ${min} item${min === 1 ? '' : 's'}`, 'add items to the list');
      return problem(ctx, 'LR_CONFIG_VALUE', path, node, `"${key}" must be at least ${min}${shown !== undefined ? `, got ${shown}` : ''}`, `write a number ≥ ${min}`);
    }
    case 'too_big': {
      const max = Number(i.maximum);
      return problem(ctx, 'LR_CONFIG_VALUE', path, node, `"${key}" must be at most ${max}${shown !== undefined ? `, got ${shown}` : ''}`, `write a number ≤ ${max}`);
    }
    case 'invalid_format':
      return problem(ctx, 'LR_CONFIG_VALUE', path, node, `"${key}" is not a valid ${i.format ?? 'value'}`, `write a valid ${i.format ?? 'value'}`);
    default:
      return problem(ctx, 'LR_CONFIG_VALUE', path, node, issue.message, 'correct the value');
  }
}

function custom(ctx: IssueContext, issue: Issue & { params?: Partial<IssueParams> }, path: PathSegment[]): ConfigProblem {
  const params = issue.params ?? {};
  const loc = locate(ctx.source, path);
  // Issues that carry the value are worded as a predicate ("is not a duration: …"): the subject
  // is the value when it may be shown, else the key.
  const shown = params.shown !== undefined ? shownValue(ctx, path, loc, params.shown) : undefined;
  const subject = params.shown === undefined ? '' : shown !== undefined ? `"${shown}" ` : `"${lastKey(path)}" `;
  // Missing keys point at the enclosing mapping; everything else at the value.
  const node = params.lr === 'LR_CONFIG_REQUIRED' && loc.value && !isEmptyScalar(loc.value) ? loc.value : valueNode(loc);
  return problem(ctx, params.lr ?? 'LR_CONFIG_VALUE', path, node, `${subject}${issue.message}`, params.fix ?? 'correct the value');
}

/** A record key that breaks its rule (`1BAD` as a variable name): points at the key. */
function invalidKey(ctx: IssueContext, issue: Issue & { issues: Issue[] }, path: PathSegment[]): ConfigProblem {
  const inner = issue.issues[0] as (Issue & { params?: Partial<IssueParams> }) | undefined;
  const loc = locate(ctx.source, path);
  return problem(
    ctx, inner?.params?.lr ?? 'LR_CONFIG_VALUE', path, loc.key ?? loc.deepest,
    `"${String(path[path.length - 1])}" ${inner?.message ?? 'is not an allowed key here'}`,
    inner?.params?.fix ?? 'rename the key',
  );
}

/** A key accepted by an open mapping (`env:` variables) that is really a typo of a declared key. */
function typoInOpenMap(ctx: IssueContext, path: PathSegment[]): ConfigProblem | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = path.slice(0, -1);
  const shape = objectShapeAt(ctx.schema, parent);
  if (!shape?.open || shape.keys.includes(key)) return undefined;
  const near = didYouMean(key, shape.keys);
  if (!near) return undefined;
  return unknownKeys(ctx, { code: 'unrecognized_keys', keys: [key], path: parent, message: '', input: undefined }, parent)[0];
}

/** Maps every issue; one issue may become several problems (one per unknown key). */
export function issuesToProblems(ctx: IssueContext, issues: readonly Issue[]): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      out.push(...unknownKeys(ctx, issue, path));
    } else if (issue.code === 'invalid_type') {
      out.push(typoInOpenMap(ctx, path) ?? missingOrWrongType(ctx, issue, path));
    } else if (issue.code === 'custom') {
      out.push(custom(ctx, issue, path));
    } else if (issue.code === 'invalid_key') {
      out.push(invalidKey(ctx, issue, path));
    } else if (issue.code === 'invalid_union') {
      const first = issue.errors[0]?.[0];
      out.push(first ? issuesToProblems(ctx, [{ ...first, path: [...issue.path, ...first.path] }])[0] : badValue(ctx, issue, path));
    } else {
      out.push(badValue(ctx, issue, path));
    }
  }
  return dropEchoes(out);
}

/**
 * A typo'd required key yields two issues: "unknown key projet" and "missing project". The
 * first already says it all (with its did-you-mean), so the second is dropped.
 */
function dropEchoes(problems: ConfigProblem[]): ConfigProblem[] {
  const suggested = new Set(
    problems
      .filter((p) => p.code === 'LR_CONFIG_UNKNOWN_KEY')
      .map((p) => {
        const near = /did you mean "([^"]+)"/.exec(p.message)?.[1];
        return near ? `${parentPath(p.path)}|${near}` : '';
      }),
  );
  return problems.filter((p) => {
    if (p.code !== 'LR_CONFIG_REQUIRED') return true;
    const m = /^missing required key "([^"]+)"$/.exec(p.message);
    if (!m) return true;
    return !suggested.has(`${parentPath(p.path)}|${m[1]}`);
  });
}

/** `a.b[0].name` → `a.b[0]`; `project` → `` (the formatted form of the path one level up). */
const parentPath = (path: string) => path.replace(/(?:^|\.)[A-Za-z_][\w-]*$|\[[^\]]*\]$/, '');
