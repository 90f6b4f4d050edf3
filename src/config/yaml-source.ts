/**
 * A parsed YAML file that keeps source positions, and the helpers that turn a value path
 * (`['environments', 'production', 'hosts', 2, 'role']`) back into a line and column.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { ConfigProblem } from './errors.js';

export type PathSegment = string | number;

/** One YAML file with what is needed to point at any of its nodes. */
export interface YamlSource {
  /** Absolute path. */
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Clearer words for the YAML errors people actually make in hand-written config. */
const YAML_HINTS: Readonly<Record<string, { message?: string; fix: string }>> = Object.freeze({
  MULTIPLE_DOCS: { message: 'the file holds more than one YAML document (a second `---`)', fix: 'keep one document: remove the second `---` and merge the keys' },
  TAB_AS_INDENT: { fix: 'indent with spaces, not tabs' },
  BAD_INDENT: { fix: 'align the key with its siblings (spaces only)' },
  MISSING_CHAR: { fix: 'close the bracket or quote opened before this position' },
  BLOCK_AS_IMPLICIT_KEY: { fix: 'check the indentation and the `:` after each key' },
});

/** Parses `text` keeping positions; YAML syntax errors come back as `LR_CONFIG_YAML` / `LR_CONFIG_DUPLICATE` problems. */
export function parseYamlSource(text: string, file: string): { source: YamlSource; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  // prettyErrors off: we print our own `file:line:col` prefix, so the raw message reads better.
  // uniqueKeys on (the default) makes duplicate keys an error instead of a silent overwrite.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const source: YamlSource = { file, text, doc, lineCounter };
  const problems = doc.errors.map((e): ConfigProblem => {
    const duplicate = e.code === 'DUPLICATE_KEY';
    const hint = YAML_HINTS[e.code];
    return {
      code: duplicate ? 'LR_CONFIG_DUPLICATE' : 'LR_CONFIG_YAML',
      file,
      ...positionAt(source, e.pos[0]),
      path: '',
      message: duplicate ? 'duplicate key: a key may appear only once in a mapping' : `YAML syntax error: ${hint?.message ?? e.message}`,
      fix: duplicate ? 'remove or merge the repeated key' : hint?.fix ?? 'fix the YAML syntax at this position (indentation, quotes, brackets)',
    };
  });
  return { source, problems };
}

/**
 * The document as plain data. The alias cap stops "billion laughs" documents from expanding
 * without bound; a self-referencing alias ends in a RangeError, reported as a YAML problem.
 */
export function toData(source: YamlSource): { data: unknown } | { problem: ConfigProblem } {
  const problem = (message: string) => ({
    problem: {
      code: 'LR_CONFIG_YAML' as const, file: source.file, line: 1, column: 1, path: '',
      message: `YAML error: ${message}`, fix: 'simplify the anchors (&name) and aliases (*name)',
    },
  });
  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return problem(err instanceof RangeError ? 'an alias refers to itself or nests too deeply' : (err as Error).message);
  }
  // `a: &a [x, *a]` becomes a cyclic array: refuse it before anything walks it.
  const shape = treeShape(data, new Set(), 0);
  return shape === 'ok' ? { data } : problem(shape === 'cycle' ? 'an alias refers to itself' : 'the document nests too deeply');
}

/** Hand-written config is a tree of modest depth; anything else is refused. */
const MAX_DEPTH = 64;

function treeShape(v: unknown, ancestors: Set<object>, depth: number): 'ok' | 'cycle' | 'deep' {
  if (v === null || typeof v !== 'object') return 'ok';
  if (ancestors.has(v)) return 'cycle';
  if (depth > MAX_DEPTH) return 'deep';
  ancestors.add(v);
  for (const child of Object.values(v)) {
    const r = treeShape(child, ancestors, depth + 1);
    if (r !== 'ok') return r;
  }
  ancestors.delete(v);
  return 'ok';
}

/** 1-based line and column of a character offset. */
export function positionAt(source: YamlSource, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, source.text.length));
  const { line, col } = source.lineCounter.linePos(clamped);
  return { line, column: col };
}

/** `environments.production.hosts[2].role`; odd keys are bracket-quoted: `env["my var"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** What a path resolves to in the YAML tree, as far as it exists. */
export interface Located {
  /** The value node at the full path, when it exists. */
  value?: Node;
  /** The key node naming the last segment, when the last segment is a mapping key that exists. */
  key?: Node;
  /** The deepest node that exists along the path (the document root at worst). */
  deepest?: Node;
  /** Key node of the deepest existing node, when it is a mapping value. */
  deepestKey?: Node;
  /** How many segments were found. */
  depth: number;
}

const keyText = (k: unknown): string | undefined =>
  isScalar(k) ? String(k.value) : k === null || k === undefined ? undefined : String(k);

/** Walks `path` through maps, sequences and aliases of the document. */
export function locate(source: YamlSource, path: readonly PathSegment[]): Located {
  let node: unknown = source.doc.contents;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    let next: unknown;
    let nextKey: Node | undefined;
    let found = false;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (pair) {
        found = true;
        next = pair.value;
        nextKey = isScalar(pair.key) ? pair.key : undefined;
      }
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      found = true;
      next = node.items[seg];
    }
    if (!found) {
      return { deepest: asNode(node), deepestKey: keyNode, depth };
    }
    node = next;
    keyNode = nextKey;
    depth++;
  }
  if (isAlias(node)) node = node.resolve(source.doc);
  return { value: asNode(node), key: keyNode, deepest: asNode(node), deepestKey: keyNode, depth };
}

const asNode = (n: unknown): Node | undefined => (n && typeof n === 'object' && 'range' in n ? (n as Node) : undefined);

/** True when the node is an empty scalar (`key:` with nothing after it): pointing at it says little. */
export function isEmptyScalar(node: Node | undefined): boolean {
  return !node || (isScalar(node) && (node.value === null || node.value === undefined) && !node.source);
}

/** Start offset of a node, or 0 (the file's first character) when the node has no range. */
export function startOf(node: Node | undefined): number {
  return node?.range?.[0] ?? 0;
}
