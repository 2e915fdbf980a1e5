// Golden test: the Part 2 tables and the 项目支出绩效目标表 built from data/2024-info-center.yaml must
// read, cell for cell, as the published reference (text extracted from its PDF). Whitespace is an
// extraction artefact on the reference side, so both sides are compared with all whitespace removed.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compute, loadText, render, type Rendered } from '../src/index.js';
import { REFERENCE_DATA, REFERENCE_FILE, squash as noSpace } from './helpers/reference.js';

interface Case {
  name: string;
  /** id of our section */
  id: string;
  /** first reference line (trimmed) and a test for the line that ends the table */
  start: string;
  isEnd: (line: string) => boolean;
}

const TABLES: Case[] = [
  ...Array.from({ length: 11 }, (_, i): Case => ({
    name: `表 ${i + 1}`,
    id: `table-${i + 1}`,
    start: `表 ${i + 1}`,
    isEnd: i < 10 ? (l) => l === `表 ${i + 2}` : (l) => l.startsWith('第三部分'),
  })),
  { name: '项目支出绩效目标表', id: 'performance-1', start: '项目支出绩效目标表', isEnd: (l) => l.startsWith('(五)') },
];

/** The reference lines of one table, trimmed. */
function referenceLines(all: readonly string[], c: Case): string[] {
  const from = all.findIndex((l) => l === c.start);
  if (from < 0) throw new Error(`reference has no line "${c.start}"`);
  const to = all.findIndex((l, i) => i > from && c.isEnd(l));
  if (to < 0) throw new Error(`reference has no end for "${c.name}"`);
  return all.slice(from, to);
}

/**
 * A table continued on a new page repeats "编制单位：…单位：万元" and its header up to the ※ numbering
 * row; drop every copy after the first (and insist that it is a copy).
 */
function dropRepeatedHeaders(lines: string[]): string[] {
  const meta = lines.findIndex((l) => l.startsWith('编制单位'));
  const numbering = lines.findIndex((l, i) => i > meta && l.startsWith('※'));
  if (meta < 0 || numbering < 0) return lines;
  const header = noSpace(lines.slice(meta, numbering + 1).join(''));
  const out = lines.slice(0, numbering + 1);
  for (let i = numbering + 1; i < lines.length; i++) {
    if (lines[i] === lines[meta]) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith('※'));
      const copy = noSpace(lines.slice(i, end + 1).join(''));
      if (end < 0 || copy !== header) throw new Error(`repeated header at reference line "${lines[i]}" is not a copy of the first`);
      i = end;
      continue;
    }
    out.push(lines[i]!);
  }
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function section(html: string, id: string): string {
  const open = html.search(new RegExp(`<section[^>]*\\bid="${id}"`));
  if (open < 0) throw new Error(`no <section id="${id}"> in the HTML`);
  const close = html.indexOf('</section>', open);
  return html.slice(open, close + '</section>'.length);
}

/** Our section's text, one entry per row (table row, heading or paragraph), whitespace removed. */
function rowsOf(sectionHtml: string): string[] {
  return sectionHtml
    .split(/<\/(?:tr|p|h[1-6])>/)
    .map((part) => noSpace(decode(part.replace(/<[^>]*>/g, ''))))
    .filter((t) => t !== '');
}

/** The reference cut into pieces as long as our rows, so a failure shows which row differs. */
function alignTo(reference: string, rows: readonly string[]): string[] {
  const out: string[] = [];
  let pos = 0;
  for (const r of rows) {
    out.push(reference.slice(pos, pos + r.length));
    pos += r.length;
  }
  if (pos < reference.length) out.push(reference.slice(pos));
  return out;
}

describe('reference 2024-info-center: tables', () => {
  let rendered: Rendered;
  let reference: string[];

  beforeAll(() => {
    const loaded = loadText(readFileSync(REFERENCE_DATA, 'utf8'), 'data/2024-info-center.yaml');
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    rendered = render(compute(loaded.data!));
    reference = readFileSync(REFERENCE_FILE, 'utf8').split(/\r?\n/).map((l) => l.trim());
  });

  for (const c of TABLES) {
    it(c.name, () => {
      const expected = noSpace(dropRepeatedHeaders(referenceLines(reference, c)).join(''));
      const rows = rowsOf(section(rendered.html, c.id));
      // Expected: the reference cut at the lengths of our rows; the first differing row is the culprit.
      expect(rows).toEqual(alignTo(expected, rows));
      expect(rows.join('')).toBe(expected);
      // The section is one Markdown HTML block: a blank line inside would end it.
      expect(section(rendered.markdown, c.id)).not.toMatch(/\n[ \t]*\n/);
    });
  }
});
