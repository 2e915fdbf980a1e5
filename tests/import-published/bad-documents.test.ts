// Published documents import cannot take, through the command line: a scan without text, another kind
// of document, a truncated text. Each is a positioned finding (`file p.N`), exit 1, no stack trace,
// nothing written. And one command: a workbook and a published document are told apart by content.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { importKind } from '../../src/import/published.js';
import { REFERENCE_FILE } from '../helpers/reference.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'yusuan-import-bad-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const reference = readFileSync(REFERENCE_FILE, 'utf8');

function cli(file: string) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.yaml`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'yusuan.js'), 'import', file, '--out', out], { encoding: 'utf8' });
  return { ...r, written: existsSync(out) };
}

const cases: [string, () => Promise<string>, string, RegExp][] = [
  [
    'a scanned PDF (no text layer)',
    async () => {
      const pdf = await PDFDocument.create();
      pdf.addPage();
      const file = join(dir, 'scan.pdf');
      writeFileSync(file, await pdf.save());
      return file;
    },
    'AUDIT_UNREADABLE',
    /scan\.pdf  error  .*OCR/,
  ],
  [
    'a 决算 (another kind of document)',
    async () => {
      const file = join(dir, 'final-accounts.txt');
      writeFileSync(file, '2023 年度部门决算\n第一部分 部门概况\n收入支出决算总表\n');
      return file;
    },
    'AUDIT_NOT_DISCLOSURE',
    /final-accounts\.txt p\.1  error  这是决算，不是单位预算公开/,
  ],
  [
    'an encrypted PDF',
    async () => join(import.meta.dirname, '../fixtures/published/encrypted.pdf'),
    'AUDIT_UNREADABLE',
    /encrypted\.pdf  error  PDF 已加密/,
  ],
  [
    'a table cut off (table 2\'s second page left out)',
    async () => {
      const file = join(dir, 'cut-off.txt');
      const from = reference.indexOf(' 编制单位');
      const to = reference.indexOf('221 02 01 住房公积金 18.50 18.50 18.50') + '221 02 01 住房公积金 18.50 18.50 18.50'.length;
      writeFileSync(file, reference.slice(0, from) + reference.slice(to));
      return file;
    },
    'AUDIT_CUT_OFF',
    /cut-off\.txt p\.3  error  表 3 有 221 02 住房改革支出/,
  ],
  [
    'a truncated text (tables 10 and 11, Parts 3 and 4 missing)',
    async () => {
      const file = join(dir, 'truncated.txt');
      writeFileSync(file, reference.slice(0, reference.indexOf(' 表 10')));
      return file;
    },
    'AUDIT_MISSING',
    /truncated\.txt p\.\d+  error  /,
  ],
];

describe('published documents import refuses', () => {
  for (const [name, make, code, line] of cases)
    it(`${name}: ${code} at its page, exit 1, no stack trace, nothing written`, async () => {
      const r = cli(await make());
      expect(r.status).toBe(1);
      expect(r.written).toBe(false);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).toMatch(line);
      expect(r.stderr).toContain('公开文件有错误，未写入任何文件');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
});

describe('one command for workbooks and published documents', () => {
  it('chooses by content, not by name', () => {
    const zip = join(dir, 'budget.pdf');
    writeFileSync(zip, Buffer.from('PK\x03\x04 rest', 'latin1'));
    const pdf = join(dir, 'document.xlsx');
    writeFileSync(pdf, '%PDF-1.7\n');
    const text = join(dir, 'published.txt');
    writeFileSync(text, reference);
    expect([importKind(zip), importKind(pdf), importKind(text), importKind(join(dir, 'notes.xlsx'))]).toEqual(['workbook', 'published', 'published', 'workbook']);
  });

  it('imports the reference text through the CLI, saying what it assumed', () => {
    const r = cli(REFERENCE_FILE);
    expect(r.status).toBe(0);
    expect(r.written).toBe(true);
    expect(r.stderr).toMatch(/2024-info-center\.txt p\.8  warning  表 6 301 类小计印为 212\.45/);
  });
});
