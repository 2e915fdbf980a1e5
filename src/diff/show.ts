// How a changed figure is written in either format: amounts with at least 2 decimals (exact, so a
// change below the shown rounding is still visible), percentages as shown, counts as integers.
import { Decimal } from 'decimal.js';
import type { FigureChange, FigureKind, FigureValue } from './index.js';

export function showValue(kind: FigureKind, value: FigureValue): string {
  // A rate with no base is printed 0.00% in the document; an amount with none is 上年未安排.
  if (value === null) return kind === 'percent' ? '0.00' : '—';
  if (typeof value === 'string') return value;
  const d = new Decimal(value);
  if (kind === 'percent') return d.toFixed(2, Decimal.ROUND_HALF_UP);
  if (kind === 'count') return d.toFixed(0);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

export function showDifference(change: FigureChange): string {
  const d = change.difference;
  if (d === null) return '';
  const shown =
    change.kind === 'percent'
      ? new Decimal(showValue('percent', change.new ?? 0)).minus(showValue('percent', change.old ?? 0))
      : d;
  const text = showValue(change.kind, shown.abs());
  return shown.isZero() ? text : `${shown.isNegative() ? '-' : '+'}${text}`;
}

export const PART_NAMES: Record<string, string> = { 'part-1': '第一部分', 'part-3': '第三部分' };
