// Reading the published reference: its text is extracted from a PDF, so line breaks, spacing and
// page numbers are artefacts; comparisons are made with all whitespace removed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REFERENCE_FILE = fileURLToPath(new URL('../../../shared/reference/2024-info-center.txt', import.meta.url));
export const REFERENCE_DATA = fileURLToPath(new URL('../../data/2024-info-center.yaml', import.meta.url));

export function referenceText(): string {
  return readFileSync(REFERENCE_FILE, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*\d+\s*$/.test(line)) // stray page numbers
    .join('\n');
}

export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The text between the first `from` and the first `to` after it (to the end when `to` is absent). */
export function between(text: string, from: string, to?: string): string {
  const start = text.indexOf(from);
  if (start < 0) throw new Error(`not found: ${from}`);
  const end = to === undefined ? -1 : text.indexOf(to, start + from.length);
  return text.slice(start, end < 0 ? undefined : end);
}

/** Cut out [from, to) — used to set the performance table apart from the prose around it. */
export function without(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  return start < 0 || end < 0 ? text : text.slice(0, start) + text.slice(end);
}

/** Whitespace-free sentences, each ending at 。 (a heading runs on into the sentence after it). */
export function sentences(text: string): string[] {
  return squash(text)
    .split(/(?<=。)/)
    .filter((s) => s.length > 0);
}

/** Text content of an HTML fragment, in document order. */
export function htmlText(html: string): string {
  return html
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The prose parts of a whole document's text: Part 1, Part 3 without the performance table, Part 4. */
export function proseParts(text: string): Record<'part1' | 'part3' | 'part4', string> {
  return {
    part1: between(text, '第一部分', '第二部分'),
    part3: without(between(text, '第三部分', '第四部分'), '项目支出绩效目标表', '(五)'),
    part4: between(text, '第四部分'),
  };
}

/** The sentences of `expected` missing from `actual`, or found out of order. */
export function missingSentences(expected: string, actual: string): string[] {
  const haystack = squash(actual);
  const missing: string[] = [];
  let from = 0;
  for (const s of sentences(expected)) {
    const at = haystack.indexOf(s, from);
    if (at < 0) missing.push(s);
    else from = at + s.length;
  }
  return missing;
}
