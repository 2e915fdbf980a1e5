// Shared by the draft, diff and snapshot tests: the reference, its 2025 draft and the completed draft.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCollection, isScalar, parseDocument, visit, type Node } from 'yaml';

export const REFERENCE = fileURLToPath(new URL('../../data/2024-info-center.yaml', import.meta.url));
export const COMPLETED = fileURLToPath(new URL('../fixtures/draft-2025-completed.yaml', import.meta.url));
export const COUNTY = fileURLToPath(new URL('../fixtures/golden/county-bureau/data.yaml', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const read = (file: string): string => readFileSync(file, 'utf8');

/**
 * Every comment line of a YAML text as the `yaml` package attaches them to nodes (independent of
 * the draft's own comment finder), in document order.
 */
export function commentLines(source: string): string[] {
  const doc = parseDocument(source);
  const out: string[] = [];
  const add = (c: string | null | undefined) => c && out.push(...c.split('\n').map((l) => l.trim()).filter(Boolean));
  add(doc.commentBefore);
  visit(doc, {
    Node(_, node) {
      add((node as Node).commentBefore);
      add((node as Node).comment);
    },
  });
  add(doc.comment);
  return out;
}

/** Every key path of a YAML text (`prior.budget.0.code`), the document's structure without its values. */
export function keyPaths(source: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (!isCollection(node)) return;
    node.items.forEach((item, i) => {
      if (isScalar(item) || !('key' in (item as object))) return walk(item, `${path}${i}.`);
      const pair = item as { key: unknown; value: unknown };
      const key = `${path}${isScalar(pair.key) ? String(pair.key.value) : '?'}`;
      out.push(key);
      walk(pair.value, `${key}.`);
    });
  };
  walk(parseDocument(source).contents, '');
  return out;
}

/** Years written as years, replaced, so comments of different years compare equal. */
export const anyYear = (s: string): string => s.replace(/(19|20)\d\d(?=\s*年)/g, 'YYYY');
