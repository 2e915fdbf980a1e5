// audit of a ten-tables disclosure (profiles/ten-tables): the text first, the tables last as an
// attachment, 表7 the table of 三公 with 会议费 and 培训费, amounts in 元. The set is recognised by the
// titles of its layouts (no --profile needed); the golden text and one PDF built with the profile
// audit clean, and a changed figure is still found.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditDoc, auditFile } from '../../src/audit/index.js';
import { build } from '../../src/build.js';
import { textLines } from '../../src/published/lines-text.js';
import { readLines } from '../../src/published/read.js';
import { hasChromium } from '../helpers/chromium.js';

const DIR = fileURLToPath(new URL('../fixtures/golden/ten-tables-school/', import.meta.url));
const TEXT = readFileSync(join(DIR, 'expected.txt'), 'utf8');
const read = (text: string, profile?: string) => {
  const { lines, pages } = textLines(text);
  return readLines('school.txt', 'text', lines, pages, profile ? { profile } : {});
};

describe('audit of the ten-tables golden text', () => {
  it('reads the three parts, the attachment and its nine tables by their layouts', () => {
    const doc = read(TEXT);
    expect(doc.set.name).toBe('ten-tables');
    expect(doc.parts.map((p) => p.no)).toEqual([1, 2, 3]);
    expect(doc.annex?.text).toMatch(/^附件/);
    expect(doc.tables.map((t) => `${t.no} ${t.id}`)).toEqual(['1 t1', '2 t2', '3 t3', '4 t4', '5 t5', '6 t6', '7 t10mt', '8 t8', '9 t9']);
    expect(doc.tables.find((t) => t.id === 't10mt')!.rows.map((r) => r.name)).toContain('二、会议费');
    expect(doc.tables.find((t) => t.id === 't9')!.emptyStatement?.text).toMatch(/为空表。$/);
  });

  it('finds nothing: no error, no warning, no note', () => {
    expect(auditDoc(read(TEXT))).toEqual([]);
    expect(auditDoc(read(TEXT, 'ten-tables'))).toEqual([]);
  });

  it('reads 表7 rows worded as pages word them: straight quotes, 运行维护费', () => {
    const reworded = TEXT.replace(/^一、“三公”经费( +25,000\.00)/m, '一、"三公"经费$1').replace(/^公务用车运行费( +15,000\.00)/m, '公务用车运行维护费$1');
    expect(reworded).not.toBe(TEXT);
    expect(reworded).toContain('一、"三公"经费');
    expect(reworded).toContain('公务用车运行维护费');
    expect(auditDoc(read(reworded))).toEqual([]);
  });

  it('finds a changed figure of 表7 (三公、会议费、培训费) in its row, its total and against the text', () => {
    const changed = TEXT.replace(/^(三、培训费 +52,000\.00 +)64,000\.00/m, '$165,000.00');
    expect(changed).not.toBe(TEXT);
    const findings = auditDoc(read(changed));
    expect(findings.map((f) => `${f.code} ${f.quote}`)).toEqual([
      'AUDIT_TEXT_TABLE 培训费财政拨款预算64,000.00元，同比增加12,000.00元，增长23.08%，主要原因是新增骨干教师外出研修。',
      'AUDIT_SUM 合计 85,000.00 90,000.00 90,000.00',
      'AUDIT_SUM 三、培训费 52,000.00 65,000.00 64,000.00',
    ]);
    expect(findings[1]!.message).toMatch(/^表 7（合计列）/);
    // Amounts as the document prints them, with its separators.
    expect(findings[1]!.message).toContain('印为 90,000.00，应为 20,000.00 + 6,000.00 + 65,000.00 = 91,000.00');
  });

  it('finds procurement that does not add up, worded 其中：货物 … 元', () => {
    const changed = TEXT.replace('服务 300,000.00 元。', '服务 310,000.00 元。');
    expect(changed).not.toBe(TEXT);
    const found = auditDoc(read(changed)).filter((f) => f.code === 'AUDIT_SUM');
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/^政府采购预算 1,140,000\.00 元，货物、工程、服务之和为 1,150,000\.00 元/)]);
  });

  it('finds a figure of 表3 that 表2 does not print', () => {
    const changed = TEXT.replace(/^(表 3 [\s\S]*?221  02  01 +住房公积金 +)849,000\.00/m, '$1850,000.00');
    expect(changed).not.toBe(TEXT);
    expect(auditDoc(read(changed)).map((f) => f.code)).toContain('AUDIT_CROSS_TABLE');
  });

  it('reads the figures of 第二部分 情况说明 in 元: 同比, 上年未安排，本年新增, shares by largest remainder', () => {
    const doc = read(TEXT);
    expect(doc.currency).toBe('元');
    const basic = doc.mentions.find((m) => m.section === 5 && m.subject === '基本支出')!;
    expect(basic).toMatchObject({ amount: { text: '11,728,800.00' }, change: { word: '增加', fig: { text: '516,600.00' } }, rate: { fig: { text: '4.61' } } });
    expect(doc.mentions.find((m) => /培训支出/.test(m.subject))!.change).toMatchObject({ isNew: true, fig: { text: '186,000.00' } });
    // 三公、会议费、培训费 (section 八) read as the default's section 十.
    expect(doc.mentions.filter((m) => m.section === 10 && m.amount).map((m) => m.subject)).toEqual(expect.arrayContaining(['公务接待费', '会议费财政拨款预算', '培训费财政拨款预算']));
  });

  it.each([
    ['a share', '单位资金 60,000.00 元，占 0.41%', '单位资金 60,000.00 元，占 0.51%', ['AUDIT_SHARES_TOTAL', 'AUDIT_SHARE']],
    ['a rate', '同比增加 516,600.00 元，增长 4.61%', '同比增加 516,600.00 元，增长 5.61%', ['AUDIT_RATE']],
    ['a figure of 表5', '基本支出 11,728,800.00 元，同比', '基本支出 11,728,900.00 元，同比', ['AUDIT_TEXT_TABLE']],
    ['a figure of 表7', '培训费财政拨款预算 64,000.00 元', '培训费财政拨款预算 65,000.00 元', ['AUDIT_TEXT_TABLE', 'AUDIT_RATE']],
    ['a direction word', '同比增加 44,000.00 元，增长 4.78%', '同比增加 44,000.00 元，下降 4.78%', ['AUDIT_DIRECTION']],
  ])('finds %s changed in the text', (_, find, replace, codes) => {
    expect(TEXT).toContain(find);
    const findings = auditDoc(read(TEXT.replace(find, replace)));
    expect(findings.map((f) => f.code)).toEqual(codes);
    expect(findings.every((f) => !f.message.includes('万元'))).toBe(true); // the document's unit, 元
  });

  it('with the default set asked for, the ten-tables tables it lacks are reported missing', () => {
    const missing = auditDoc(read(TEXT, 'default')).filter((f) => f.code === 'AUDIT_MISSING').map((f) => /^缺少表 (\d+)/.exec(f.message)?.[1]);
    expect(missing).toEqual(['7', '10', '11']);
  });
});

describe.skipIf(!hasChromium)('audit of the ten-tables PDF', () => {
  it('built with --profile ten-tables, audits clean', async () => {
    const out = mkdtempSync(join(tmpdir(), 'yusuan-ten-pdf-'));
    const [result] = await build([join(DIR, 'data.yaml')], { profile: 'ten-tables', formats: ['pdf'], outDir: out });
    expect(result!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const audited = await auditFile(join(out, 'data.pdf'));
    expect(audited.doc!.tables.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't10mt', 't8', 't9']);
    expect(audited.findings).toEqual([]);
  }, 180_000);
});
