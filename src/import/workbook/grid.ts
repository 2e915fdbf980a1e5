// A sheet as a plain grid: what the importer reads, whatever the file format was. Merged cells are
// kept as ranges (a header's label spans its merge), hidden rows are marked, not dropped, so that
// every finding can still name the cell as the spreadsheet shows it.

export interface Cell {
  /** The text as stored (a string cell) or the number's shortest decimal form (a numeric cell). */
  text: string;
  /** True for a numeric cell. */
  numeric: boolean;
}

export interface Range {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface Sheet {
  file: string;
  name: string;
  /** rows[r][c], 0-based; undefined for an empty cell. */
  rows: (Cell | undefined)[][];
  hiddenRows: ReadonlySet<number>;
  merges: readonly Range[];
}

/** `D12` for row 11, column 3 (0-based). */
export function cellRef(r: number, c: number): string {
  let col = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `${col}${r + 1}`;
}

export function cellText(sheet: Sheet, r: number, c: number): string {
  return sheet.rows[r]?.[c]?.text.trim() ?? '';
}

/** The text shown at a cell: a merged region's text fills every cell of the region. */
export function shownText(sheet: Sheet, r: number, c: number, mergeAt: MergeIndex): string {
  const m = mergeAt(r, c);
  return m ? cellText(sheet, m.s.r, m.s.c) : cellText(sheet, r, c);
}

export type MergeIndex = (r: number, c: number) => Range | undefined;

export function mergeIndex(sheet: Sheet): MergeIndex {
  const at = new Map<string, Range>();
  for (const m of sheet.merges)
    for (let r = m.s.r; r <= Math.min(m.e.r, m.s.r + 50); r++)
      for (let c = m.s.c; c <= Math.min(m.e.c, m.s.c + 50); c++) at.set(`${r},${c}`, m);
  return (r, c) => at.get(`${r},${c}`);
}

export function width(sheet: Sheet): number {
  return Math.max(0, ...sheet.rows.map((row) => row?.length ?? 0));
}

/** A row's non-empty texts joined, with all spaces removed: what a title or a `单位：` line is matched on. */
export function rowText(sheet: Sheet, r: number): string {
  return (sheet.rows[r] ?? []).map((cell) => cell?.text ?? '').join(' ').replace(/\s+/g, ' ').trim();
}
