// Printed numbers: amounts with two decimals (`1,234.56`), percentages, counts.
import type { Fig, Where } from './model.js';

export const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$/;

/** Hundredths of a printed decimal ('6.23' → 623, '0' → 0, '8' → 800); null for anything else. */
export function cents(text: string): number | null {
  const m = /^(-?)(\d[\d,]*)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const v = Number(m[2]!.replace(/,/g, '')) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}

export function fig(text: string, at: Where): Fig {
  return { text, cents: cents(text) ?? 0, page: at.page, line: at.line };
}

/** '12345' → '123.45' */
export function show(c: number): string {
  const s = (Math.abs(c) / 100).toFixed(2);
  return c < 0 ? `-${s}` : s;
}

/** '12345678' → '123,456.78' */
export function showGrouped(c: number): string {
  return show(c).replace(/\B(?=(\d{3})+\.)/g, ',');
}

/** Amounts in a finding as the document prints them: with thousands separators when its figures have them (the ten-table set in 元). */
export function amountsOf(doc: { grouped: boolean }): (c: number) => string {
  return doc.grouped ? showGrouped : show;
}
