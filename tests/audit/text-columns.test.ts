// Reading extracted text: where its pages start, and a table laid out in columns read by position
// only when its figures sit inside their numbered columns.
import { describe, expect, it } from 'vitest';
import { textLines } from '../../src/published/lines-text.js';
import { readTables } from '../../src/published/read-tables.js';
import { displayWidth } from '../../src/render/text.js';

const pagesOf = (text: string) => textLines(text).lines.map((l) => `${l.page}:${l.text}`);

describe('pages of extracted text', () => {
  it('form feeds alone start pages when there are any (pdftotext), also before a blank first line', () => {
    expect(pagesOf('一\n   缩进\n\f二\n\f\n\n三\n\f')).toEqual(['1:一', '1:缩进', '2:二', '3:三']);
  });
  it('else a line starting with one space (the reference, where the form feed became a space)', () => {
    expect(pagesOf('一\n 表 2\n二')).toEqual(['1:一', '2:表 2', '2:二']);
  });
  it('an indented table row is not a page (build --format txt)', () => {
    expect(pagesOf('一\n                   205 教育支出   1.00\n二')).toEqual(['1:一', '1:205 教育支出   1.00', '1:二']);
  });
});

/** A line with each text starting at a column (a CJK character is two columns wide). */
const at = (...parts: [number, string][]) => parts.reduce((line, [col, text]) => line + ' '.repeat(Math.max(1, col - displayWidth(line))) + text, '').trimStart();
// The numbered row: 1 at column 25, 2 at 34, 3 at 43.
const TABLE = (rows: string[]) => ['表 3 单位支出总体情况表', '编制单位：某单位 单位：万元', at([0, '※'], [5, '※'], [9, '※'], [18, '※'], [25, '1'], [34, '2'], [43, '3']), ...rows].join('\n');
const cols = (text: string) =>
  readTables(textLines(text).lines)[0]!.rows.map((r) => `${r.code || r.name} ${r.cells.map((c) => `${c.fig.text}@${c.col ?? '?'}`).join(' ')}`);

describe('a table laid out in columns', () => {
  const total = at([0, '总计'], [27, '100.00'], [37, '60.00'], [46, '40.00']);
  it('places each figure in the numbered column it sits in', () => {
    const text = TABLE([total, at([0, '208'], [18, '甲'], [28, '60.00'], [37, '60.00']), at([0, '215'], [18, '乙'], [28, '40.00'], [46, '40.00'])]);
    expect(cols(text)).toEqual(['总计 100.00@1 60.00@2 40.00@3', '208 60.00@1 60.00@2', '215 40.00@1 40.00@3']);
  });

  it('leaves figures that straddle the columns to the other tables, not to a guess', () => {
    // pdftotext -layout squeezes the page: 40.00 runs from column 2 into column 3.
    const text = TABLE([total, at([0, '208'], [18, '甲'], [28, '60.00'], [37, '60.00']), at([0, '215'], [18, '乙'], [28, '40.00'], [41, '40.00'])]);
    expect(cols(text)).toEqual(['总计 100.00@1 60.00@2 40.00@3', '208 60.00@1 60.00@?', '215 40.00@1 40.00@?']);
  });

  it('one space between words is no layout: a row with blank cells is left unplaced', () => {
    const text = TABLE([total, at([0, '208'], [18, '甲'], [28, '60.00'], [37, '60.00'])]).replace(/ {2,}/g, ' ');
    expect(cols(text)).toEqual(['总计 100.00@1 60.00@2 40.00@3', '208 60.00@1 60.00@?']);
  });
});
