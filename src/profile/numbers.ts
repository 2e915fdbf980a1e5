// Figures as a profile shows them: the data's 万元 converted exactly to the display unit, rounded
// half-up on its own to the profile's decimals, trailing zeros dropped or kept, thousands separated.
// Every writer (the templates' helpers, the workbook, Word) formats through this one place.
import { Decimal } from 'decimal.js';
import type { Profile } from './settings.js';

type Num = Decimal | number | null | undefined;

const TEN_THOUSAND = new Decimal(10000);

export interface NumberFormat {
  readonly profile: Profile;
  /** "万元" or "元". */
  readonly unit: string;
  /** An amount of the data (万元) in the display unit, exact. */
  scale(x: Decimal | number): Decimal;
  /** An amount as text: 0 → "0.00" (with the default settings). */
  amount(x: Num): string;
  /** A figure that is not money (an area in 平方米): the amount's decimals and separators, never converted. */
  number(x: Num): string;
  /** A rate in percent as text; no base (null) shows as zero. */
  rate(x: Num): string;
  /** A shown amount as a number for a spreadsheet cell, rounded as the text; null for zero. */
  cellValue(x: Num): number | null;
  /** A cell's number as text (Word's table cells). */
  cellText(n: number): string;
  /** The spreadsheet number format of an amount cell. */
  excelFormat: string;
  /** The change against a zero prior year, worded by the profile (`zero_prior`). */
  zeroPrior(delta: Num): string;
}

function shown(x: Decimal, decimals: number, trim: boolean, thousands: string): string {
  const fixed = x.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
  // The default settings: as toFixed wrote it.
  if (!trim && !thousands) return fixed;
  let [whole, frac = ''] = fixed.split('.');
  if (trim) frac = frac.replace(/0+$/, '');
  if (thousands) whole = whole!.replace(/\B(?=(\d{3})+$)/g, thousands);
  return frac ? `${whole}.${frac}` : whole!;
}

export function numberFormat(profile: Profile): NumberFormat {
  const { decimals, trim_zeros: trim, thousands } = profile;
  const scale = (x: Decimal | number) => (profile.unit === '元' ? new Decimal(x).times(TEN_THOUSAND) : new Decimal(x));
  const amount = (x: Num) => shown(scale(x ?? 0), decimals.amount, trim, thousands);
  const zeros = '0'.repeat(decimals.amount);
  const body = trim ? `0${decimals.amount ? `.${'#'.repeat(decimals.amount)}` : ''}` : `0${zeros ? `.${zeros}` : ''}`;
  return {
    profile,
    unit: profile.unit,
    scale,
    amount,
    number: (x: Num) => shown(new Decimal(x ?? 0), decimals.amount, trim, thousands),
    rate: (x: Num) => shown(new Decimal(x ?? 0), decimals.rate, trim, ''),
    cellValue(x: Num) {
      if (x === null || x === undefined) return null;
      const d = scale(x);
      return d.isZero() ? null : Number(d.toDecimalPlaces(decimals.amount, Decimal.ROUND_HALF_UP).toFixed(decimals.amount));
    },
    cellText: (n: number) => shown(new Decimal(n), decimals.amount, trim, thousands),
    // Excel has no "drop trailing zeros" without a dangling point on whole numbers: General then.
    excelFormat: trim && !thousands ? 'General' : thousands ? `#,##${body}` : body,
    zeroPrior: (delta: Num) => profile.zero_prior.replaceAll('{amount}', amount(delta)).replaceAll('{unit}', profile.unit),
  };
}

/** The tables' 单位 line (tables.yaml `meta.unit`, e.g. `单位：{unit}`) in the display unit. */
export function unitLine(text: string, unit: string): string {
  return text.replaceAll('{unit}', unit);
}
