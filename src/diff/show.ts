// How a changed figure is written in either format: as the documents print it (amounts rounded
// half-up to 0.01 by the templates' helper, counts whole), a new or removed one said as such.
import { Decimal } from 'decimal.js';
import type { FigureChange, FigureKind, FigureValue } from './index.js';
import { printed } from './summary.js';

export function showValue(kind: FigureKind, value: FigureValue): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (kind === 'count') return new Decimal(value).toFixed(0);
  return printed(value);
}

/** The difference as printed (+1.47, -2.82), or 新增 / 删除 for a figure only one file has. */
export function showDifference(change: FigureChange): string {
  if (change.status === 'added') return '新增';
  if (change.status === 'removed') return '删除';
  const d = change.difference;
  if (d === null) return '';
  const text = showValue(change.kind, d.abs());
  return d.isZero() ? text : `${d.isNegative() ? '-' : '+'}${text}`;
}

/** `表2、表3、表5`. */
export const showTables = (tables: readonly string[] | undefined): string => (tables ?? []).join('、');

/** `第三部分` for the section `part-3`; another id as it is. */
export function partName(id: string): string {
  const n = /^part-([1-9])$/.exec(id)?.[1];
  return n ? `第${'一二三四五六七八九'[Number(n) - 1]}部分` : id;
}

/** What a view of the diff shows: everything, or one section of it. */
export const ONLY = ['summary', 'figures', 'sentences', 'reasons'] as const;
export type Only = (typeof ONLY)[number];
