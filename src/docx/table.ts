// A run of a sheet's rows (src/xlsx/sheet.ts: the cells the layout and the view give, as the HTML
// draws them) as a Word table: merged cells as gridSpan / vMerge, header rows repeated on every page
// (tableHeader), rows kept whole, figures right-aligned as 0.00 and blank for zero, borders round
// the table but not round the 编制单位/单位 line above its header.
import { AlignmentType, BorderStyle, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Cell } from '../render/html-blocks.js';
import { displayWidth } from '../render/text.js';
import { SheetBuilder, type Merge, type SheetCell, type SheetModel } from '../xlsx/sheet.js';
import { runs } from './runs.js';
import { font, SANS, TABLE_SIZE } from './styles.js';

/** Rows `first`…`last` of a sheet (0-based, inclusive), the first `header` of them repeated on each page. */
export interface TableRange {
  sheet: SheetModel;
  first: number;
  last: number;
  header: number;
  /** Smaller type on tighter lines: a two-sided table lists all 30 类 and keeps to one page, as published. */
  compact?: boolean;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' }; // 0.5pt
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const EM = TABLE_SIZE * 20; // twips

export function shown(cell: SheetCell): string {
  if (cell.value === null) return '';
  return typeof cell.value === 'number' ? (cell.text ?? cell.value.toFixed(2)) : cell.value;
}

function mergeAt(merges: readonly Merge[], r: number, c: number): Merge | undefined {
  return merges.find((m) => m.top === r && m.left === c);
}

function covered(merges: readonly Merge[], r: number, c: number): boolean {
  return merges.some((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right && !(m.top === r && m.left === c));
}

/** Cells whose text must not wrap (a figure, a code, a column number): their column is at least as wide. */
const WHOLE = new Set<SheetCell['role']>(['amount', 'code', 'column-number']);
/** Widest a wrapping cell asks its column to be, in half-width characters: longer text wraps. */
const CAP: Partial<Record<SheetCell['role'], number>> = { header: 6, name: 30, text: 24 };
/**
 * Twips a half-width character takes at the table's size (a bold digit in the widest likely stand-in
 * font, DejaVu Sans, where neither Noto nor 宋体 is installed), and a cell's side margins with room.
 */
const CHAR = Math.round(TABLE_SIZE * 20 * 0.66);
const SIDE = 57; // 1 mm
const PAD = 2 * SIDE + 30;

/**
 * Column widths in twips filling `width`: each column at least as wide as its figures and codes,
 * what is left shared in proportion to what its names and headers would take unwrapped.
 */
export function columnWidths(range: TableRange, width: number): number[] {
  const { sheet } = range;
  const fixed = Array<number>(sheet.width).fill(PAD + CHAR);
  const wanted = Array<number>(sheet.width).fill(PAD + CHAR);
  for (let r = range.first; r <= range.last; r++)
    sheet.rows[r]!.forEach((cell, c) => {
      if (!cell || cell.value === null || covered(sheet.merges, r, c)) return;
      const m = mergeAt(sheet.merges, r, c);
      if (m && m.right > m.left) return; // a cell across columns sets no single column's width
      const chars = Math.max(...shown(cell).split('\n').map(displayWidth)) + (cell.indent ?? 0) * 2;
      if (WHOLE.has(cell.role)) fixed[c] = Math.max(fixed[c]!, PAD + chars * CHAR);
      else wanted[c] = Math.max(wanted[c]!, PAD + Math.min(chars, CAP[cell.role] ?? 24) * CHAR);
    });
  const need = wanted.map((w, c) => Math.max(w, fixed[c]!));
  const total = need.reduce((a, b) => a + b, 0);
  const least = fixed.reduce((a, b) => a + b, 0);
  const widths =
    total <= width || least >= width
      ? need.map((w) => Math.floor((w / total) * width))
      : need.map((w, c) => Math.floor(fixed[c]! + ((w - fixed[c]!) * (width - least)) / (total - least)));
  widths[widths.length - 1]! += width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function alignment(cell: SheetCell) {
  if (cell.center) return AlignmentType.CENTER;
  switch (cell.role) {
    case 'header':
    case 'column-number':
    case 'code':
    case 'title':
      return AlignmentType.CENTER;
    case 'amount':
    case 'meta-unit':
      return AlignmentType.RIGHT;
    default:
      return AlignmentType.LEFT;
  }
}

function wordCell(cell: SheetCell, colspan: number, rowspan: number, width: number, compact: boolean): TableCell {
  const header = cell.role === 'header' || cell.role === 'column-number';
  const bare = cell.role === 'meta' || cell.role === 'meta-unit';
  const border = bare ? NONE : LINE;
  return new TableCell({
    columnSpan: colspan > 1 ? colspan : undefined,
    rowSpan: rowspan > 1 ? rowspan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: border, bottom: border, left: border, right: border },
    margins: bare ? { top: 0, bottom: 40, left: 0, right: 0 } : undefined,
    children: [
      new Paragraph({
        style: compact ? 'TableTextCompact' : 'TableText',
        alignment: alignment(cell),
        indent: cell.indent ? { left: cell.indent * EM } : undefined,
        children: runs(shown(cell), { bold: header || cell.bold === true ? true : undefined, font: header ? font(SANS) : undefined }),
      }),
    ],
  });
}

export function wordTable(range: TableRange, width: number): Table {
  const { sheet } = range;
  const widths = columnWidths(range, width);
  const rows: TableRow[] = [];
  for (let r = range.first; r <= range.last; r++) {
    const cells: TableCell[] = [];
    sheet.rows[r]!.forEach((cell, c) => {
      if (covered(sheet.merges, r, c)) return;
      const m = mergeAt(sheet.merges, r, c);
      const colspan = m ? m.right - m.left + 1 : 1;
      // A merge reaching past the range (none does today) is cut at its end.
      const rowspan = m ? Math.min(m.bottom, range.last) - r + 1 : 1;
      cells.push(wordCell(cell ?? { value: null, role: 'text' }, colspan, rowspan, widths.slice(c, c + colspan).reduce((a, b) => a + b, 0), range.compact === true));
    });
    rows.push(new TableRow({ children: cells, tableHeader: r < range.first + range.header ? true : undefined, cantSplit: true }));
  }
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE, // each cell draws its own, so the 编制单位 line stays unboxed
    margins: { top: range.compact ? 0 : 40, bottom: range.compact ? 0 : 40, left: SIDE, right: SIDE },
  });
}

/**
 * A table the layout does not know (a replaced template's own) as a sheet, from the HTML's cells:
 * `th` cells are headers, `class="num"` cells figures; the leading rows of headers repeat.
 */
export function blockRange(rows: readonly Cell[][]): TableRange {
  const width = Math.max(1, ...rows.map((r) => r.reduce((n, c) => n + c.colspan, 0)));
  const b = new SheetBuilder(width);
  for (const row of rows)
    b.addRow(row.map((c) => ({ cell: { value: c.text, role: c.header ? 'header' : c.num ? 'amount' : 'text' } as SheetCell, colspan: c.colspan, rowspan: c.rowspan })));
  const header = rows.findIndex((r) => !r.every((c) => c.header));
  const sheet: SheetModel = { name: '', orientation: 'portrait', width, rows: b.rows, merges: b.merges, repeat: { first: 0, last: header - 1 }, table: [{ first: 0, last: b.rows.length - 1 }] };
  return { sheet, first: 0, last: b.rows.length - 1, header: header < 0 ? 0 : header };
}
