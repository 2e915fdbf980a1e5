// Shown cells: what a reader adds up. Every figure is shown rounded on its own, so a shown total can
// differ from the sum of the shown cells beneath it by a cent or two without anything being wrong.
import type { Decimal } from 'decimal.js';
import { round2, sum } from '../compute/money.js';

export interface Cell {
  label: string;
  value: Decimal;
}

/** Sum of the cells as shown (each rounded to 0.01 first). */
export function shownSum(cells: readonly Cell[]): Decimal {
  return sum(cells.map((c) => round2(c.value)));
}

/** `30101 基本工资 56.92 + 30102 津贴补贴 11.64 + …` naming at most `max` cells. */
export function cellList(cells: readonly Cell[], max = 12): string {
  const named = cells.slice(0, max).map((c) => `${c.label} ${round2(c.value).toFixed(2)}`);
  return named.join(' + ') + (cells.length > max ? ` + …（共 ${cells.length} 格）` : '');
}
