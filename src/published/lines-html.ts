// HTML (yusuan's own output, or any page of headings, paragraphs and tables) as lines: a heading or
// paragraph is one line, a table row is one line whose tokens are its non-empty cells, each with the
// index of the column it starts in (row and column spans resolved), so blank cells keep their place.
// HTML has no pages: page 0, and the line is the block's number.
import { htmlBlocks } from '../render/html-blocks.js';
import type { Line, Token } from './model.js';

export function htmlLines(html: string): { lines: Line[]; pages: number } {
  const lines: Line[] = [];
  let n = 0;
  for (const block of htmlBlocks(html)) {
    n++;
    if (block.kind !== 'table') {
      lines.push({ page: 0, line: n, text: block.text, tokens: block.text.split(/\s+/).map((t) => ({ text: t })) });
      continue;
    }
    const taken: number[][] = []; // taken[row] = columns covered by a rowspan from above
    block.rows.forEach((row, r) => {
      const tokens: Token[] = [];
      let col = 0;
      for (const cell of row) {
        while (taken[r]?.includes(col)) col++;
        for (let dr = 1; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) (taken[r + dr] ??= []).push(col + dc);
        const text = cell.text.trim();
        // A cell's words are tokens as in extracted text (`204 公共安全支出`), all in the cell's column.
        if (text) for (const w of text.split(/\s+/)) tokens.push({ text: w, col });
        col += cell.colspan;
      }
      lines.push({ page: 0, line: n, cells: true, tokens, text: tokens.map((t) => t.text).join(' ') });
    });
  }
  return { lines, pages: 0 };
}
