// Shown cells: what a reader adds up. Every figure is shown rounded on its own, so a shown total can
// differ from the sum of the shown cells beneath it by a cent or two without anything being wrong.
import { Decimal } from 'decimal.js';
import { sum } from '../compute/money.js';
import { DEFAULT_PROFILE, numberFormat, type NumberFormat } from '../profile/index.js';

export interface Cell {
  label: string;
  value: Decimal;
}

/**
 * Shown figures as a profile shows them: an amount of the data (万元) in the display unit, rounded
 * half-up on its own to the profile's decimals — with the default profile, `round2` and `toFixed(2)`.
 */
export interface Shown {
  /** The amount as the document shows it, in the display unit, as a number. */
  value(x: Decimal): Decimal;
  /** A figure already in the display unit, as the document writes it (decimals, separators). */
  text(x: Decimal): string;
  /** The sum of the cells as shown. */
  sum(cells: readonly Cell[]): Decimal;
  /** `30101 基本工资 56.92 + …` naming at most `max` cells. */
  list(cells: readonly Cell[], max?: number): string;
}

export function shownIn(f: NumberFormat): Shown {
  const value = (x: Decimal) => f.scale(x).toDecimalPlaces(f.profile.decimals.amount, Decimal.ROUND_HALF_UP);
  const text = (x: Decimal) => f.number(x);
  return {
    value,
    text,
    sum: (cells) => sum(cells.map((c) => value(c.value))),
    list(cells, max = 12) {
      const named = cells.slice(0, max).map((c) => `${c.label} ${text(value(c.value))}`);
      return named.join(' + ') + (cells.length > max ? ` + …（共 ${cells.length} 格）` : '');
    },
  };
}

/** Figures as the data file types them (万元 to 0.01): a stated total is checked against these. */
export const inData: Shown = shownIn(numberFormat(DEFAULT_PROFILE));
