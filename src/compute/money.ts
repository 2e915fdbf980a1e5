// Exact arithmetic on amounts. Nothing here rounds: rounding happens only where a figure is shown.
import { Decimal } from 'decimal.js';

export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export const ZERO = new Exact(0);

export function sum(values: Iterable<Decimal | undefined>): Decimal {
  let total: Decimal = ZERO;
  // Adding a zero gives the total's value again (decimal.js copies it): skipped, as most cells are zero.
  for (const v of values) if (v && !v.isZero()) total = total.plus(v);
  return total;
}

/** part / whole × 100, or null when the whole is zero. */
export function percent(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : new Exact(part).times(100).div(whole);
}

/** Round half-up to 2 decimals, as every shown figure is. */
export function round2(value: Decimal): Decimal {
  // toDecimalPlaces makes its result with the value's own constructor: an Exact already needs no copy.
  return (value.constructor === Exact ? value : new Exact(value)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
