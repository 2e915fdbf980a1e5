// Every scalar value of the document with its key path, for the rules that read text wherever it is.
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { CheckContext } from './context.js';

export interface ScalarAt {
  path: string;
  node: Scalar;
}

function keyText(key: unknown): string {
  return isScalar(key) ? (typeof key.source === 'string' ? key.source : String(key.value)) : String(key);
}

const cache = new WeakMap<object, ScalarAt[]>();

/** Computed once per document: two rules read every text. */
export function scalars(ctx: CheckContext): ScalarAt[] {
  if (!ctx.doc) return [];
  const cached = cache.get(ctx.doc);
  if (cached) return cached;
  const out: ScalarAt[] = [];
  const visit = (node: unknown, path: string) => {
    if (isScalar(node)) out.push({ path, node });
    else if (isMap(node)) for (const pair of node.items) visit(pair.value, path ? `${path}.${keyText(pair.key)}` : keyText(pair.key));
    else if (isSeq(node)) node.items.forEach((item, i) => visit(item as Node, `${path}[${i}]`));
  };
  visit(ctx.doc.contents, '');
  cache.set(ctx.doc, out);
  return out;
}
