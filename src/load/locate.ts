// Key path → YAML node, so that a check can point at the key or value a finding is about.
// Paths are the loader's: `budget[2].basic.general`, `basic_economic.30101`, `reasons.lines.2080502`.
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export interface Located {
  /** The key of the last map step (absent for a list item or the whole document). */
  key?: Node;
  value?: Node;
  /** The part of the path that was found: the whole path, or its longest existing ancestor. */
  path: string;
  exact: boolean;
}

/** `a.b[2].c` → ['a', 'b', 2, 'c']. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    if (part === '') continue;
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

function joinPath(steps: readonly (string | number)[]): string {
  return steps.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');
}

function keyText(key: unknown): string {
  if (isScalar(key)) return typeof key.source === 'string' ? key.source : String(key.value);
  return String(key);
}

/** The node at `path`, or the nearest ancestor that exists. */
export function locate(doc: Document, path: string): Located {
  const steps = splitPath(path);
  let here: Located = { value: doc.contents ?? undefined, path: '', exact: steps.length === 0 };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const node = here.value;
    let next: Located | undefined;
    if (typeof step === 'number' && isSeq(node)) {
      const item = node.items[step];
      if (item) next = { value: item as Node, path: joinPath(steps.slice(0, i + 1)), exact: false };
    } else if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(step));
      if (pair) next = { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined, path: joinPath(steps.slice(0, i + 1)), exact: false };
    }
    if (!next) return here;
    here = next;
  }
  return { ...here, exact: true };
}

/** Key path of the innermost key or value that contains `offset` ('' when none does). */
export function pathAt(doc: Document, offset: number): string {
  const within = (n: unknown) => {
    const r = (n as Node | null | undefined)?.range;
    return !!r && r[0] <= offset && offset < Math.max(r[1], r[0] + 1);
  };
  let path = '';
  let node: unknown = doc.contents;
  for (;;) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (/\s/.test(key)) return path; // a broken document's 'key' spanning lines says nothing
        if (within(pair.key)) return path ? `${path}.${key}` : key;
        if (within(pair.value)) {
          path = path ? `${path}.${key}` : key;
          next = pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (next === undefined && within(item)) {
          path = `${path}[${i}]`;
          next = item;
        }
      });
    }
    if (next === undefined) return path;
    node = next;
  }
}
