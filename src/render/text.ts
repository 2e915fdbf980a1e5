// Plain text of the whole document (`build --format txt`): one line per heading or paragraph, a
// blank line between blocks, and each table as rows whose columns line up in a monospaced font
// (a CJK character counts as two columns). Nothing depends on the time or the machine, so the same
// data and templates always give the same text: fit for snapshot tests.
import { htmlBlocks, type Block, type Cell } from './html-blocks.js';

const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/** Columns a string takes in a terminal: East Asian wide and fullwidth characters count 2. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    // Below the first wide range (U+1100) a character is narrow: most of a table's figures.
    if (cp < 0x1100) {
      if (cp >= 0x20 && (cp < 0x300 || cp > 0x36f)) width++;
      continue;
    }
    if (cp === 0x200b) continue;
    width += (cp >= 0x4e00 && cp <= 0x9fff) || WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
  }
  return width;
}

function pad(s: string, has: number, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - has));
  return right ? fill + s : s + fill;
}

const GAP = '  ';

interface Placed {
  cell: Cell;
  col: number;
  /** The cell's displayWidth, measured once. */
  width: number;
}

/** Lays out rows with colspan/rowspan on a grid: which cell starts at which column. */
function place(rows: readonly Cell[][]): { placed: Placed[][]; columns: number } {
  const taken: boolean[][] = rows.map(() => []);
  const placed: Placed[][] = rows.map(() => []);
  let columns = 0;
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (taken[r]![col]) col++;
      placed[r]!.push({ cell, col, width: displayWidth(cell.text) });
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) taken[r + dr]![col + dc] = true;
      col += cell.colspan;
      columns = Math.max(columns, col);
    }
    columns = Math.max(columns, taken[r]!.length);
  });
  return { placed, columns };
}

/** A table as aligned lines: figures right-aligned, text left-aligned, spanning cells across their columns. */
export function tableLines(rows: readonly Cell[][]): string[] {
  const { placed, columns } = place(rows);
  const widths = new Array<number>(columns).fill(0);
  // Columns from `col`, `span` of them, with the gaps between them.
  const across = (col: number, span: number) => {
    let width = GAP.length * (span - 1);
    for (let c = col; c < col + span; c++) width += widths[c]!;
    return width;
  };
  const spanning: Placed[] = [];
  for (const row of placed)
    for (const p of row) {
      if (p.cell.colspan === 1) widths[p.col] = Math.max(widths[p.col]!, p.width);
      else if (p.cell.colspan > 1) spanning.push(p);
    }
  for (const { cell, col, width: need } of spanning.sort((a, b) => a.cell.colspan - b.cell.colspan)) {
    const span = Math.min(cell.colspan, columns - col);
    const have = across(col, span);
    if (need > have) widths[col + span - 1]! += need - have;
  }
  return placed.map((row) => {
    let line = '';
    let col = 0;
    for (const { cell, col: at, width: has } of row) {
      for (; col < at; col++) line += ' '.repeat(widths[col]!) + GAP;
      const span = Math.min(cell.colspan, columns - at);
      line += pad(cell.text, has, across(at, span), cell.num) + GAP;
      col = at + span;
    }
    return line.trimEnd();
  });
}

/** The lines of one block: a heading or paragraph is one line, a table one line per row. */
export function blockLines(block: Block): string[] {
  return block.kind === 'table' ? tableLines(block.rows) : [block.text];
}

export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map((b) => blockLines(b).join('\n')).join('\n\n') + '\n';
}

/** Plain text of a rendered HTML document (the `<head>` and styles are left out). */
export function htmlToText(html: string): string {
  return blocksToText(htmlBlocks(html));
}
