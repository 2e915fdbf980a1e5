// A project's 项目支出绩效目标表 as a sheet, cell for cell as performance.hbs draws it: the project's
// fields in the published 9-column grid, then one row an indicator, 一级/二级 merged down their groups.
import type { View } from '../compute/index.js';
import type { TableLayout } from '../tables/index.js';
import { unitLine, type NumberFormat } from '../profile/index.js';
import { amountCell, DEFAULT_FORMAT, SheetBuilder, type SheetCell, type SheetModel } from './sheet.js';

type Performance = View['part3']['performance'][number];

export function performanceSheet(p: Performance, layout: TableLayout, yearLine: string, name: string, numbers: NumberFormat = DEFAULT_FORMAT): SheetModel {
  const width = layout.columns.length;
  const f = layout.body.fields;
  const th = (key: string, colspan = 1, rowspan = 1) => ({ cell: { value: unitLine(f[key] ?? key, numbers.unit), role: 'header' } as SheetCell, colspan, rowspan });
  const td = (value: string | number | null, role: SheetCell['role'], colspan = 1) => ({ cell: { value, role } as SheetCell, colspan });
  const money = (x: Performance['amount']) => ({ cell: amountCell(x, numbers, 'zero'), colspan: 2 });
  const b = new SheetBuilder(width);
  b.addRow([{ cell: { value: layout.title, role: 'title' }, colspan: width }]);
  b.addRow([{ cell: { value: yearLine, role: 'meta', center: true }, colspan: width }]);
  const first = b.next;
  b.addRow([th('unit', 2), td(p.unit, 'text', 7)]);
  b.addRow([th('project', 2), td(p.project, 'text', 4), th('manager', 2), td(p.manager, 'text')]);
  b.addRow([th('funds', 2, 2), th('amount'), money(p.amount), td(null, 'text', 4)]);
  b.addRow([th('fiscal'), money(p.fiscal), th('other', 2), money(p.other)]);
  b.addRow([th('goal', 2), td(p.goal, 'text', 7)]);
  const header = b.next;
  for (const row of layout.header) b.addRow(row.map((h) => ({ cell: { value: h.label, role: 'header' }, colspan: h.colspan, rowspan: h.rowspan })));
  for (const r of p.rows) {
    const cells: { cell: SheetCell; colspan?: number; rowspan?: number }[] = [];
    if (r.level1Span) cells.push({ cell: { value: r.level1Span.text, role: 'text', center: true }, rowspan: r.level1Span.rowspan });
    if (r.level2Span) cells.push({ cell: { value: r.level2Span.text, role: 'text', center: true }, rowspan: r.level2Span.rowspan });
    // Indicator fields are text as typed (a weight like "20" included), never figures; centred where
    // performance.hbs centres them.
    const centred = [false, true, true, true, true, false, true];
    [r.name, r.target, r.basis, r.last_year, r.weight, r.scoring, r.evidence].forEach((v, k) => cells.push({ cell: { value: v, role: 'text', center: centred[k] } }));
    b.addRow(cells);
  }
  return {
    name,
    orientation: layout.orientation,
    width,
    rows: b.rows,
    merges: b.merges,
    numberFormat: numbers.excelFormat,
    repeat: { first: header, last: header + layout.header.length - 1 },
    table: [{ first, last: header - 1 }, { first: header, last: b.next - 1 }],
  };
}
