// Text extracted from a published PDF (pdftotext and the like): a page starts with a form feed, or —
// as in the reference, where the form feed became a space — with a line that starts with one space.
// Blank lines, page numbers and running headers/footers are dropped; every other line keeps its file
// line number.
import { displayWidth } from '../render/text.js';
import type { Line, Token } from './model.js';
import { dropRunningLines } from './running-lines.js';

export function textLines(source: string): { lines: Line[]; pages: number } {
  const perPage: Line[][] = [];
  let page = 1;
  let seen = false;
  // With form feeds, they alone start pages: a layout extraction indents lines anywhere, and
  // yusuan's own text (no pages) indents table rows.
  const feeds = source.includes('\f');
  let feed = false; // a form feed since the last line of text
  source.split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\f')) feed = true;
    const text = raw.replace(/\f/g, '').trim();
    if (!text) return;
    if (seen && (feeds ? feed : /^[ \t]\S/.test(raw))) page++;
    feed = false;
    seen = true;
    const indent = displayWidth(/^\s*/.exec(raw.replace(/\f/g, ''))![0]);
    (perPage[page - 1] ??= []).push({ page, line: i + 1, text, tokens: tokens(text), indent });
  });
  return { lines: dropRunningLines(perPage.filter(Boolean)), pages: page };
}

/** Tokens with the columns they take, so that a table laid out in columns can be read by position. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  let last = 0;
  for (const m of text.matchAll(/\S+/g)) {
    at += displayWidth(text.slice(last, m.index));
    const end = at + displayWidth(m[0]);
    out.push({ text: m[0], span: [at, end] });
    at = end;
    last = m.index + m[0].length;
  }
  return out;
}
