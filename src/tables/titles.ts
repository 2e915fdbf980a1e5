// Recognising a table by its title in a workbook's first rows. Real exports prefix the title with
// 表N, a year or the unit's name, say 部门 for 单位 or neither, and quote 三公 in any style; a title
// is matched on what is left, and the longest matching variant wins (财政拨款收支总表 is 表4, not 表1).
import type { TableLayout, TableLayouts } from './layout.js';

/** A title reduced to what identifies it: no whitespace, quotes, 表N prefix (N in digits or in Chinese
 * numerals, not both: 表5一般… is 表5), trailing （续）/(2024年). */
export function normalizeTitle(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/["'“”‘’「」『』]/g, '')
    .replace(/^(附)?表([0-9]+|[一二三四五六七八九十]+)(-[0-9]+)?[:：、.．]?/, '')
    .replace(/[(（](续表?|[0-9]{4}年度?)[)）]$/, '');
}

/** The part of a title after an optional 单位/部门: the core every variant is matched on. */
function core(title: string): string {
  return normalizeTitle(title).replace(/^(单位|部门)/, '');
}

/** Every title the table is known by (its own and its variants), normalized, without 单位/部门. */
export function titleVariants(layout: TableLayout): string[] {
  return [...new Set([layout.title, ...layout.variants].map(core))];
}

/**
 * The table whose title `text` is (a cell's text from a sheet's first rows), or undefined.
 * The text matches when, normalized, it ends with a variant; the longest such variant decides.
 */
export function matchTitle(text: string, layouts: TableLayouts): TableLayout | undefined {
  const t = normalizeTitle(text);
  if (!t) return undefined;
  let best: { layout: TableLayout; length: number } | undefined;
  for (const layout of layouts.tables)
    for (const v of titleVariants(layout))
      if (t.endsWith(v) && v.length > (best?.length ?? 0)) best = { layout, length: v.length };
  return best?.layout;
}

/**
 * As matchTitle, but the text without its 表N and 单位/部门 must be one of the variants, not merely end
 * with one: a title line of a published document (`表 7 “三公”经费、会议费、培训费支出表`).
 */
export function matchWholeTitle(text: string, layouts: TableLayouts): TableLayout | undefined {
  const layout = matchTitle(text, layouts);
  return layout && titleVariants(layout).includes(core(text)) ? layout : undefined;
}
