// The round trip of CONVENTIONS.md point 14: data that passes `check` → yusuan's document → audit
// finds no error. Each fixture and each example is rendered to HTML and to text (fast) and audited;
// county-bureau and the examples are also printed to PDF with the real printer (skipped only without
// Chromium). Then changes to copies show the rules that used to misfire there still find real errors.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfMeta } from '../../src/build.js';
import { auditDoc } from '../../src/audit/index.js';
import { check, compute, htmlToText, loadText, render } from '../../src/index.js';
import { printPdf } from '../../src/print/index.js';
import { htmlLines } from '../../src/published/lines-html.js';
import { textLines } from '../../src/published/lines-text.js';
import { readLines, readPublished } from '../../src/published/read.js';
import type { PublishedDoc } from '../../src/published/model.js';
import { hasChromium } from '../helpers/chromium.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = existsSync(join(root, 'examples'))
  ? readdirSync(join(root, 'examples'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join('examples', f))
  : [];
const COUNTY = 'tests/fixtures/golden/county-bureau/data.yaml';
const HOSPITAL = 'examples/2025-county-hospital.yaml';
const SCHOOL = 'examples/2025-county-school.yaml';
const FIXTURES = ['data/2024-info-center.yaml', COUNTY, 'tests/fixtures/draft-2025-completed.yaml', ...examples];

function built(file: string) {
  const loaded = loadText(readFileSync(join(root, file), 'utf8'), file);
  const errors = check(loaded).filter((f) => f.severity === 'error');
  const view = compute(loaded.data!);
  return { errors, view, html: render(view).html };
}

const auditHtml = (html: string, name: string) => {
  const { lines, pages } = htmlLines(html);
  return auditDoc(readLines(name, 'html', lines, pages));
};
const readText = (text: string, name: string) => {
  const { lines, pages } = textLines(text);
  return readLines(name, 'text', lines, pages);
};
const shown = (fs: { code: string; severity: string; message: string }[]) => fs.map((f) => `${f.severity} ${f.code} ${f.message}`);
const unplaced = (doc: PublishedDoc) => doc.tables.flatMap((t) => t.rows.filter((r) => r.cells.some((c) => c.col === undefined)).map((r) => `表 ${t.no} ${r.quote}`));

describe('yusuan\'s own HTML audits without error', () => {
  it.each(FIXTURES)('%s', (file) => {
    const { errors, html } = built(file);
    expect(errors).toEqual([]); // the promise is for data that passes check
    const findings = auditHtml(html, file);
    expect(shown(findings.filter((f) => f.severity !== 'note'))).toEqual([]);
    // Something was read and checked, not skipped: all eleven tables and Part 3's figures.
    const { lines, pages } = htmlLines(html);
    const doc = readLines(file, 'html', lines, pages);
    expect(doc.tables.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(doc.mentions.length).toBeGreaterThan(50);
  });
});

// `build --format txt` lays tables out in columns: read by position, every figure has its column.
// The same text with one space between words (extraction without layout) leaves the columns to the
// other tables; then a row is placed only where they leave one way, and still nothing is misread.
describe('yusuan\'s own text audits without error', () => {
  it.each(FIXTURES)('%s', (file) => {
    const text = htmlToText(built(file).html);
    const doc = readText(text, file);
    expect(doc.pages).toBe(1); // indented table rows are not pages
    expect(unplaced(doc)).toEqual([]);
    expect(shown(auditDoc(doc).filter((f) => f.severity !== 'note'))).toEqual([]);
    const flat = readText(text.replace(/ {2,}/g, ' '), file);
    expect(flat.tables.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(shown(auditDoc(flat).filter((f) => f.severity !== 'note'))).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('yusuan\'s own PDFs of county-bureau and the examples audit without error', () => {
  const docs = new Map<string, PublishedDoc>();
  beforeAll(async () => {
    for (const file of [COUNTY, ...examples]) {
      const { view, html } = built(file);
      docs.set(file, await readPublished(`${file}.pdf`, (await printPdf(html, { meta: pdfMeta(view, html) })).pdf));
    }
  }, 300_000);

  it.each([COUNTY, ...examples])('%s: no error, no warning', (file) => {
    const doc = docs.get(file)!;
    expect(doc.kind).toBe('pdf');
    expect(doc.tables.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(shown(auditDoc(doc).filter((f) => f.severity !== 'note'))).toEqual([]);
  });
});

describe('the rules that misfired on county-bureau still find real errors', () => {
  const { html } = built(COUNTY);
  const CHANGES: { name: string; find: string; replace: string; code: string; severity?: string }[] = [
    // `（上年未安排）` excuses the missing rate only when the change is the whole current figure.
    { name: 'a new item whose change is not its amount', find: '增加 20.00 万元（上年未安排）', replace: '增加 15.00 万元（上年未安排）', code: 'AUDIT_RATE' },
    // Without `（上年未安排）`, a change of less than the whole still needs its rate.
    { name: 'a change without its rate', find: '增加 20.00 万元（上年未安排）', replace: '增加 15.00 万元', code: 'AUDIT_RATE' },
    // 财政拨款项目 = table 7 (general budget) + table 8's 项目支出 (fund): 50.00 + 50.00.
    { name: 'the fiscal projects\' amount', find: '涉及预算金额 100.00 万元', replace: '涉及预算金额 50.00 万元', code: 'AUDIT_TEXT_TABLE' },
    { name: 'an allocation that does not add up', find: '成本调查 18 万元', replace: '成本调查 19 万元', code: 'AUDIT_ALLOCATION', severity: 'warning' },
  ];
  it.each(CHANGES)('$name → $code', (c) => {
    expect(html).toContain(c.find);
    const findings = auditHtml(html.replace(c.find, c.replace), 'changed.html');
    expect(findings.filter((f) => f.code === c.code).map((f) => f.severity)).toContain(c.severity ?? 'error');
  });
});

// What made the examples misfire, changed in copies of their text: each change is still found.
describe('the rules that misfired on the examples still find real errors', () => {
  const text = { [HOSPITAL]: htmlToText(built(HOSPITAL).html), [SCHOOL]: htmlToText(built(SCHOOL).html) };
  const CHANGES: { name: string; file: string; find: RegExp; replace: string; code: string; says?: string }[] = [
    // Table 1's 1、一般公共预算拨款 is 一般财力 + the transfer; table 2 prints them in two columns.
    { name: 'table 2\'s transfer column against table 1\'s transfer row', file: HOSPITAL, find: /(\n总计 +23953\.13 +3284\.90 +3049\.30 +)85\.60/, replace: '$195.60', code: 'AUDIT_CROSS_TABLE', says: '上级一般公共预算安排转移支付' },
    { name: 'table 2\'s own general budget against table 1\'s 一般财力', file: HOSPITAL, find: /(\n总计 +23953\.13 +3284\.90 +)3049\.30/, replace: '$13059.30', code: 'AUDIT_CROSS_TABLE', says: '一般财力' },
    // Part 3's 一般公共预算 is the 一般财力; the transfer has its own sentence.
    { name: 'Part 3\'s 一般公共预算', file: HOSPITAL, find: /一般公共预算 3049\.30 万元/, replace: '一般公共预算 3059.30 万元', code: 'AUDIT_TEXT_TABLE', says: '一般财力' },
    { name: 'Part 3\'s transfer', file: HOSPITAL, find: /转移支付资金 85\.60 万元/, replace: '转移支付资金 86.60 万元', code: 'AUDIT_TEXT_TABLE', says: '上级一般公共预算安排转移支付' },
    // 上年结转结余 is part of 收入总计 again, once 1、一般公共预算拨款 is matched in its place.
    { name: 'table 1\'s carry-over against 收入总计', file: SCHOOL, find: /(二、上年结转结余 +)36\.00/, replace: '$146.00', code: 'AUDIT_SUM', says: '收入总计 = Σ 收入 不成立：印为 3972.14，应为 3936.14 + 46.00' },
    // 四 lists a class under the budget that pays it: 其他支出 is the lottery fund's.
    { name: 'a fund class in 四', file: SCHOOL, find: /其他支出 60\.00 万元，主要用于/, replace: '其他支出 70.00 万元，主要用于', code: 'AUDIT_TEXT_TABLE', says: '229' },
    { name: 'table 10 with no 三公 and no statement', file: SCHOOL, find: /\n[^\n]*“三公”经费支出情况表为空表。/, replace: '', code: 'AUDIT_EMPTY_TABLE' },
    // Read by its column: the carry-over of one 项 in table 2.
    { name: 'table 2\'s carry-over column', file: SCHOOL, find: /(\n205 +02 +04 +高中教育 +1446\.20[^\n]*)36\.00/, replace: '$146.00', code: 'AUDIT_SUM', says: '财政拨款结转' },
  ];
  it.each(CHANGES)('$name → $code', (c) => {
    expect(text[c.file]).toMatch(c.find);
    const findings = auditDoc(readText(text[c.file]!.replace(c.find, c.replace), 'changed.txt')).filter((f) => f.code === c.code && f.severity === 'error');
    expect(findings.length).toBeGreaterThan(0);
    if (c.says) expect(findings.map((f) => f.message).join('\n')).toContain(c.says);
  });
  it('a wrong transfer column is one cross-table finding, not one per grouping', () => {
    const changed = text[HOSPITAL]!.replace(CHANGES[0]!.find, CHANGES[0]!.replace);
    expect(auditDoc(readText(changed, 'changed.txt')).filter((f) => f.code === 'AUDIT_CROSS_TABLE')).toHaveLength(1);
  });
});
