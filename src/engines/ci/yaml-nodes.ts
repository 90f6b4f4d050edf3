/** Small helpers over `yaml` nodes: find a key, its line, a plain value, text of a scalar. */
import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

export type AnyNode = Node | null | undefined;

/** The pair of `key` in a mapping node, if both exist. */
export function pairOf(map: AnyNode, key: string): Pair<Node, AnyNode> | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap<Node, AnyNode>).items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
}

/** The value node of `key` in a mapping. */
export function valueOf(map: AnyNode, key: string): AnyNode {
  return pairOf(map, key)?.value ?? undefined;
}

/** Every pair of a mapping with a scalar key, in order. */
export function entriesOf(map: AnyNode): [string, Pair<Node, AnyNode>][] {
  if (!isMap(map)) return [];
  return (map as YAMLMap<Node, AnyNode>).items
    .filter((p) => isPair(p) && isScalar(p.key))
    .map((p) => [String((p.key as { value: unknown }).value), p as Pair<Node, AnyNode>]);
}

/** 1-based line where a node starts (1 when unknown). */
export function lineOf(node: AnyNode | Pair<Node, AnyNode>, lc: LineCounter): number {
  const n = isPair(node) ? (node.key as Node) : node;
  const offset = n?.range?.[0];
  return offset === undefined ? 1 : lc.linePos(offset).line;
}

/** The node as plain data (aliases resolved, bounded). */
export function plain(node: AnyNode): unknown {
  if (!node) return undefined;
  try {
    return (node as Node).toJSON();
  } catch {
    return undefined;
  }
}

/** A scalar's text (numbers and booleans stringified); undefined for anything else. */
export function text(node: AnyNode): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return v === null || v === undefined ? undefined : String(v);
}

/** A string or a list of strings as a list (GitHub `needs: a` and `needs: [a, b]`). */
export function textList(node: AnyNode): string[] {
  if (isScalar(node)) return text(node) !== undefined ? [text(node)!] : [];
  if (isSeq(node)) return node.items.map((i) => text(i as AnyNode)).filter((s): s is string => s !== undefined);
  return [];
}

/** Items of a sequence node. */
export function itemsOf(node: AnyNode): AnyNode[] {
  return isSeq(node) ? (node.items as AnyNode[]) : [];
}
