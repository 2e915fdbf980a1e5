// The plain-text layout: one line per heading or paragraph, tables as aligned rows in which a CJK
// character takes two columns, figures right-aligned, spanning cells across their columns.
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/document.js';
import { htmlBlocks } from '../../src/render/html-blocks.js';
import { displayWidth, htmlToText, tableLines } from '../../src/render/text.js';
import { REFERENCE } from '../draft/helpers.js';

describe('display width', () => {
  it('counts CJK characters and full-width punctuation as 2', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('基本支出')).toBe(8);
    expect(displayWidth('（%）：、')).toBe(9);
    expect(displayWidth('≥36个')).toBe(5);
  });
});

describe('tables', () => {
  const html = `<table><thead><tr><th colspan="2">科目</th><th rowspan="2">金额</th></tr><tr><th>编码</th><th>名称</th></tr></thead>
    <tbody><tr><td>208</td><td>社会保障和就业支出</td><td class="num">68.52</td></tr>
    <tr><td>2080502</td><td>事业单位离退休</td><td class="num">4.73</td></tr></tbody></table>`;

  it('line up in columns, figures right-aligned, spans across their columns', () => {
    const [table] = htmlBlocks(html);
    expect(table!.kind).toBe('table');
    expect(tableLines((table as { rows: never[] }).rows)).toEqual([
      '科目                         金额',
      '编码     名称',
      '208      社会保障和就业支出  68.52',
      '2080502  事业单位离退休       4.73',
    ]);
  });

  it('in the reference, each table’s figures end in the same column', () => {
    const text = documentText(REFERENCE);
    const t3 = text.slice(text.indexOf('表 3 单位支出总体情况表'), text.indexOf('表 4 '));
    const rows = t3.split('\n').filter((l) => /^(总计|\d{3})/.test(l));
    expect(rows.length).toBe(16);
    const ends = new Set(rows.map((l) => displayWidth(l.replace(/\s+65\.00$/, ''))));
    expect(rows.find((l) => l.startsWith('总计'))).toMatch(/335\.37 +270\.37 +65\.00$/);
    expect(ends.size).toBeLessThanOrEqual(2); // rows ending with 基本支出 and those ending with 项目支出
  });
});

describe('text', () => {
  it('headings and paragraphs are lines; head, styles and markup are left out; entities decoded', () => {
    const text = htmlToText('<html><head><title>T</title><style>p{}</style></head><body><h1>第一部分</h1><p>甲 <mark class="placeholder">【待填写：说明】</mark>&amp;乙</p><div class="signature"><p>单位</p><p>2025 年</p></div></body></html>');
    expect(text).toBe('第一部分\n\n甲 【待填写：说明】&乙\n\n单位\n\n2025 年\n');
  });
});
