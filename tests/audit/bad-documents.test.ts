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
});
