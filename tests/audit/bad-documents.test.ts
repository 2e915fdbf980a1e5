// Documents audit cannot check: each gives one clear finding and exit 1, never a stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../src/audit/index.js';
import { REFERENCE_FILE } from '../helpers/reference.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-audit-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const reference = readFileSync(REFERENCE_FILE, 'utf8');
const codes = async (file: string) => (await auditFile(file)).findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe('documents audit cannot check', () => {
  it('a missing file', async () => {
    expect(await codes(join(dir, 'nowhere.pdf'))).toEqual(['AUDIT_UNREADABLE']);
  });
  it('a PDF without a text layer (a scan): says OCR is not done', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const file = join(dir, 'scan.pdf');
    writeFileSync(file, await pdf.save());
    const r = await auditFile(file);
    expect(r.findings.map((f) => f.code)).toEqual(['AUDIT_UNREADABLE']);
    expect(r.findings[0]!.message).toContain('OCR');
  });
  it('a file that is not a PDF although it starts like one', async () => {
    const file = join(dir, 'broken.pdf');
    writeFileSync(file, '%PDF-1.7\nnothing else');
    expect(await codes(file)).toEqual(['AUDIT_UNREADABLE']);
  });
  it('a truncated text: the missing tables and part are named', async () => {
    const file = join(dir, 'truncated.txt');
    writeFileSync(file, reference.slice(0, reference.indexOf(' 表 10')));
    const found = await codes(file);
    expect(found.filter((c) => c === 'AUDIT_MISSING').length).toBe(4); // tables 10, 11; parts 3, 4
  });
  it('another kind of document (a 决算)', async () => {
    const file = join(dir, 'final-accounts.txt');
    writeFileSync(file, '2023 年度部门决算\n第一部分 部门概况\n收入支出决算总表\n');
    expect(await codes(file)).toEqual(['AUDIT_NOT_DISCLOSURE']);
  });
  it('a 决算 laid out like the disclosure, all its tables there: said to be a 决算', async () => {
    const file = join(dir, 'final-accounts-full.txt');
    writeFileSync(file, reference.replace(/2024 年单位预算/g, '2024 年单位决算'));
    const r = await auditFile(file);
    expect(r.findings.map((f) => [f.code, f.page])).toEqual([['AUDIT_NOT_DISCLOSURE', 2]]); // 第二部分 2024 年单位决算公开表
    expect(r.findings[0]!.message).toMatch(/^这是决算/);
  });
  it('a government budget report (no tables of the disclosure)', async () => {
    const file = join(dir, 'report.txt');
    writeFileSync(file, '关于2024年预算执行情况与2025年预算草案的报告\n一、2024年预算执行情况\n全县一般公共预算收入完成12.3亿元，增长5.2%。\n');
    expect(await codes(file)).toEqual(['AUDIT_NOT_DISCLOSURE']);
  });
  // Made with Ghostscript from a one-line PDF: -sOwnerPassword=owner -sUserPassword=secret -dEncryptionR=3.
  it('an encrypted PDF', async () => {
    const r = await auditFile(join(import.meta.dirname, '../fixtures/published/encrypted.pdf'));
    expect(r.findings.map((f) => f.code)).toEqual(['AUDIT_UNREADABLE']);
    expect(r.findings[0]!.message).toContain('已加密');
  });
  it('a text that stops inside a table: said where, and the partial table\'s sums are not reported', async () => {
    const file = join(dir, 'stops-in-table-6.txt');
    writeFileSync(file, reference.slice(0, reference.indexOf('302 07 邮电费')));
    const r = await auditFile(file);
    const stop = r.findings.find((f) => f.code === 'AUDIT_TRUNCATED')!;
    expect([stop.page, stop.message]).toEqual([8, expect.stringContaining('表 6')]);
    expect(r.findings.filter((f) => f.code === 'AUDIT_SUM' || f.code === 'AUDIT_ROUNDING')).toEqual([]);
  });
  it('a table cut off (table 2\'s second page left out): the lost lines are named', async () => {
    const file = join(dir, 'cut-off.txt');
    const from = reference.indexOf(' 编制单位');
    const to = reference.indexOf('221 02 01 住房公积金 18.50 18.50 18.50') + '221 02 01 住房公积金 18.50 18.50 18.50'.length;
    writeFileSync(file, reference.slice(0, from) + reference.slice(to));
    const r = await auditFile(file);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.page, f.quote])).toEqual([
      ['AUDIT_CUT_OFF', 3, '221 02 住房改革支出 18.50 18.50'],
      ['AUDIT_CUT_OFF', 3, '221 02 01 住房公积金 18.50 18.50'],
      ['AUDIT_CUT_OFF', 3, '221 住房保障支出 18.50 18.50 18.50'],
    ]);
  });
});
