// The yaml package's `visit`, for the loader's visitors, which only look at a node (or give a map
// new items): the same nodes in the same order (a map, then each of its pairs, each pair's key,
// then its value), without the frozen ancestor path `visit` builds at every collection, which cost
// the loader more than any of its own checks.
import { isCollection, isMap, isPair, type Document, type Pair, type YAMLMap } from 'yaml';

export interface NodeVisitor {
  Map?: (map: YAMLMap) => void;
  Pair?: (pair: Pair) => void;
}

export function eachNode(doc: Document, visitor: NodeVisitor): void {
  walk(doc.contents, visitor);
}

function walk(node: unknown, visitor: NodeVisitor): void {
  if (isMap(node)) visitor.Map?.(node);
  else if (isPair(node)) visitor.Pair?.(node);
  // Items read after the visitor, which may have replaced them, as `visit` does.
  if (isCollection(node)) for (let i = 0; i < node.items.length; i++) walk(node.items[i], visitor);
  else if (isPair(node)) {
    walk(node.key, visitor);
    walk(node.value, visitor);
  }
}
