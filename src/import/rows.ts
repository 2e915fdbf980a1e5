// The body of a recognised table → rows of codes, names and exact amounts, each remembering its cell,
// so that every later finding can say `file.xlsx [sheet] D12`. Hidden rows are skipped (said once).
import type { Decimal } from 'decimal.js';
import type { Finding } from '../findings.js';
import type { TableLayout } from '../tables/index.js';
import { unitLine } from '../profile/index.js';
import { parseAmount, type AmountUnit } from './amount.js';
import { codeOf, splitName } from './code.js';
import { findHeader, normalizeLabel } from './header.js';
import type { Recognized } from './recognize.js';
import { cellRef, cellText, shownText, type Sheet } from './workbook/grid.js';

export interface Row {
  r: number;
  /** Code as written (digits only), when the row has one. */
  code?: string;
  name: string;
  /** 总计/合计 (the table's total), 小计, a fixed row's key (tables 1, 4, 10), or a code row. */
  kind: 'total' | 'subtotal' | 'fixed' | 'line';
  /** For a fixed row: the layout row's key; for a two-sided table, the right half is another Row. */
  key?: string;
  values: Record<string, Decimal>;
  texts: Record<string, string>;
  /** Sheet column of each value, for positions. */
  refs: Record<string, string>;
}

export interface ParsedTable {
  layout: TableLayout;
  sheet: Sheet;
  rec: Recognized;
  unit: AmountUnit;
  rows: Row[];
  /** Right half of a two-sided table (tables 1, 4): class rows and the expenditure total. */
  right: Row[];
  /** Performance table: the project fields by key, and the indicator rows. */
  fields: Record<string, { text: string; ref: string }>;
}

const TOTAL = /^(总计|合计|收入总计|支出总计|收支总计)$/;

function finding(sheet: Sheet, r: number, c: number, code: string, severity: Finding['severity'], message: string): Finding {
  return { code, severity, message, path: '', file: sheet.file, cell: { sheet: sheet.name, ref: c < 0 ? '' : cellRef(r, c) } };
}

/** A fixed row's label as compared: numbering (一、 1、 4. （一）) and 其中： removed. */
function fixedLabel(text: string): string {
  return normalizeLabel(text).replace(/^([一二三四五六七八九十]+、|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）])/, '').replace(/^其中[:：]/, '');
}

export function parseTable(sheet: Sheet, rec: Recognized, findings: Finding[]): ParsedTable | undefined {
  const layout = rec.layout;
  const unit = rec.unit ?? '万元';
  const table: ParsedTable = { layout, sheet, rec, unit, rows: [], right: [], fields: {} };
  if (layout.body.kind === 'performance') return parsePerformance(table, findings);
  const header = findHeader(sheet, layout, rec.titleRow);
  if (!header) {
    findings.push(finding(sheet, rec.titleRow, -1, 'TABLE_MISSING', 'error', `找不到“${layout.title}”的表头。 No header found under the title.`));
    return undefined;
  }
  const { columns, codeColumn, leaves, merges } = header;
  const missing = leaves.filter((l) => l.kind === 'amount' && !columns.has(l.key));
  if (missing.length)
    findings.push(finding(sheet, header.start, -1, 'IMPORT_SKIPPED', 'warning',
      `表头中找不到这些列，按空（零）读取：${missing.map((l) => l.labels.join('/')).join('、')}。 Columns not found in the header, read as zero.`));
  let hidden = 0;
  const amountKeys = leaves.filter((l) => l.kind === 'amount').map((l) => l.key);
  const leftAmounts = layout.body.kind === 'two-sided' ? amountKeys.slice(0, 1) : amountKeys;
  const rightAmounts = layout.body.kind === 'two-sided' ? amountKeys.slice(1) : [];
  const read = (r: number, keys: string[], row: Row) => {
    for (const key of keys) {
      const c = columns.get(key);
      if (c === undefined) continue;
      const v = parseAmount(sheet.rows[r]?.[c], unit);
      row.refs[key] = cellRef(r, c);
      if ('error' in v) {
        findings.push(finding(sheet, r, c, 'NOT_A_NUMBER', 'error', `金额单元格中是文字“${v.error}”，不是数字。 Text in a figure cell.`));
        continue;
      }
      if (v.isNegative()) findings.push(finding(sheet, r, c, 'NEGATIVE_AMOUNT', 'error', `金额为负数 ${v.toFixed()}。 Negative amount.`));
      row.values[key] = v;
    }
  };
  let fixedAt = 0;
  // Some exports write only a row's own part of the code (款 row: 05; 项 row: 02): the rest is the rows' above.
  const above: string[] = [];
  const inherit = (parts: string[]) => {
    if (!/^\d+$/.test(parts.join(''))) return parts.join('');
    const first = parts.findIndex((p) => p !== '');
    parts.forEach((p, i) => (above[i] = i < first ? above[i] ?? '' : p));
    return (first > 0 ? above.slice(0, first).join('') : '') + parts.slice(first).join('');
  };
  for (let r = header.bodyStart; r < sheet.rows.length; r++) {
    const text = (c: number | undefined) => (c === undefined ? '' : cellText(sheet, r, c));
    const all = (sheet.rows[r] ?? []).map((cell) => cell?.text.trim() ?? '').filter((t) => t !== '');
    if (all.length === 0) continue;
    if (sheet.hiddenRows.has(r)) {
      hidden++;
      continue;
    }
    if (/^(注|说明|备注)[:：]/.test(all[0]!) || /空表。?$/.test(all.join(''))) continue;
    const row: Row = { r, name: '', kind: 'line', values: {}, texts: {}, refs: {} };
    if (layout.body.kind === 'two-sided') {
      const label = text(columns.get('income_item'));
      const right: Row = { r, name: '', kind: 'line', values: {}, texts: {}, refs: {} };
      const classText = text(columns.get('class'));
      const leftTotal = TOTAL.test(label.replace(/\s+/g, ''));
      if (label) {
        if (leftTotal) row.kind = 'total';
        else {
          const rows = layout.body.rows;
          const at = rows.findIndex((f, i) => i >= fixedAt && fixedLabel(f.label) === fixedLabel(label));
          if (at < 0) findings.push(finding(sheet, r, columns.get('income_item')!, 'IMPORT_SKIPPED', 'warning', `不认识的收入项目“${label}”，未读取。 Unknown income row skipped.`));
          else {
            fixedAt = at + 1;
            row.kind = 'fixed';
            row.key = rows[at]!.key;
          }
        }
        row.name = label;
        if (row.kind !== 'line') {
          read(r, leftAmounts, row);
          table.rows.push(row);
        }
      }
      if (classText || (leftTotal && rightAmounts.some((k) => text(columns.get(k)) !== ''))) {
        const split = splitName(classText);
        right.name = split.name;
        right.code = split.code;
        right.kind = TOTAL.test(classText.replace(/\s+/g, '')) || (!classText && leftTotal) ? 'total' : 'line';
        read(r, rightAmounts, right);
        if (right.code || right.kind === 'total') table.right.push(right);
      }
      continue;
    }
    // Code: three 类/款/项 cells, one code cell, or inside the name.
    const codeKeys = leaves.filter((l) => l.kind === 'code').map((l) => l.key);
    const nameKey = leaves.find((l) => l.kind === 'name')?.key;
    let code = codeKeys.every((k) => columns.has(k))
      ? inherit(codeKeys.map((k) => text(columns.get(k)!).replace(/\s+/g, '')))
      : codeColumn !== undefined ? (codeOf(text(codeColumn)) ?? '') : '';
    let name = nameKey ? text(columns.get(nameKey)) : '';
    // A label (总计) merged across the code columns and the name.
    if (!name && codeKeys.length && columns.has(codeKeys[0]!) && !/^\d/.test(code)) {
      name = shownText(sheet, r, columns.get(codeKeys[0]!)!, merges);
      code = '';
    }
    const label = (code ? '' : name || all[0]!).replace(/\s+/g, '');
    if (!code) {
      const split = splitName(name);
      if (split.code) ({ code, name } = { code: split.code, name: split.name });
    }
    if (code && /\D/.test(code)) {
      const c = columns.get(codeKeys[0] ?? '') ?? codeColumn ?? 0;
      if (TOTAL.test(code)) code = '';
      else {
        findings.push(finding(sheet, r, c, 'BAD_CODE', 'error', `编码“${code}”不是数字。 The code is not a number.`));
        continue;
      }
    }
    row.code = code || undefined;
    row.name = name;
    if (layout.body.kind === 'items') {
      const l = fixedLabel(name || label);
      const fixed = layout.body.rows.find((f) => fixedLabel(f.label) === l);
      if (TOTAL.test(l)) row.kind = 'total';
      else if (fixed) Object.assign(row, { kind: 'fixed', key: fixed.key });
      else {
        findings.push(finding(sheet, r, 0, 'IMPORT_SKIPPED', 'warning', `不认识的行“${name || label}”，未读取。 Unknown row skipped.`));
        continue;
      }
    } else if (!code) {
      const l = (name || label).replace(/\s+/g, '');
      if (TOTAL.test(l)) row.kind = 'total';
      else if (/小计$/.test(l)) row.kind = 'subtotal';
      else {
        findings.push(finding(sheet, r, 0, 'IMPORT_SKIPPED', 'note', `行“${name || label}”没有编码，未读取。 A row without a code was skipped.`));
        continue;
      }
    }
    for (const l of leaves.filter((l) => l.kind === 'text')) {
      const c = columns.get(l.key);
      if (c !== undefined) {
        row.texts[l.key] = text(c);
        row.refs[l.key] = cellRef(r, c);
      }
    }
    const codeCol = codeKeys.length && columns.has(codeKeys[0]!) ? columns.get(codeKeys[0]!)! : codeColumn ?? columns.get(nameKey ?? '') ?? 0;
    row.refs.code = cellRef(r, codeCol);
    read(r, amountKeys, row);
    table.rows.push(row);
  }
  if (hidden)
    findings.push(finding(sheet, header.bodyStart, -1, 'IMPORT_SKIPPED', 'note', `跳过了 ${hidden} 个隐藏行。 ${hidden} hidden rows skipped.`));
  return table;
}

/** The performance table: project fields (label cell, value to its right) and the indicator rows under 一级指标. */
function parsePerformance(table: ParsedTable, findings: Finding[]): ParsedTable {
  const { sheet, layout } = table;
  const labels = Object.entries(layout.body.fields).map(([key, label]) => [key, normalizeLabel(unitLine(label, table.unit))] as const);
  // The indicator header is the layout's last header row (一级指标 … 佐证资料), one label a column.
  const indicatorLabels = (layout.header[layout.header.length - 1] ?? []).map((h) => normalizeLabel(h.label));
  let indicatorRow = -1;
  for (let r = table.rec.titleRow + 1; r < sheet.rows.length && indicatorRow < 0; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = normalizeLabel(row[c]?.text ?? '');
      if (!t) continue;
      if (t === indicatorLabels[0]) {
        indicatorRow = r;
        break;
      }
      const field = labels.find(([, l]) => l === t);
      if (!field || table.fields[field[0]]) continue;
      // The value: the next non-empty cell to the right that is not itself a label.
      for (let k = c + 1; k < row.length; k++) {
        const v = row[k]?.text.trim() ?? '';
        if (!v) continue;
        if (labels.some(([, l]) => l === normalizeLabel(v))) break;
        table.fields[field[0]] = { text: v, ref: cellRef(r, k) };
        break;
      }
    }
  }
  if (indicatorRow < 0) {
    findings.push(finding(sheet, table.rec.titleRow, -1, 'TABLE_MISSING', 'error', '绩效目标表中找不到“一级指标”表头。 No indicator header in the performance table.'));
    return table;
  }
  const header = (sheet.rows[indicatorRow] ?? []).map((c) => normalizeLabel(c?.text ?? ''));
  const cols = layout.columns.map((col, i) => ({ key: col.key, c: header.indexOf(indicatorLabels[i] ?? '') }));
  for (let r = indicatorRow + 1; r < sheet.rows.length; r++) {
    if (sheet.hiddenRows.has(r)) continue;
    const row: Row = { r, name: '', kind: 'line', values: {}, texts: {}, refs: {} };
    for (const { key, c } of cols) {
      if (c < 0) continue;
      row.texts[key] = mergedText(sheet, r, c);
      row.refs[key] = cellRef(r, c);
    }
    if (!row.texts.name) continue;
    table.rows.push(row);
  }
  return table;
}

/** Text of a cell, or of the merged region covering it (一级/二级指标 span their rows). */
function mergedText(sheet: Sheet, r: number, c: number): string {
  const m = sheet.merges.find((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c);
  return m ? cellText(sheet, m.s.r, m.s.c) : cellText(sheet, r, c);
}
