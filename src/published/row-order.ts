// Whether a table's cells were read in row order. Text extracted without layout (plain `pdftotext`)
// gives a table's cells column by column or in blocks: the figures stand on lines of their own, one
// after another, away from the codes and names of their rows. In row-order text a line of figures
// alone is the rest of a row broken by extraction and follows that row's label; here most follow
// other figures.
import { AMOUNT } from './figures.js';
import type { Line } from './model.js';

export interface RowOrder {
  /** Lines of the table body that carry figures. */
  figureLines: number;
  /** Of them, lines of figures alone that do not follow a label without figures: figures no row claims. */
  orphans: number;
}

/** Out of order: at least 2 orphan lines, and at least a quarter of the lines of figures. Every reading
 * in row order of yusuan's own PDFs, HTML and text, of `pdftotext -layout` and of the reference has none;
 * plain `pdftotext` of yusuan's PDFs gives 28 % to 83 % per table. */
export function outOfOrder(o: RowOrder): boolean {
  return o.orphans >= 2 && o.orphans * 4 >= o.figureLines;
}

export function rowOrder(lines: readonly Line[]): RowOrder {
  let figureLines = 0;
  let orphans = 0;
  let prev: 'label' | 'labelled' | 'figures' | undefined;
  for (const l of lines) {
    const amounts = l.tokens.filter((t) => AMOUNT.test(t.text)).length;
    const bare = amounts > 0 && amounts === l.tokens.length;
    if (amounts) figureLines++;
    if (bare && prev !== 'label') orphans++;
    prev = bare ? 'figures' : amounts ? 'labelled' : 'label';
  }
  return { figureLines, orphans };
}
