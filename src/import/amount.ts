// A figure cell → an exact amount in 万元. The cell's text is parsed with decimal.js (a numeric
// cell's text is its 15-digit decimal form, see workbook/read.ts), so 元 → 万元 is a decimal shift,
// never float arithmetic. Blank, `-` and `—` are zero, as published tables leave zero cells blank.
import { Decimal } from 'decimal.js';
import type { Cell } from './workbook/grid.js';

export type AmountUnit = '元' | '万元';

const ZERO_MARKS = /^[-—–－]+$|^$/;

/** The amount in 万元, or a reason it is not a number. */
export function parseAmount(cell: Cell | undefined, unit: AmountUnit): Decimal | { error: string } {
  const raw = cell?.text.trim() ?? '';
  if (ZERO_MARKS.test(raw)) return new Decimal(0);
  // Thousands separators (ASCII or full-width commas, thin or ordinary spaces between digit groups).
  const text = raw.replace(/[,，]/g, '').replace(/(?<=\d)[ \u00a0\u2009\u202f](?=\d{3}\b)/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return { error: raw };
  const value = new Decimal(text);
  return unit === '元' ? value.dividedBy(10000) : value;
}

/** `单位：元` / `单位:万元` / `金额单位：万元` in a line of text. */
export function unitIn(text: string): AmountUnit | undefined {
  const m = /单位\s*[：:]\s*(万元|元)/.exec(text.replace(/\s+/g, ''));
  return m ? (m[1] as AmountUnit) : undefined;
}
