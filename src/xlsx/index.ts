// xlsx writer: the computed view + the tables' layout → one workbook, one sheet a table (表1 … 表11,
// then one a project's 项目支出绩效目标表). Figures come from the view as computed, never re-derived;
// every shown figure is the published cell: rounded half-up to 0.01, a number, blank for zero.
import Handlebars from 'handlebars';
import type { View } from '../compute/index.js';
import { DEFAULT_PROFILE, numberFormat, type Profile } from '../profile/index.js';
import { tableLayout, type TableLayouts } from '../tables/index.js';
import { performanceSheet } from './performance-sheet.js';
import type { SheetModel } from './sheet.js';
import { tableSheet } from './table-sheet.js';
import { writeWorkbook } from './workbook.js';

export { tableSheet } from './table-sheet.js';
export { performanceSheet } from './performance-sheet.js';
export type { SheetCell, SheetModel, Merge } from './sheet.js';

/** A layout's Handlebars sentence (empty table, year line) as plain text over the unescaped view. */
function sentence(source: string, view: View): string {
  return Handlebars.create().compile(source, { strict: true, noEscape: true })(view);
}

export function workbookSheets(view: View, layouts: TableLayouts, profile: Profile = DEFAULT_PROFILE): SheetModel[] {
  const numbers = numberFormat(profile);
  const sheets: SheetModel[] = [];
  const tables = view.tables as Record<string, { empty?: boolean }>;
  for (const layout of layouts.tables) {
    if (layout.body.kind === 'performance') continue;
    const empty = layout.empty !== null && tables[layout.id]?.empty === true ? sentence(layout.empty, view) : null;
    sheets.push(tableSheet(view, layout, layouts, empty, numbers));
  }
  const perf = tableLayout(layouts, 'performance');
  const year = perf.body.year === null ? '' : sentence(perf.body.year, view);
  const projects = view.part3.performance;
  // A set that numbers the performance table (a 10-table set's 表10) names its sheets 表10, 表10-1 ….
  const base = perf.no === null ? '绩效目标表' : `表${perf.no}`;
  const sep = perf.no === null ? '' : '-';
  projects.forEach((p, i) => sheets.push(performanceSheet(p, perf, year, projects.length === 1 ? base : `${base}${sep}${i + 1}`, numbers)));
  return sheets;
}

/** The workbook's bytes; the same view gives the same bytes (dates are the published date). */
/** `profile` says how figures are shown (display unit, decimals, number format); default the reference's. */
export async function writeXlsx(view: View, layouts: TableLayouts, title: string, profile: Profile = DEFAULT_PROFILE): Promise<Uint8Array> {
  const date = new Date(`${view.unit.published.iso ?? `${view.unit.year}-01-01`}T00:00:00Z`);
  return writeWorkbook(workbookSheets(view, layouts, profile), { date, title, creator: 'yusuan' });
}
