// SheetModels → a styled .xlsx with exceljs: borders on the table, bold header and totals, 0.00
// figures, widths that fit the text (a CJK character counts double), frozen header, A4 print setup
// fitted to one page wide with the header repeated on every page. Same sheets → same bytes.
import ExcelJS from 'exceljs';
import { displayWidth } from '../render/text.js';
import type { Merge, SheetCell, SheetModel } from './sheet.js';
import { fixZipDates } from './zip-dates.js';

export interface WorkbookMeta {
  /** Stamped as created and modified date, and on every zip entry: the document's published date. */
  date: Date;
  title: string;
  creator: string;
}

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/**
 * Width caps in characters: long names and texts wrap instead of stretching a column off the page; a
 * header label asks for at most 4 CJK characters a line, so narrow figure columns still read.
 */
const CAP: Partial<Record<SheetCell['role'], number>> = { name: 44, text: 30, header: 8, code: 8, amount: 14 };
const LINE_HEIGHT = 14;

function alignment(cell: SheetCell): Partial<ExcelJS.Alignment> {
  if (cell.center) return { horizontal: 'center', vertical: 'middle', wrapText: true };
  switch (cell.role) {
    case 'caption':
    case 'meta':
      return { horizontal: 'left', vertical: 'middle' };
    case 'title':
      return { horizontal: 'center', vertical: 'middle' };
    case 'meta-unit':
      return { horizontal: 'right', vertical: 'middle' };
    case 'header':
    case 'column-number':
    case 'code':
      return { horizontal: 'center', vertical: 'middle', wrapText: true };
    case 'amount':
      return { horizontal: 'right', vertical: 'middle' };
    case 'sentence':
      return { horizontal: 'left', vertical: 'top', wrapText: true };
    default:
      return { horizontal: 'left', vertical: 'middle', wrapText: true, indent: cell.indent ?? 0 };
  }
}

function font(cell: SheetCell): Partial<ExcelJS.Font> {
  if (cell.role === 'title') return { name: FONT, size: 16, bold: true };
  return { name: FONT, size: 10, bold: cell.bold === true || cell.role === 'header' };
}

/** Shown width of a value in characters. */
function shownWidth(cell: SheetCell): number {
  if (cell.value === null) return 0;
  if (typeof cell.value === 'number') return (cell.text ?? cell.value.toFixed(2)).length;
  return Math.max(...cell.value.split('\n').map(displayWidth)) + (cell.indent ?? 0) * 2;
}

function mergeAt(merges: readonly Merge[], r: number, c: number): Merge | undefined {
  return merges.find((m) => m.top === r && m.left === c);
}

function columnWidths(sheet: SheetModel): number[] {
  const widths = Array<number>(sheet.width).fill(4);
  const inTable = (r: number) => sheet.table.some((t) => t.first <= r && r <= t.last);
  sheet.rows.forEach((row, r) => {
    if (!inTable(r)) return;
    row.forEach((cell, c) => {
      if (!cell || cell.value === null) return;
      const m = mergeAt(sheet.merges, r, c);
      if (m && m.right > m.left) return; // a cell across columns sets no single column's width
      widths[c] = Math.max(widths[c]!, Math.min(shownWidth(cell), CAP[cell.role] ?? 30) + 2);
    });
  });
  return widths;
}

/** Row heights for wrapped text: lines needed in the width a cell has, a merge's rows sharing its lines. */
function rowHeights(sheet: SheetModel, widths: readonly number[]): number[] {
  const heights = sheet.rows.map(() => LINE_HEIGHT + 4);
  const tall: { top: number; bottom: number; need: number }[] = [];
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell || typeof cell.value !== 'string' || cell.value === '') return;
      const m = mergeAt(sheet.merges, r, c) ?? { top: r, left: c, bottom: r, right: c };
      const width = widths.slice(m.left, m.right + 1).reduce((a, b) => a + b, 0) - 1;
      const lines = cell.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / Math.max(1, width))), 0);
      const size = cell.role === 'title' ? 24 : LINE_HEIGHT;
      tall.push({ top: m.top, bottom: m.bottom, need: lines * size + 4 });
    });
  });
  for (const t of tall.sort((a, b) => a.bottom - a.top - (b.bottom - b.top))) {
    const have = heights.slice(t.top, t.bottom + 1).reduce((a, b) => a + b, 0);
    if (have < t.need) heights[t.bottom] = heights[t.bottom]! + (t.need - have);
  }
  return heights;
}

/** One style object per kind of cell, shared within a workbook: tens of thousands of cells need not each carry their own. */
type Styles = Map<string, Partial<ExcelJS.Style>>;

function styleOf(styles: Styles, cell: SheetCell, bordered: boolean, numFmt = '0.00'): Partial<ExcelJS.Style> {
  const key = `${cell.role}|${cell.bold ?? ''}|${cell.center ?? ''}|${cell.indent ?? 0}|${bordered}|${numFmt}`;
  let style = styles.get(key);
  if (!style) {
    style = { font: font(cell), alignment: alignment(cell), ...(cell.role === 'amount' ? { numFmt } : {}), ...(bordered ? { border: BORDER } : {}) };
    styles.set(key, style);
  }
  return style;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: SheetModel, styles: Styles): void {
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: sheet.repeat.last + 1, topLeftCell: `A${sheet.repeat.last + 2}`, activeCell: 'A1', showGridLines: true }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: sheet.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${sheet.repeat.first + 1}:${sheet.repeat.last + 1}`,
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  const widths = columnWidths(sheet);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const heights = rowHeights(sheet, widths);
  const inTable = (r: number) => sheet.table.some((t) => t.first <= r && r <= t.last);
  sheet.rows.forEach((row, r) => {
    const wsRow = ws.getRow(r + 1);
    wsRow.height = heights[r]!;
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = wsRow.getCell(c + 1);
      // Text is always a string cell: "=…", "+…", "-…", "@…" stay text, never formulas.
      if (cell.value !== null) target.value = cell.value;
      target.style = styleOf(styles, cell, inTable(r), sheet.numberFormat);
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

export async function writeWorkbook(sheets: readonly SheetModel[], meta: WorkbookMeta): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.lastModifiedBy = meta.creator;
  workbook.title = meta.title;
  workbook.created = meta.date;
  workbook.modified = meta.date;
  const styles: Styles = new Map();
  for (const sheet of sheets) addSheet(workbook, sheet, styles);
  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buffer as ArrayBuffer), meta.date);
}
