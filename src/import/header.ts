// Where a recognised table's header is and which sheet column holds each of the layout's leaf columns
// (src/tables: the one definition of every table). Columns are matched on their header labels, as a
// budget system's export words them, with the ※/1/2/3 column-number row as a fallback for amounts.
import { leafColumns, type LeafColumn, type TableLayout } from '../tables/index.js';
import { cellText, mergeIndex, rowText, shownText, width, type MergeIndex, type Sheet } from './workbook/grid.js';

export interface HeaderInfo {
  /** First row of the header, first row of the body (0-based). */
  start: number;
  bodyStart: number;
  /** Layout column key → sheet column. */
  columns: Map<string, number>;
  /** Functional/economic code written in one column (when the layout's 类/款/项 columns are not found apart). */
  codeColumn?: number;
  leaves: LeafColumn[];
  merges: MergeIndex;
}

/** A header label reduced for comparison: width, spaces, quotes, brackets' style and `的` do not matter. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/["'“”‘’「」『』]/g, '').replace(/的/g, '').replace(/^其中[:：]/, '');
}

const isNumberRow = (texts: string[]) => {
  const cells = texts.filter((t) => t !== '');
  if (cells.length < 2 || !cells.every((t) => t === '※' || /^\d+$/.test(t))) return false;
  const numbers = cells.filter((t) => t !== '※').map(Number);
  return numbers.every((n, i) => n === i + 1);
};

/** A body row: a figure or a code in it, or 总计/合计 in its first two columns (a header's 合计 stands over amounts). */
const looksLikeBody = (texts: string[]) =>
  texts.some((t) => /^[-+]?[\d,，]+(\.\d+)?$/.test(t) || /^\[?\d{3}/.test(t)) || texts.slice(0, 2).some((t) => /^(总计|合计)$/.test(t.replace(/\s+/g, '')));

export function findHeader(sheet: Sheet, layout: TableLayout, afterRow: number): HeaderInfo | undefined {
  const merges = mergeIndex(sheet);
  const w = width(sheet);
  const texts = (r: number) => Array.from({ length: w }, (_, c) => cellText(sheet, r, c));
  // The header starts at the first row after the title and the 编制单位/单位 lines.
  let start = afterRow + 1;
  while (start < sheet.rows.length && (rowText(sheet, start) === '' || isMetaLine(rowText(sheet, start)))) start++;
  const known = new Set(layout.header.flat().map((h) => normalizeLabel(h.label)));
  let bodyStart = start;
  let numbers: string[] | undefined;
  while (bodyStart < sheet.rows.length && bodyStart - start < 6) {
    const t = texts(bodyStart);
    if (isNumberRow(t)) {
      numbers = t;
      bodyStart++;
      break;
    }
    const labels = t.filter((x) => x && known.has(normalizeLabel(x))).length;
    if (looksLikeBody(t) && bodyStart > start && !(labels >= 2 && !t.some((x) => /^[-+]?[\d,，]+(\.\d+)?$/.test(x)))) break;
    bodyStart++;
  }
  if (bodyStart === start) return undefined;
  const leaves = leafColumns(layout);
  const paths = Array.from({ length: w }, (_, c) => {
    const path: string[] = [];
    for (let r = start; r < bodyStart; r++) {
      if (numbers && r === bodyStart - 1) break;
      const t = normalizeLabel(shownText(sheet, r, c, merges));
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    return path;
  });
  const columns = new Map<string, number>();
  const used = new Set<number>();
  for (const leaf of leaves) {
    const want = normalizeLabel(leaf.labels[leaf.labels.length - 1] ?? '');
    const ancestors = leaf.labels.slice(0, -1).map(normalizeLabel);
    const candidates = paths
      .map((path, c) => ({ c, path }))
      .filter(({ c, path }) => !used.has(c) && path.length > 0 && path[path.length - 1] === want)
      .map(({ c, path }) => ({ c, score: ancestors.filter((a) => path.includes(a)).length }))
      .sort((a, b) => b.score - a.score || a.c - b.c);
    let found = candidates[0]?.c;
    if (found === undefined && numbers && leaf.kind === 'amount') {
      const at = numbers.indexOf(leaf.number);
      if (at >= 0 && !used.has(at)) found = at;
    }
    if (found !== undefined) {
      columns.set(leaf.key, found);
      used.add(found);
    }
  }
  let codeColumn: number | undefined;
  const codeKeys = leaves.filter((l) => l.kind === 'code').map((l) => l.key);
  if (codeKeys.length && !codeKeys.every((k) => columns.has(k))) {
    for (const k of codeKeys) columns.delete(k);
    const c = paths.findIndex((path, c) => !used.has(c) && path.some((p) => /编码|代码|科目编号/.test(p)) && !path.some((p) => /名称/.test(p)));
    if (c >= 0) codeColumn = c;
  }
  for (const leaf of leaves.filter((l) => l.kind === 'name' && !columns.has(l.key))) {
    const c = paths.findIndex((path, c) => !used.has(c) && c !== codeColumn && path.some((p) => /科目名称|名称|内容|支出功能分类|项目$/.test(p)));
    if (c >= 0) {
      columns.set(leaf.key, c);
      used.add(c);
    }
  }
  return { start, bodyStart, columns, codeColumn, leaves, merges };
}

/** A line above the header that is not part of it: 编制单位, 单位：万元, a year line. */
export function isMetaLine(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /^(编制单位|单位[:：]|金额单位|[(（]?\d{4}年度?[)）]?$)/.test(t) || /单位[:：](万元|元)$/.test(t);
}

