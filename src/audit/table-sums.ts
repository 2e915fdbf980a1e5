// Each table against itself: column sums within a row (合计 = 基本支出 + 项目支出 …), the code
// hierarchy per column (类 = Σ 款, 款 = Σ 项, 总计 = Σ 类), and the fixed rows of tables 1, 4 and 10.
import type { PublishedTable, Row } from '../published/model.js';
import { tableInfo, THREE_PUBLIC_ROWS } from '../published/tables.js';
import { cell, colName, matchFixedRows, rowName, sideAmount, totalRow } from './cells.js';
import type { Report } from './finding.js';
import { sumVerdict } from './rounding.js';

export interface SumIssue {
  table: PublishedTable;
  at: { page: number; line: number };
  quote: string;
  what: string;
  whole: number;
  parts: { label: string; cents: number }[];
  col: string;
}

/**
 * Issues found in one table; the caller merges the same issue across columns into one finding.
 * `money`: amounts as the document prints them (published/figures.ts amountsOf).
 */
export function tableSums(table: PublishedTable, report: Report, money: (c: number) => string): void {
  const issues: SumIssue[] = [];
  const add = (row: Row | { page: number; line: number; quote: string }, what: string, whole: number, parts: { label: string; cents: number }[], col: string) => {
    const v = sumVerdict(whole, parts.map((p) => p.cents));
    if (!v.ok) issues.push({ table, at: row, quote: row.quote, what, whole, parts, col });
  };
  const info = tableInfo(table.id);
  // Row sums.
  for (const row of table.rows) {
    for (const [whole, parts] of info.sums) {
      const w = cell(table, row, whole);
      const ps = parts.map((k) => ({ label: colName(table, k), cents: cell(table, row, k) }));
      if (w !== undefined && ps.every((p) => p.cents !== undefined)) add(row, `${colName(table, whole)} = ${ps.map((p) => p.label).join(' + ')}`, w, ps as { label: string; cents: number }[], whole);
      else if (w !== undefined && info.sums.length === 1 && whole === 'total' && row.cells.length > 1) {
        // Figures in unknown columns: the row's total against all its other figures.
        const others = row.cells.slice(1).map((c) => ({ label: c.fig.text, cents: c.fig.cents }));
        add(row, '合计 = 各列之和', w, others, whole);
      }
    }
  }
  // Code hierarchy, per column.
  const coded = table.rows.filter((r) => r.code);
  const total = totalRow(table);
  for (const key of info.cols) {
    for (const parent of coded) {
      const len = parent.code.length === 3 ? 5 : parent.code.length === 5 ? 7 : 0;
      if (!len) continue;
      const kids = coded.filter((r) => r.code.length === len && r.code.startsWith(parent.code));
      if (!kids.length) continue;
      const w = cell(table, parent, key);
      const ps = kids.map((k) => ({ label: rowName(table, k), cents: cell(table, k, key) }));
      if (w === undefined || ps.some((p) => p.cents === undefined)) continue;
      add(parent, `${rowName(table, parent)} = Σ 下级科目`, w, ps as { label: string; cents: number }[], key);
    }
    const classes = coded.filter((r) => r.code.length === 3);
    if (total && classes.length && table.id !== 't1' && table.id !== 't4') {
      const w = cell(table, total, key);
      const ps = classes.map((k) => ({ label: rowName(table, k), cents: cell(table, k, key) }));
      if (w !== undefined && ps.every((p) => p.cents !== undefined)) add(total, `${total.name} = Σ 类`, w, ps as { label: string; cents: number }[], key);
    }
  }
  // Tables 1 and 4: the expenditure side's total is the sum of its classes, and equals the income total.
  if (info.left && table.left) {
    const rows = matchFixedRows(table.left, info.left);
    for (const spec of info.left) {
      const kids = info.left.filter((s) => s.parent === spec.key);
      const r = rows.get(spec.key);
      if (!r || !kids.length || !kids.some((k) => rows.has(k.key))) continue;
      add(r, `${r.label} = Σ 其中各项`, sideAmount(r), kids.map((k) => ({ label: rows.get(k.key)?.label ?? k.key, cents: sideAmount(rows.get(k.key)) })), 'total');
    }
    const grand = rows.get('grand');
    const tops = info.left.filter((s) => !s.parent && s.key !== 'grand' && rows.has(s.key));
    if (grand && tops.length) add(grand, '收入总计 = Σ 收入', sideAmount(grand), tops.map((k) => ({ label: rows.get(k.key)!.label, cents: sideAmount(rows.get(k.key)) })), 'total');
    const spend = table.rows.find((r) => !r.code && /支出总计/.test(r.name));
    const classes = table.rows.filter((r) => r.code.length === 3);
    if (spend) {
      for (const key of info.cols) {
        const w = cell(table, spend, key);
        const ps = classes.map((c) => ({ label: rowName(table, c), cents: cell(table, c, key) }));
        if (w !== undefined && ps.every((p) => p.cents !== undefined)) add(spend, '支出总计 = Σ 类', w, ps as { label: string; cents: number }[], key);
      }
      if (grand) add(spend, '支出总计 = 收入总计', spend.cells[0]?.fig.cents ?? 0, [{ label: grand.label, cents: sideAmount(grand) }], 'total');
    }
  }
  // Table 10's fixed rows (or another set's table of fixed rows, as its layout has them).
  const fixed = table.id === 't10' ? THREE_PUBLIC_ROWS : table.items;
  if (fixed) {
    const rows = matchFixedRows(table.rows, fixed);
    for (const spec of fixed) {
      const kids = fixed.filter((s) => s.parent === spec.key);
      const r = rows.get(spec.key);
      if (!r || !kids.length) continue;
      for (const key of info.cols) {
        const w = cell(table, r, key);
        const ps = kids.map((k) => ({ label: rows.get(k.key)?.name ?? k.key, cents: rows.get(k.key) ? cell(table, rows.get(k.key)!, key) : 0 }));
        if (w !== undefined && ps.every((p) => p.cents !== undefined)) add(r, `${r.name} = Σ 其中各项`, w, ps as { label: string; cents: number }[], key);
      }
    }
  }
  // One finding per row and relation, naming every column where it fails.
  const merged = new Map<string, SumIssue[]>();
  for (const i of issues) {
    const k = `${i.at.page}:${i.at.line}:${i.what}:${i.whole - i.parts.reduce((a, p) => a + p.cents, 0)}`;
    merged.set(k, [...(merged.get(k) ?? []), i]);
  }
  for (const group of merged.values()) {
    const i = group[0]!;
    const sum = i.parts.reduce((a, p) => a + p.cents, 0);
    const rounding = !sumVerdict(i.whole, i.parts.map((p) => p.cents)).ok && (sumVerdict(i.whole, i.parts.map((p) => p.cents)) as { rounding: boolean }).rounding;
    const cols = group.map((g) => colName(table, g.col)).join('、');
    const detail = i.parts.length <= 12 ? `${i.parts.map((p) => money(p.cents)).join(' + ')} = ${money(sum)}` : `Σ = ${money(sum)}`;
    report({
      code: rounding ? 'AUDIT_ROUNDING' : 'AUDIT_SUM',
      severity: rounding ? 'note' : 'error',
      page: i.at.page,
      line: i.at.line,
      quote: i.quote,
      message: rounding
        ? `表 ${table.no}（${cols}列）：${i.what} 印为 ${money(i.whole)}，各项印出数之和为 ${detail}，相差 ${money(Math.abs(i.whole - sum))}，为各格逐一四舍五入所致。 Table ${table.no} (${cols}): printed ${money(i.whole)}, its printed parts add up to ${money(sum)}; rounding of the printed cells explains the difference.`
        : `表 ${table.no}（${cols}列）：${i.what} 不成立：印为 ${money(i.whole)}，应为 ${detail}。 Table ${table.no} (${cols}): printed ${money(i.whole)}, expected ${money(sum)} (the sum of its printed parts).`,
    });
  }
}
