// The tables against each other: the same money printed twice must be the same figure (1 with 2 and
// 3; 4 with 5, 8, 9; 5 with 6 and 7; table 10's 公务用车运行费 with table 6's 302 31).
import type { PublishedDoc, PublishedTable, Row, Where } from '../published/model.js';
import { tableInfo } from '../published/tables.js';
import { amountsOf } from '../published/figures.js';
import { cell, colName, matchFixedRows, rowName, sideAmount, totalRow } from './cells.js';
import type { Report } from './finding.js';

interface Value extends Where {
  cents: number | undefined;
  label: string;
  quote: string;
}

function at(table: PublishedTable | undefined, row: Row | undefined, key: string, label: string): Value | undefined {
  if (!table) return undefined;
  if (!row) return { page: table.page, line: table.line, cents: 0, label: `表 ${table.no} ${label}（空）`, quote: table.emptyStatement?.text ?? table.title };
  return { page: row.page, line: row.line, cents: cell(table, row, key), label: `表 ${table.no} ${rowName(table, row)}`, quote: row.quote };
}

/** Table 1's income rows and the table 2 columns that hold the same money. Table 1's 一般公共预算拨款
 * is 一般财力 plus 上级一般公共预算安排转移支付 (its 其中 rows); table 2 prints the two apart, as it does
 * for the fund and state-capital budgets. */
const T1_T2: [string, string[]][] = [
  ['general', ['general', 'general_transfer']],
  ['general_own', ['general']],
  ['general_transfer', ['general_transfer']],
  ['fund', ['fund', 'fund_transfer']],
  ['fund_own', ['fund']],
  ['fund_transfer', ['fund_transfer']],
  ['capital', ['capital', 'capital_transfer']],
  ['capital_own', ['capital']],
  ['capital_transfer', ['capital_transfer']],
  ['special', ['special']],
  ['unit', ['unit']],
  ['carry_fiscal', ['carry_fiscal']],
  ['carry_nonfiscal', ['carry_nonfiscal']],
];

export function crossTables(doc: PublishedDoc, report: Report): void {
  const money = amountsOf(doc);
  const t = (no: number) => doc.tables.find((x) => x.id === `t${no}` && !x.unordered);
  const same = (a: Value | undefined, b: Value | undefined, what: string) => {
    if (!a || !b || a.cents === undefined || b.cents === undefined || a.cents === b.cents) return;
    report({
      code: 'AUDIT_CROSS_TABLE',
      severity: 'error',
      page: b.page,
      line: b.line,
      quote: b.quote,
      message: `${what}：${b.label} 印为 ${money(b.cents)}，而 ${a.label}（第 ${a.page} 页）为 ${money(a.cents)}。 ${what}: ${money(b.cents)} here, ${money(a.cents)} in the other table.`,
    });
  };
  const byCode = (table: PublishedTable | undefined, code: string) => table?.rows.find((r) => r.code === code);
  const [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(t);

  // 1 with 2 and 3: totals and each class; 1's income sources with 2's columns.
  if (t1) {
    const spend = t1.rows.find((r) => !r.code && /支出总计/.test(r.name));
    for (const other of [t2, t3]) {
      same(at(t1, spend, 'total', '支出总计'), at(other, totalRow(other), 'total', '总计'), '单位收支总额');
      for (const r of t1.rows.filter((r) => r.code.length === 3 && r.cells.length))
        same(at(t1, r, 'total', r.name), at(other, byCode(other, r.code), 'total', r.name), `${r.code} ${r.name}`);
      for (const r of (other?.rows ?? []).filter((r) => r.code.length === 3 && !byCode(t1, r.code)?.cells.length))
        same(at(t1, byCode(t1, r.code), 'total', r.name), at(other, r, 'total', r.name), `${r.code} ${r.name}`);
    }
    // 2 with 3: every 类, 款 and 项 has one total.
    for (const r of (t2?.rows ?? []).filter((r) => r.code)) same(at(t3, byCode(t3, r.code), 'total', r.name), at(t2, r, 'total', r.name), `${rowName(t2!, r)}`);
    const left = matchFixedRows(t1.left ?? [], tableInfo(1).left!);
    const t2total = totalRow(t2);
    if (t2 && t2total)
      for (const [key, cols] of T1_T2) {
        const l = left.get(key);
        // A source broken down into its 其中 rows is compared part by part, so one wrong figure is one finding.
        if (cols.length > 1 && T1_T2.some(([k]) => k.startsWith(`${key}_`) && left.has(k))) continue;
        const parts = cols.map((c) => cell(t2, t2total, c));
        if (!l || parts.some((p) => p === undefined)) continue;
        const b = at(t2, t2total, cols[0]!, '总计')!;
        same({ page: l.page, line: l.line, cents: sideAmount(l), label: `表 1 ${l.label}`, quote: l.quote }, { ...b, cents: parts.reduce((a, p) => a! + p!, 0), label: `表 2 总计（${cols.map((c) => colName(t2, c)).join(' + ')}）` }, `收入来源 ${l.label}`);
      }
  }
  // 3 with 5 is not required (5 is the general budget only); 4 with 5, 8, 9.
  if (t4) {
    const spend = t4.rows.find((r) => !r.code && /支出总计/.test(r.name));
    same(at(t4, spend, 'general', '支出总计'), at(t5, totalRow(t5), 'total', '总计'), '一般公共预算支出合计');
    same(at(t4, spend, 'fund', '支出总计'), at(t8, totalRow(t8), 'total', '合计'), '政府性基金预算支出合计');
    same(at(t4, spend, 'capital', '支出总计'), at(t9, totalRow(t9), 'total', '合计'), '国有资本经营预算支出合计');
    for (const r of t4.rows.filter((r) => r.code.length === 3 && r.cells.length)) {
      same(at(t4, r, 'general', r.name), at(t5, byCode(t5, r.code), 'total', r.name), `${r.code} ${r.name}（一般公共预算）`);
      if (t8 && cell(t4, r, 'fund')) same(at(t4, r, 'fund', r.name), at(t8, byCode(t8, r.code), 'total', r.name), `${r.code} ${r.name}（政府性基金）`);
      if (t9 && cell(t4, r, 'capital')) same(at(t4, r, 'capital', r.name), at(t9, byCode(t9, r.code), 'total', r.name), `${r.code} ${r.name}（国有资本经营）`);
    }
    const left = matchFixedRows(t4.left ?? [], tableInfo(4).left!);
    const general = left.get('general');
    if (general && t5) same({ page: general.page, line: general.line, cents: sideAmount(general), label: `表 4 ${general.label}`, quote: general.quote }, at(t5, totalRow(t5), 'total', '总计'), '一般公共预算拨款');
  }
  // 5 with 6 (basic) and 7 (project, per 项).
  if (t5) {
    same(at(t5, totalRow(t5), 'basic', '总计'), at(t6, totalRow(t6), 'total', '总计'), '一般公共预算基本支出');
    same(at(t5, totalRow(t5), 'project', '总计'), at(t7, totalRow(t7), 'total', '总计'), '一般公共预算项目支出');
    for (const r of t5.rows.filter((r) => r.code.length === 7)) {
      const projects = (t7?.rows ?? []).filter((p) => p.code === r.code);
      const p = cell(t5, r, 'project');
      if (!t7 || p === undefined) continue;
      const sum = projects.reduce((a, x) => a + (cell(t7, x, 'total') ?? 0), 0);
      const first = projects[0];
      if (sum !== p)
        same(at(t5, r, 'project', r.name), first ? { ...at(t7, first, 'total', r.name)!, cents: sum } : at(t7, undefined, 'total', r.name), `${rowName(t5, r)} 的项目支出`);
    }
  }
  // 10's vehicle running cost with 6's 302 31 (公务用车运行维护费).
  if (t10 && t6) {
    const running = t10.rows.find((r) => /公务用车运行(维护)?费$/.test(r.name.replace(/^其中[：:]/, '')));
    const e30231 = byCode(t6, '30231');
    if (running && e30231) same(at(t6, e30231, 'total', '公务用车运行维护费'), at(t10, running, 'total', running.name), '公务用车运行费');
  }
}
