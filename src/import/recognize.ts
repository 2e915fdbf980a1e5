// A sheet → which table it holds (its title in the first rows, matched against the layouts' titles
// and variants), its 单位：元/万元 line, its 编制单位 and the year its title or lines name.
import { matchTitle, type TableLayout, type TableLayouts } from '../tables/index.js';
import { unitIn, type AmountUnit } from './amount.js';
import { cellRef, cellText, width, type Sheet } from './workbook/grid.js';

export interface Recognized {
  layout: TableLayout;
  titleRow: number;
  titleRef: string;
  /** Undefined when no 单位 line was found. */
  unit?: AmountUnit;
  unitRef?: string;
  unitName?: string;
  year?: number;
}

const TITLE_ROWS = 8;

export function recognize(sheet: Sheet, layouts: TableLayouts): Recognized | undefined {
  const w = Math.min(width(sheet), 30);
  let found: Recognized | undefined;
  for (let r = 0; r < Math.min(TITLE_ROWS, sheet.rows.length) && !found; r++) {
    if (sheet.hiddenRows.has(r)) continue;
    for (let c = 0; c < w; c++) {
      const text = cellText(sheet, r, c);
      if (!text || text.length > 60) continue;
      const layout = matchTitle(text, layouts);
      if (layout) {
        found = { layout, titleRow: r, titleRef: cellRef(r, c) };
        break;
      }
    }
  }
  if (!found) return undefined;
  // 单位、编制单位 and the year: in the title row or the few lines under it (or above it, for a 表N line).
  for (let r = 0; r < Math.min(found.titleRow + 4, sheet.rows.length); r++)
    for (let c = 0; c < w; c++) {
      const text = cellText(sheet, r, c);
      if (!text) continue;
      const unit = unitIn(text);
      if (unit && !found.unit) Object.assign(found, { unit, unitRef: cellRef(r, c) });
      const name = /编制单位\s*[:：]\s*(.*?)\s*(金额单位|单位\s*[:：]|$)/.exec(text);
      if (name?.[1] && !found.unitName) found.unitName = name[1];
      const year = /(20\d\d)\s*年/.exec(text);
      if (year && !found.year) found.year = Number(year[1]);
    }
  return found;
}
