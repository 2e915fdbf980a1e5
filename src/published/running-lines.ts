// Running headers and footers: the unit name / document title printed at the top of each page and the
// page number at its foot. Left in, they land between the two halves of a sentence broken by a page
// (`主要` / footer / header / `原因是…`) or in a table's labels. Both readers (PDF positions, text with
// form feeds) hand their pages here before anything is joined.
import type { Line } from './model.js';

const key = (l: Line) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
const PAGE_NUMBER = /^第\d+页(共\d+页)?$|^-?\d{1,3}-?$/;

/** Drops page numbers anywhere, and text (digits blanked) that is the first or last line of at least
 * half the pages (of 3 or more) where it is first or last. */
export function dropRunningLines(perPage: readonly Line[][]): Line[] {
  const edge = (lines: readonly Line[], i: number) => i === 0 || i === lines.length - 1;
  const count = new Map<string, number>();
  for (const lines of perPage) {
    const keys = new Set(lines.filter((_, i) => edge(lines, i)).map(key));
    for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  }
  const running = (k: string) => perPage.length > 2 && (count.get(k) ?? 0) >= perPage.length / 2;
  return perPage.flatMap((lines) =>
    lines.filter((l, i) => !PAGE_NUMBER.test(l.text.replace(/\s+/g, '')) && !(edge(lines, i) && running(key(l)))),
  );
}
