// An HTML table's cells (from src/render/html-blocks.ts) placed on the grid as a browser lays them
// out, so a spreadsheet's cells can be compared with them position by position.
import type { Cell } from '../../src/render/html-blocks.js';

export interface Placed {
  cell: Cell;
  row: number;
  col: number;
}

export function place(rows: readonly Cell[][]): Placed[] {
  const taken = new Set<string>();
  const out: Placed[] = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r},${c}`)) c++;
      out.push({ cell, row: r, col: c });
      for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) taken.add(`${r + dr},${c + dc}`);
      c += cell.colspan;
    }
  });
  return out;
}

/** Rows the placed table takes. */
export function height(placed: readonly Placed[]): number {
  return Math.max(...placed.map((p) => p.row + p.cell.rowspan));
}

/** A1-style address of a 0-based cell. */
export function address(row: number, col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 1}`;
}
