// Workbooks → recognised tables: one table a sheet, each table once, every statutory table present,
// one unit of amount throughout, codes of the right length.
import { hasErrors, type Finding } from '../findings.js';
import { loadTableLayouts, type TableLayouts } from '../tables/index.js';
import type { AmountUnit } from './amount.js';
import { recognize, type Recognized } from './recognize.js';
import type { Sheet } from './workbook/grid.js';
import { parseTable, type ParsedTable } from './rows.js';
import { readWorkbookFile } from './workbook/read.js';

export interface Tables {
  tables: Map<string, ParsedTable>;
  performance: ParsedTable[];
  findings: Finding[];
  /** The workbooks' own titles (their properties), for a year no table names. */
  titles: string[];
}

const CODE_LENGTHS: Record<string, number[]> = { t6: [3, 5], t11: [7] };

export function readTables(files: readonly string[], layouts: TableLayouts = loadTableLayouts()): Tables {
  const findings: Finding[] = [];
  const tables = new Map<string, ParsedTable>();
  const performance: ParsedTable[] = [];
  const titles: string[] = [];
  const at = (t: ParsedTable, ref = t.rec.titleRef) => ({ path: '', file: t.sheet.file, cell: { sheet: t.sheet.name, ref } });
  // First the titles and 单位 lines of every sheet: a table without a 单位 line is read in the unit the others use.
  const found: { sheet: Sheet; rec: Recognized }[] = [];
  for (const file of files) {
    const read = readWorkbookFile(file);
    findings.push(...read.findings);
    if (read.title) titles.push(read.title);
    for (const sheet of read.sheets) {
      const rec = recognize(sheet, layouts);
      if (rec) found.push({ sheet, rec });
      else if (sheet.rows.some((r) => r?.some((c) => c && c.text.trim())))
        findings.push({ code: 'IMPORT_SKIPPED', severity: 'note', path: '', file, cell: { sheet: sheet.name, ref: '' },
          message: `工作表“${sheet.name}”前几行中没有认得的表名，未读取。 No table title recognised in the sheet's first rows; sheet skipped.` });
    }
  }
  const stated = found.map((f) => f.rec.unit).filter((u): u is AmountUnit => !!u);
  const usual: AmountUnit = stated.filter((u) => u === '元').length > stated.length / 2 ? '元' : '万元';
  const noUnit = new Set<ParsedTable>();
  for (const { sheet, rec } of found) {
    const table = parseTable(sheet, { ...rec, unit: rec.unit ?? usual }, findings);
    if (!table) continue;
    if (!rec.unit) noUnit.add(table);
    if (table.layout.body.kind === 'performance') {
      performance.push(table);
      continue;
    }
    const before = tables.get(table.layout.id);
    if (before) {
      findings.push({ ...at(table), code: 'DUPLICATE_TABLE', severity: 'error',
        message: `“${table.layout.title}”出现两次（另见 ${before.sheet.file} [${before.sheet.name}]）：每张表只能有一份。 The same table appears twice.` });
      continue;
    }
    tables.set(table.layout.id, table);
  }
  if (hasErrors(findings.filter((f) => ['NOT_A_WORKBOOK', 'ENCRYPTED_WORKBOOK', 'FILE_TOO_LARGE', 'READ_ERROR'].includes(f.code)))) return { tables, performance, findings, titles };
  for (const layout of layouts.tables) {
    if (layout.body.kind === 'performance' || tables.has(layout.id)) continue;
    findings.push({ code: 'TABLE_MISSING', severity: 'error', path: '', file: files.join(', '), cell: { sheet: '', ref: '' },
      message: `工作簿中找不到表${layout.no ?? ''}“${layout.title}”（按前几行的表名查找）。 Table ${layout.no} (${layout.title}) is missing.` });
  }
  // One unit of amount throughout: a workbook mixing 元 and 万元 was put together by hand.
  const all = [...tables.values(), ...performance].filter((t) => t.rec.unit);
  const units = new Set(all.map((t) => t.unit));
  if (units.size > 1) {
    const minority = all.filter((t) => t.unit !== all[0]!.unit);
    for (const t of minority)
      findings.push({ ...at(t, t.rec.unitRef ?? t.rec.titleRef), code: 'MIXED_UNITS', severity: 'error',
        message: `本表金额单位为${t.unit}，而${all[0]!.sheet.name}等表为${all[0]!.unit}：同一工作簿的表应使用同一金额单位，请核对是否导出有误。 Tables in 元 and in 万元 in one workbook.` });
  }
  for (const t of noUnit)
    if (t.layout.body.kind !== 'performance')
      findings.push({ ...at(t), code: 'NO_UNIT_LINE', severity: 'warning', message: `表头上方找不到“单位：元/万元”，按其他各表的单位（${t.unit}）读取。 No 单位 line; amounts read in the other tables' unit (${t.unit}).` });
  for (const t of tables.values()) {
    const allowed = CODE_LENGTHS[t.layout.id] ?? [3, 5, 7];
    for (const row of t.rows)
      if (row.code && !allowed.includes(row.code.length))
        findings.push({ ...at(t, row.refs.code), code: 'BAD_CODE', severity: 'error',
          message: `编码 ${row.code} 有 ${row.code.length} 位，应为 ${allowed.join('、')} 位（类 3 位、款 2 位、项 2 位）。 A code of the wrong length.` });
  }
  return { tables, performance, findings, titles };
}
