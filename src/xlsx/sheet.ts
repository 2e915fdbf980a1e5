// A worksheet as plain data: a grid of cells with their role, the merges, and which rows are the
// header. The table sheets and the performance sheets build one; workbook.ts styles and writes it.
import { Decimal } from 'decimal.js';
import { DEFAULT_PROFILE, numberFormat, type NumberFormat } from '../profile/index.js';

export type CellValue = string | number | null;

/** What a cell is, which decides its style. */
export type Role =
  | 'caption' // 表 N
  | 'title'
  | 'meta' // 编制单位：…
  | 'meta-unit' // 单位：万元
  | 'header' // th
  | 'column-number' // ※ / 1 / 2
  | 'code'
  | 'name'
  | 'text'
  | 'amount'
  | 'sentence'; // an empty table's sentence

export interface SheetCell {
  value: CellValue;
  role: Role;
  bold?: boolean;
  /** A total row's label, centred as the HTML draws it. */
  center?: boolean;
  /** Indent of a name: 0 for 类, 1 for 款, 2 for 项. */
  indent?: number;
  /** An amount as the profile shows it (Word prints this; the workbook the number in `numberFormat`). */
  text?: string;
}

/** 0-based, inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetModel {
  name: string;
  orientation: 'portrait' | 'landscape';
  width: number;
  /** Rows of cells; a position a merge covers holds a copy of the merge's first cell with value null. */
  rows: (SheetCell | null)[][];
  merges: Merge[];
  /** Rows repeated on every printed page and frozen (meta row to the ※ row), 0-based inclusive. */
  repeat: { first: number; last: number };
  /** Rows of the bordered table, 0-based inclusive. */
  table: { first: number; last: number }[];
  /** The spreadsheet number format of its amounts (the profile's). Default 0.00. */
  numberFormat?: string;
}

/** The reference's way of showing figures: 万元, 2 decimals. */
export const DEFAULT_FORMAT: NumberFormat = numberFormat(DEFAULT_PROFILE);

/** An amount cell as the profile shows it: the rounded number, and its text; blank for zero. */
export function amountCell(x: Decimal | number | null | undefined, format: NumberFormat = DEFAULT_FORMAT, zero: 'blank' | 'zero' = 'blank'): SheetCell {
  const value = format.cellValue(x) ?? (zero === 'zero' ? 0 : null);
  return { value, role: 'amount', ...(value === null ? {} : { text: format.cellText(value) }) };
}

/** Builds a sheet row by row; a cell with colspan/rowspan records its merge and fills what it covers. */
export class SheetBuilder {
  readonly rows: (SheetCell | null)[][] = [];
  readonly merges: Merge[] = [];

  /** The row addRow fills next (rows below it may already hold the rest of a rowspan). */
  private cursor = 0;

  constructor(readonly width: number) {}

  get next(): number {
    return this.cursor;
  }

  private row(r: number): (SheetCell | null)[] {
    while (this.rows.length <= r) this.rows.push(Array(this.width).fill(null));
    return this.rows[r]!;
  }

  /** Places a cell at (r, c) spanning colspan × rowspan. */
  put(r: number, c: number, cell: SheetCell, colspan = 1, rowspan = 1): void {
    for (let dr = 0; dr < rowspan; dr++)
      for (let dc = 0; dc < colspan; dc++) this.row(r + dr)[c + dc] = dr === 0 && dc === 0 ? cell : { ...cell, value: null };
    if (colspan > 1 || rowspan > 1) this.merges.push({ top: r, left: c, bottom: r + rowspan - 1, right: c + colspan - 1 });
  }

  /**
   * Appends a row of cells laid out as an HTML <tr>: each cell takes the next column that no cell from
   * a row above (a rowspan) already holds.
   */
  addRow(cells: { cell: SheetCell; colspan?: number; rowspan?: number }[]): number {
    const r = this.cursor++;
    this.row(r);
    let c = 0;
    for (const { cell, colspan = 1, rowspan = 1 } of cells) {
      while (c < this.width && this.taken(r, c)) c++;
      this.put(r, c, cell, colspan, rowspan);
      c += colspan;
    }
    return r;
  }

  private taken(r: number, c: number): boolean {
    return this.merges.some((m) => m.top < r && r <= m.bottom && m.left <= c && c <= m.right);
  }
}
