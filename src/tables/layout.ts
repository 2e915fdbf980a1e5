// Types of templates/tables.yaml and the checks that turn its text into them. A template folder is
// user-replaceable, so a malformed layout is a TableLayoutError naming the file and the table.
import { parse } from 'yaml';
import { parsedAhead } from './parsed-ahead.js';

export type ColumnKind = 'code' | 'name' | 'amount' | 'text';
export type Orientation = 'portrait' | 'landscape';
/**
 * How the body's rows are made:
 * - `two-sided` (表1, 表4): fixed income rows on the left (`rows`), every 功能分类 类 on the right,
 *   `height` rows in all, then a total row with `total.label` left and `total.right_label` right;
 * - `functional` (表2, 3, 5, 8, 9): the total row, then 类 / 款 / 项 rows (levels 1, 2, 3);
 * - `projects` (表7): as functional, with one 项-level row a project (its name in `project`);
 * - `economic` (表6): the total row, then 经济分类 类 / 款 rows (levels 1, 2);
 * - `items` (表10): the total row, then the fixed `rows`;
 * - `lines` (表11): the total row, then one row a functional 项 named "code name";
 * - `performance`: the project's `fields` above one indicator row each.
 */
export type BodyKind = 'two-sided' | 'functional' | 'projects' | 'economic' | 'items' | 'lines' | 'performance';

export interface HeaderCell {
  label: string;
  colspan: number;
  rowspan: number;
}

export interface Column {
  key: string;
  kind: ColumnKind;
}

export interface FixedRow {
  key: string;
  label: string;
  level: 1 | 2 | 3;
}

export interface Body {
  kind: BodyKind;
  /** The total row: `label` spans the leading non-amount columns; a two-sided table's right half says `right_label`. */
  total: { label: string; right_label?: string } | null;
  /** Fixed rows (two-sided: the income side; items: every row). */
  rows: FixedRow[];
  /** Rows in a two-sided table's body, without the total row. */
  height: number | null;
  /** Labels of the performance table's project fields, by key. */
  fields: Record<string, string>;
  /** The performance table's year line (Handlebars over the view). */
  year: string | null;
}

export interface TableLayout {
  /** `t1` … `t11`, `performance`: the key of the view's tables and of the HTML section. */
  id: string;
  /** 表 N; null for the performance table. */
  no: number | null;
  title: string;
  /** Other titles the table goes by (see titles.ts for what is accepted without listing). */
  variants: string[];
  orientation: Orientation;
  header: HeaderCell[][];
  columns: Column[];
  column_numbers: boolean;
  body: Body;
  /** The sentence printed instead of an empty table (Handlebars over the view); null when never empty. */
  empty: string | null;
}

export interface TableLayouts {
  /** The file the layouts came from. */
  file: string;
  meta: { unit_name: string; unit: string };
  tables: TableLayout[];
}

export interface LeafColumn extends Column {
  /** 0-based column index. */
  index: number;
  /** The header labels above this column, top to bottom, each once (a rowspan is not repeated). */
  labels: string[];
  /** Its cell in the ※/1/2/3 row: ※ over codes, names and text, amounts numbered from 1. */
  number: string;
}

export class TableLayoutError extends Error {
  override name = 'TableLayoutError';
}

const KINDS: readonly ColumnKind[] = ['code', 'name', 'amount', 'text'];
const BODY_KINDS: readonly BodyKind[] = ['two-sided', 'functional', 'projects', 'economic', 'items', 'lines', 'performance'];

type Raw = Record<string, unknown>;
const isObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

export function parseTableLayouts(text: string, file: string): TableLayouts {
  return tableLayoutsOf(parseLayoutYaml(text, file), file);
}

/** The YAML of a tables.yaml, not yet checked. */
export function parseLayoutYaml(text: string, file: string): unknown {
  const ahead = parsedAhead(text);
  if (ahead !== undefined) return ahead;
  try {
    return parse(text);
  } catch (cause) {
    throw new TableLayoutError(`表格版式文件不是有效的 YAML ${file}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Layouts from a tables.yaml's parsed content, checked. `files[i]` names the file table i came from
 * when the set was merged from layers (overlay.ts); a mistake is reported in that file.
 */
export function tableLayoutsOf(raw: unknown, file: string, files: readonly string[] = []): TableLayouts {
  let inFile = file;
  const fail = (where: string, what: string): never => {
    throw new TableLayoutError(`表格版式文件有误 ${inFile}: ${where}: ${what}`);
  };
  if (!isObject(raw) || !isObject(raw.meta) || !Array.isArray(raw.tables)) return fail('top', 'expected meta and tables');
  const str = (x: unknown, where: string): string => (typeof x === 'string' || typeof x === 'number' ? String(x) : fail(where, 'expected text'));
  const meta = { unit_name: str(raw.meta.unit_name, 'meta.unit_name'), unit: str(raw.meta.unit, 'meta.unit') };
  const ids = new Set<string>();
  const tables = raw.tables.map((t: unknown, i): TableLayout => {
    inFile = files[i] ?? file;
    if (!isObject(t)) return fail(`tables[${i}]`, 'expected a mapping');
    const id = str(t.id, `tables[${i}].id`);
    if (ids.has(id)) fail(id, 'duplicate id');
    ids.add(id);
    const at = (key: string) => `${id}.${key}`;
    const list = (x: unknown, where: string): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : fail(where, 'expected a list'));
    const header = list(t.header, at('header')).map((row, r) =>
      list(row, at(`header[${r}]`)).map((c, k): HeaderCell => {
        if (!isObject(c)) return { label: str(c, at(`header[${r}][${k}]`)), colspan: 1, rowspan: 1 };
        const span = (x: unknown) => (x === undefined ? 1 : Number.isInteger(x) && (x as number) > 0 ? (x as number) : fail(at(`header[${r}][${k}]`), 'colspan/rowspan must be positive integers'));
        return { label: str(c.label, at(`header[${r}][${k}].label`)), colspan: span(c.colspan), rowspan: span(c.rowspan) };
      }),
    );
    const columns = list(t.columns, at('columns')).map((c, k): Column => {
      if (!isObject(c)) return fail(at(`columns[${k}]`), 'expected {key, kind}');
      const kind = str(c.kind, at(`columns[${k}].kind`)) as ColumnKind;
      if (!KINDS.includes(kind)) fail(at(`columns[${k}].kind`), `expected one of ${KINDS.join(', ')}`);
      return { key: str(c.key, at(`columns[${k}].key`)), kind };
    });
    if (columns.length === 0) fail(at('columns'), 'no columns');
    const b = isObject(t.body) ? t.body : fail(at('body'), 'expected a mapping');
    const kind = str(b.kind, at('body.kind')) as BodyKind;
    if (!BODY_KINDS.includes(kind)) fail(at('body.kind'), `expected one of ${BODY_KINDS.join(', ')}`);
    const total = b.total === undefined || b.total === null ? null : isObject(b.total) ? b.total : fail(at('body.total'), 'expected {label}');
    const body: Body = {
      kind,
      total: total && {
        label: str(total.label, at('body.total.label')),
        ...(total.right_label !== undefined ? { right_label: str(total.right_label, at('body.total.right_label')) } : {}),
      },
      rows: list(b.rows, at('body.rows')).map((r, k): FixedRow => {
        if (!isObject(r)) return fail(at(`body.rows[${k}]`), 'expected {key, label, level}');
        const level = r.level;
        if (level !== 1 && level !== 2 && level !== 3) fail(at(`body.rows[${k}].level`), 'expected 1, 2 or 3');
        return { key: str(r.key, at(`body.rows[${k}].key`)), label: str(r.label, at(`body.rows[${k}].label`)), level: level as 1 | 2 | 3 };
      }),
      height: typeof b.height === 'number' ? b.height : null,
      fields: Object.fromEntries(Object.entries(isObject(b.fields) ? b.fields : {}).map(([k, v]) => [k, str(v, at(`body.fields.${k}`))])),
      year: b.year === undefined ? null : str(b.year, at('body.year')),
    };
    const orientation = (t.orientation ?? 'portrait') as Orientation;
    if (orientation !== 'portrait' && orientation !== 'landscape') fail(at('orientation'), 'expected portrait or landscape');
    const layout: TableLayout = {
      id,
      no: t.no === null || t.no === undefined ? null : Number(str(t.no, at('no'))),
      title: str(t.title, at('title')),
      variants: list(t.variants, at('variants')).map((v, k) => str(v, at(`variants[${k}]`))),
      orientation,
      header,
      columns,
      column_numbers: t.column_numbers === true,
      body,
      empty: t.empty === undefined || t.empty === null ? null : str(t.empty, at('empty')),
    };
    headerGrid(layout, (what) => fail(at('header'), what));
    return layout;
  });
  return { file, meta, tables };
}

/**
 * The header as a grid, one entry a (row, column): the cell covering it and whether it is that
 * cell's top-left. Fails when the cells do not tile exactly `columns.length` columns.
 */
export function headerGrid(
  layout: Pick<TableLayout, 'header' | 'columns'>,
  fail: (what: string) => never = (what) => {
    throw new TableLayoutError(what);
  },
): { cell: HeaderCell; origin: boolean; row: number; col: number }[][] {
  const width = layout.columns.length;
  const grid: ({ cell: HeaderCell; origin: boolean; row: number; col: number } | undefined)[][] = layout.header.map(() => Array(width).fill(undefined));
  layout.header.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < width && grid[r]![c]) c++;
      if (c + cell.colspan > width) fail(`row ${r + 1}: "${cell.label}" runs past the ${width} columns`);
      if (r + cell.rowspan > layout.header.length) fail(`row ${r + 1}: "${cell.label}" spans below the header`);
      for (let dr = 0; dr < cell.rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) {
          if (grid[r + dr]![c + dc]) fail(`row ${r + 1}: "${cell.label}" overlaps another cell`);
          grid[r + dr]![c + dc] = { cell, origin: dr === 0 && dc === 0, row: r, col: c };
        }
      c += cell.colspan;
    }
  });
  grid.forEach((row, r) => {
    const gap = row.findIndex((x) => !x);
    if (gap >= 0) fail(`row ${r + 1}: column ${gap + 1} has no header cell (expected ${width} columns)`);
  });
  return grid as { cell: HeaderCell; origin: boolean; row: number; col: number }[][];
}

/** The leaf columns with the labels above each, and the ※/1/2/3 row's text. */
export function leafColumns(layout: TableLayout): LeafColumn[] {
  const grid = headerGrid(layout);
  let n = 0;
  return layout.columns.map((column, index) => {
    // A cell spanning rows is named once, in the row where it starts.
    const labels = grid.flatMap((row, r) => (row[index]!.row === r ? [row[index]!.cell.label] : []));
    return { ...column, index, labels, number: column.kind === 'amount' ? String(++n) : '※' };
  });
}

/** Rows the header takes, the ※/1/2/3 row included. */
export function headerHeight(layout: TableLayout): number {
  return layout.header.length + (layout.column_numbers ? 1 : 0);
}

/** The table of this id; throws for an id the layouts lack (a bug or a template folder missing a table). */
/**
 * For each fixed row of an `items` body, the index of the row it is part of: the nearest row above it
 * of a lower level; -1 for a row of the top level, which the table's total sums. What adds up in such
 * a table (表10's 公务用车购置及运行费 of its two 其中), for the importer, audit and check alike.
 */
export function rowParents(rows: readonly Pick<FixedRow, 'level'>[]): number[] {
  return rows.map((row, i) => {
    let j = i - 1;
    while (j >= 0 && rows[j]!.level >= row.level) j--;
    return j;
  });
}

export function tableLayout(layouts: TableLayouts, id: string): TableLayout {
  const found = layouts.tables.find((t) => t.id === id);
  if (!found) throw new TableLayoutError(`表格版式文件缺少表格 ${layouts.file}: no table "${id}"`);
  return found;
}
