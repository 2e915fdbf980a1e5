// One statutory table (表 1–11) as a sheet: 表 N, the title, the 编制单位/单位 row, the header from
// the layout, the ※/1/2 row, then the body rows from the computed view — the same cells, in the same
// order, as the HTML partials draw them.
import type { Decimal } from 'decimal.js';
import type { View } from '../compute/index.js';
import { leafColumns, type TableLayout, type TableLayouts } from '../tables/index.js';
import { unitLine, type NumberFormat } from '../profile/index.js';
import { amountCell, DEFAULT_FORMAT, SheetBuilder, type SheetCell, type SheetModel } from './sheet.js';

type Spec = { cell: SheetCell; colspan?: number; rowspan?: number };

const text = (value: string, role: SheetCell['role'] = 'text', extra: Partial<SheetCell> = {}): Spec => ({ cell: { value, role, ...extra } });
const amount = (f: NumberFormat, x: Decimal, bold = false): Spec => ({ cell: { ...amountCell(x, f), bold } });
const amounts = (f: NumberFormat, values: readonly Decimal[], bold = false): Spec[] => values.map((v) => amount(f, v, bold));

interface LevelRow {
  level: 1 | 2 | 3;
  cls: string;
  kind: string;
  item?: string;
  name: string;
  project?: string;
  values: Decimal[];
}

/** A 类/款/项 row: 款 only below 类, 项 only on 项 rows (as functional-row.hbs). */
function levelRow(f: NumberFormat, r: LevelRow, columns: readonly string[]): Spec[] {
  const bold = r.level === 1;
  const by: Record<string, string> = {
    cls: r.cls,
    kind: r.level === 1 ? '' : r.kind,
    item: r.level === 3 ? (r.item ?? '') : '',
    name: r.name,
    project: r.project ?? '',
  };
  const lead = columns.map((key) => (key === 'name' || key === 'project' ? text(by[key]!, 'name', { bold, indent: key === 'name' ? r.level - 1 : 0 }) : text(by[key] ?? '', 'code', { bold })));
  return [...lead, ...amounts(f, r.values, bold)];
}

function bodyRows(f: NumberFormat, view: View, layout: TableLayout, lead: number): Spec[][] {
  const tables = view.tables as Record<string, unknown>;
  const leadKeys = layout.columns.slice(0, lead).map((c) => c.key);
  const total = (values: readonly Decimal[]): Spec[] => [
    { cell: { value: layout.body.total?.label ?? '', role: 'name', bold: true, center: true }, colspan: lead },
    ...amounts(f, values, true),
  ];
  switch (layout.body.kind) {
    case 'two-sided': {
      const t = tables[layout.id] as { income: Record<string, Decimal>; classes: { code: string; name: string; values: Decimal[] }[]; total?: Decimal; totals?: Decimal[] };
      const right = layout.columns.length - 3; // amounts after the class name
      const rows = Array.from({ length: layout.body.height ?? 0 }, (_, i): Spec[] => {
        const r = layout.body.rows[i];
        const income = r ? [text(r.label, 'name', { bold: r.level === 1, indent: r.level - 1 }), amount(f, t.income[r.key]!, r.level === 1)] : [text('', 'name'), { cell: { value: null, role: 'amount' as const } }];
        const c = t.classes[i];
        const expenditure = c ? [text(`${c.code} ${c.name}`, 'name'), ...amounts(f, c.values)] : [text('', 'name'), ...Array.from({ length: right }, () => ({ cell: { value: null, role: 'amount' as const } }))];
        return [...income, ...expenditure];
      });
      const sum = t.totals ?? [t.total!];
      const income = t.total ?? t.income.fiscal!;
      const label = (value: string) => text(value, 'name', { bold: true, center: true });
      rows.push([label(layout.body.total?.label ?? ''), amount(f, income, true), label(layout.body.total?.right_label ?? ''), ...amounts(f, sum, true)]);
      return rows;
    }
    case 'functional':
    case 'projects': {
      const t = tables[layout.id] as { total: Decimal[]; rows: LevelRow[]; empty: boolean };
      if (t.empty) return [];
      return [total(t.total), ...t.rows.map((r) => levelRow(f, r, leadKeys))];
    }
    case 'economic': {
      const t = tables[layout.id] as { totals: Decimal[]; rows: LevelRow[]; empty: boolean };
      return [total(t.totals), ...t.rows.map((r) => levelRow(f, { ...r, item: '' }, leadKeys))];
    }
    case 'items': {
      const t = tables[layout.id] as Record<string, Decimal[]> & { total: Decimal[]; empty?: boolean };
      if (t.empty) return [];
      return [total(t.total), ...layout.body.rows.map((r) => [text(r.label, 'name', { bold: r.level === 1, indent: r.level - 1 }), ...amounts(f, t[r.key]!)])];
    }
    case 'lines': {
      const t = tables[layout.id] as { total: Decimal[]; rows: { code: string; name: string; values: Decimal[] }[]; empty: boolean };
      if (t.empty) return [];
      return [total(t.total), ...t.rows.map((r) => [text(`${r.code} ${r.name}`, 'name', { indent: 2 }), ...amounts(f, r.values)])];
    }
    default:
      throw new Error(`table ${layout.id}: body kind ${layout.body.kind} is not a table sheet`);
  }
}

/** The sheet of one table; `emptySentence` is the layout's `empty` rendered over the view. */
export function tableSheet(view: View, layout: TableLayout, layouts: TableLayouts, emptySentence: string | null, numbers: NumberFormat = DEFAULT_FORMAT): SheetModel {
  const leaves = leafColumns(layout);
  const width = leaves.length;
  const lead = Math.max(1, leaves.findIndex((c) => c.kind === 'amount'));
  const b = new SheetBuilder(width);
  b.addRow([{ cell: { value: layout.no === null ? '' : `表 ${layout.no}`, role: 'caption' }, colspan: width }]);
  b.addRow([{ cell: { value: layout.title, role: 'title' }, colspan: width }]);
  const meta = b.addRow([
    { cell: { value: `${layouts.meta.unit_name}${view.unit.name}`, role: 'meta' }, colspan: width - 1 },
    { cell: { value: unitLine(layouts.meta.unit, numbers.unit), role: 'meta-unit' } },
  ]);
  const headerFirst = b.next;
  for (const row of layout.header) b.addRow(row.map((h) => ({ cell: { value: unitLine(h.label, numbers.unit), role: 'header' }, colspan: h.colspan, rowspan: h.rowspan })));
  if (layout.column_numbers) b.addRow(leaves.map((c) => ({ cell: { value: c.number, role: 'column-number' } })));
  const headerLast = b.next - 1;
  for (const row of bodyRows(numbers, view, layout, lead)) b.addRow(row);
  const tableLast = b.next - 1;
  if (emptySentence !== null) b.addRow([{ cell: { value: emptySentence, role: 'sentence' }, colspan: width }]);
  return {
    name: layout.no === null ? layout.title : `表${layout.no}`,
    orientation: layout.orientation,
    width,
    rows: b.rows,
    merges: b.merges,
    repeat: { first: meta, last: headerLast },
    table: [{ first: headerFirst, last: tableLast }],
    numberFormat: numbers.excelFormat,
  };
}
