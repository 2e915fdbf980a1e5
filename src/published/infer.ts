// Text extraction loses blank cells: `68.52 68.52` in table 3 may be 合计 and 基本支出 or 合计 and
// 项目支出. Where positions did not place a figure, the document's other tables decide: the 项 of
// table 7 are project spending; table 6's classes 301 and 303 are 人员经费, the rest 公用经费; a
// source of income with no amount in table 1 (or table 4) has no column. A figure no rule places stays
// unplaced, and audit then checks only its row's total.
import type { PublishedTable, Row } from './model.js';
import { PERSONNEL_CLASSES, tableInfo } from './tables.js';

export function inferColumns(tables: PublishedTable[]): void {
  const t = (no: number) => tables.find((x) => x.no === no);
  const leftAmount = (table: PublishedTable | undefined, re: RegExp) => table?.left?.find((r) => re.test(r.label))?.figs[0]?.cents ?? 0;
  const t1 = t(1);
  const t4 = t(4);
  const sources = {
    general: leftAmount(t1, /一般公共预算拨款$/) || leftAmount(t4, /^一般公共预算$/),
    fund: leftAmount(t1, /^2、?基金预算拨款$/) || leftAmount(t4, /^政府性基金预算$/),
    capital: leftAmount(t1, /^3、?国有资本经营预算拨款$/) || leftAmount(t4, /^国有资本经营预算$/),
  };
  const projectCodes = (t(7)?.rows ?? []).filter((r) => r.code.length === 7).map((r) => r.code);

  for (const table of tables) {
    const cols = tableInfo(table.no).cols;
    for (const row of table.rows) {
      if (row.cells.every((c) => c.col !== undefined)) continue;
      let active: string[] | undefined;
      if (table.no === 2) {
        const fiscal = sources.general || sources.fund || sources.capital;
        active = ['total', ...(fiscal ? ['fiscal'] : []), ...(['general', 'fund', 'capital'] as const).filter((k) => sources[k])];
        if (leftAmount(t1, /财政专户/)) active.push('special');
        if (leftAmount(t1, /^5\.?单位资金$/)) active.push('unit');
      } else if (table.no === 4 || table.no === 10) active = ['total', ...(['general', 'fund', 'capital'] as const).filter((k) => sources[k])];
      else if (table.no === 3 || table.no === 5) active = ['total', isProject(row, projectCodes) ? 'project' : 'basic'];
      else if (table.no === 6 && row.code) active = ['total', PERSONNEL_CLASSES.has(row.code.slice(0, 3)) ? 'personnel' : 'public'];
      if (active && active.length === row.cells.length) row.cells.forEach((c, i) => (c.col = cols.indexOf(active![i]!) + 1 || undefined));
    }
  }
}

function isProject(row: Row, projectCodes: string[]): boolean {
  return row.code !== '' && projectCodes.some((c) => c.startsWith(row.code));
}
