// Bad workbooks through the command line: each is a positioned finding (`file [sheet] cell`), exit 1,
// no stack trace, nothing written. Also: every import-stage finding code is produced here.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, readFileSync, mkdtempSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/check/codes.js';
import { REFERENCE_DATA } from '../helpers/reference.js';
import { budgetSystemWorkbook, writeWorkbook } from './budget-system-workbook.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'yusuan-bad-'));

function cli(files: string[]) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.yaml`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'yusuan.js'), 'import', ...files, '--out', out], { encoding: 'utf8' });
  return { ...r, written: existsSync(out) };
}

/** The reference workbook with one sheet's cell changed. */
function edited(name: string, sheet: string, ref: string, value: string | number): string {
  const wb = budgetSystemWorkbook(REFERENCE_DATA);
  XLSX.utils.sheet_add_aoa(wb.Sheets[sheet]!, [[value]], { origin: ref });
  const file = join(dir, name);
  writeWorkbook(wb, file);
  return file;
}

function made(name: string, build: (file: string) => void): string {
  const file = join(dir, name);
  build(file);
  return file;
}

const CASES: [string, () => string[], string, RegExp][] = [
  ['not a workbook', () => [made('notes.xlsx', (f) => writeFileSync(f, 'just some text\n'))], 'NOT_A_WORKBOOK', /notes\.xlsx  error/],
  ['an encrypted workbook', () => [made('locked.xlsx', (f) => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
    writeFileSync(f, XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
  })], 'ENCRYPTED_WORKBOOK', /locked\.xlsx  error/],
  ['a table missing', () => [made('no-t3.xlsx', (f) => writeWorkbook(budgetSystemWorkbook(REFERENCE_DATA, { omit: [3] }), f))], 'TABLE_MISSING', /单位支出总体情况表/],
  ['the same table twice', () => [made('all.xlsx', (f) => writeWorkbook(budgetSystemWorkbook(REFERENCE_DATA), f)), made('t3-again.xlsx', (f) => writeWorkbook(budgetSystemWorkbook(REFERENCE_DATA, { omit: [1, 2, 4, 5, 6, 7, 8, 9, 10, 11] }), f))], 'DUPLICATE_TABLE', /t3-again\.xlsx \[支出总表\] A2/],
  ['text in a figure cell', () => [edited('text.xlsx', '支出总表', 'D9', '四十四万')], 'NOT_A_NUMBER', /text\.xlsx \[支出总表\] D9/],
  ['a total that does not add up', () => [edited('total.xlsx', '支出总表', 'C6', '3,400,000.00')], 'TOTAL_MISMATCH', /total\.xlsx \[支出总表\] C6/],
  ['a code of the wrong length', () => [edited('code.xlsx', '收入总表', 'A9', '20805021')], 'BAD_CODE', /code\.xlsx \[收入总表\] A9/],
  ['tables in 元 and in 万元', () => [edited('units.xlsx', '支出总表', 'D3', '单位：万元')], 'MIXED_UNITS', /units\.xlsx \[支出总表\] D3/],
  ['a 100 MB file', () => [made('huge.xlsx', (f) => {
    const fd = openSync(f, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
  })], 'FILE_TOO_LARGE', /huge\.xlsx  error/],
];

const seen = new Set<string>();

describe.each(CASES)('%s', (_, files, code, where) => {
  it(`exit 1, ${code} at its place, no stack trace, nothing written`, () => {
    const r = cli(files());
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`[${code}]`);
    const line = r.stderr.split('\n').find((l) => l.includes(`[${code}]`))!;
    expect(line).toMatch(where);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.written).toBe(false);
    for (const m of r.stderr.matchAll(/\[([A-Z_]+)\]$/gm)) seen.add(m[1]!);
  });
});

it('notes and warnings: hidden sheet skipped, no 单位 line, an assumed split', () => {
  // 养老保险缴费 also paid from two kinds of 单位资金: 表 2 gives only their sum by line.
  const data = join(dir, 'two-unit-sources.yaml');
  writeFileSync(data, readFileSync(REFERENCE_DATA, 'utf8').replace('basic: { general: 23.79 }', 'basic: { general: 23.79, business: 1, other: 2 }'));
  const wb = budgetSystemWorkbook(data);
  XLSX.utils.sheet_add_aoa(wb.Sheets['三公']!, [['']], { origin: 'D3' });
  const file = join(dir, 'warnings.xlsx');
  writeWorkbook(wb, file);
  const r = cli([file]);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/\[辅助计算\]  note .*\[IMPORT_SKIPPED\]/);
  expect(r.stderr).toMatch(/\[三公\] A2  warning .*\[NO_UNIT_LINE\]/);
  expect(r.stderr).toMatch(/\[收入总表\] A\d+  warning  2080505 .*单位资金.*\[IMPORT_ASSUMPTION\]/);
  for (const m of r.stderr.matchAll(/\[([A-Z_]+)\]$/gm)) seen.add(m[1]!);
});

it('every import-stage finding code is produced by a bad workbook here', () => {
  const codes = Object.entries(FINDING_CODES).filter(([, i]) => i.stage === 'import').map(([c]) => c);
  expect(codes.filter((c) => !seen.has(c))).toEqual([]);
});

it('a performance table whose budget is not its project\'s amount in 表7', () => {
  const wb = budgetSystemWorkbook(REFERENCE_DATA);
  XLSX.utils.sheet_add_aoa(wb.Sheets['绩效1']!, [[60]], { origin: 'C5' });
  const file = join(dir, 'perf.xlsx');
  writeWorkbook(wb, file);
  const r = cli([file]);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/perf\.xlsx \[绩效1\] C5  error  绩效目标表的年度预算总额 60 不等于表 7 中该项目的金额 65.*\[TABLES_DISAGREE\]/);
  expect(r.written).toBe(false);
});
