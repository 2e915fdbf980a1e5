// tables.yaml in layers, as every other template file: a profile's or `--templates` folder's
// tables.yaml holds only what it changes. Over the layer below it:
//   meta     its keys replace those below;
//   tables   an entry whose id is below is merged into that table (a mapping key by key, at any
//            depth; a list or a value replaced whole), so `{ id: t2, title: 收入总表 }` renames table
//            2 and keeps its header; an entry with a new id adds a table, and must be complete;
//   order    the ids of the tables the document has, in order (default: every table, those below
//            first): a set that leaves tables out, or adds one between others, says so here.
// A full copy of the bundled file therefore still works as before: every table is merged with itself.
import { TableLayoutError, tableLayoutsOf, type TableLayouts } from './layout.js';

type Raw = Record<string, unknown>;
const isObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `over` merged into `base`: mappings key by key, at any depth; anything else replaced. */
function merged(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? merged(base[k], v) : v;
  return out;
}

export interface LayoutSource {
  file: string;
  /** The file's parsed YAML. */
  raw: unknown;
}

/** The layouts of layered tables.yaml files, most specific first (the bundled one last). */
export function mergeTableLayouts(sources: readonly LayoutSource[]): TableLayouts {
  const [bottom, ...above] = [...sources].reverse();
  if (!bottom) throw new TableLayoutError('表格版式文件缺失 No tables.yaml');
  if (above.length === 0) return tableLayoutsOf(bottom.raw, bottom.file);
  const fail = (file: string, where: string, what: string): never => {
    throw new TableLayoutError(`表格版式文件有误 ${file}: ${where}: ${what}`);
  };
  const base = isObject(bottom.raw) ? bottom.raw : {};
  let meta: unknown = base.meta;
  let tables: { id: unknown; raw: unknown; file: string }[] = (Array.isArray(base.tables) ? base.tables : []).map((raw) => ({
    id: isObject(raw) ? raw.id : undefined,
    raw,
    file: bottom.file,
  }));
  for (const { file, raw } of above) {
    if (raw === null || raw === undefined) continue; // an empty file changes nothing
    if (!isObject(raw)) fail(file, 'top', 'expected a mapping (meta, tables, order)');
    const r = raw as Raw;
    for (const key of Object.keys(r)) if (!['meta', 'tables', 'order'].includes(key)) fail(file, key, 'unknown key (meta, tables, order)');
    if (r.meta !== undefined) meta = isObject(r.meta) ? merged(meta, r.meta) : fail(file, 'meta', 'expected a mapping');
    if (r.tables !== undefined && !Array.isArray(r.tables)) fail(file, 'tables', 'expected a list');
    for (const [i, entry] of ((r.tables as unknown[] | undefined) ?? []).entries()) {
      if (!isObject(entry) || entry.id === undefined) fail(file, `tables[${i}]`, 'expected a mapping with an id');
      const e = entry as Raw;
      const at = tables.findIndex((t) => t.id === e.id);
      if (at >= 0) tables[at] = { id: e.id, raw: merged(tables[at]!.raw, e), file };
      else tables.push({ id: e.id, raw: e, file });
    }
    if (r.order !== undefined) {
      if (!Array.isArray(r.order)) fail(file, 'order', 'expected a list of table ids');
      const order = r.order as unknown[];
      const missing = order.filter((id) => !tables.some((t) => t.id === id));
      if (missing.length) fail(file, 'order', `no table ${missing.map(String).join(', ')}`);
      tables = order.map((id) => tables.find((t) => t.id === id)!);
    }
  }
  const file = above[above.length - 1]!.file;
  return tableLayoutsOf({ meta, tables: tables.map((t) => t.raw) }, file, tables.map((t) => t.file));
}
