// The workbook checked against itself before anything is written: every 总计/合计/subtotal row
// against its items, every 合计 column against its parts, and tables against each other (表 1 vs
// 2 and 3; 4 vs 5, 8, 9; 5 vs 6 and 7). In 元 with two decimals a difference is exact; in 万元 each
// cell is rounded on its own, so a difference of a few cents is a rounding note, not an error.
import { Decimal } from 'decimal.js';
import type { Finding } from '../findings.js';
import { rowParents } from '../tables/index.js';
import type { ParsedTable, Row } from './rows.js';

const ZERO = new Decimal(0);
const HALF_CENT = new Decimal('0.005');

/** Column sums each table's 合计 columns state (keys of src/tables' leaf columns). */
const COLUMN_SUMS: Record<string, [string, string[]][]> = {
  t2: [
    ['total', ['fiscal', 'special_account', 'unit', 'carryover_fiscal', 'carryover_nonfiscal']],
    ['fiscal', ['general', 'general_transfer', 'fund', 'fund_transfer', 'state_capital', 'state_capital_transfer']],
  ],
  t3: [['total', ['basic', 'project']]],
  t5: [['total', ['basic', 'project']]],
  t6: [['total', ['personnel', 'public']]],
  t7: [['total', ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']]],
  t8: [['total', ['personnel', 'public', 'project']]],
  t9: [['total', ['personnel', 'public', 'project']]],
  t10: [['total', ['general_budget', 'fund_budget', 'state_capital_budget']]],
  t10mt: [['total', ['general_budget', 'fund_budget', 'state_capital_budget']]],
  t11: [
    ['total', ['fiscal', 'nonfiscal']],
    ['fiscal', ['fiscal_personnel', 'fiscal_public', 'fiscal_project']],
    ['nonfiscal', ['nonfiscal_personnel', 'nonfiscal_public', 'nonfiscal_project']],
  ],
  t4: [['total', ['general_budget', 'fund_budget', 'state_capital_budget']]],
};

/** Rows a 表 1 income row adds up. */
const T1_SUMS: [string, string[]][] = [
  ['current', ['general_budget', 'fund_budget', 'state_capital_budget', 'special_account', 'unit']],
  ['general_budget', ['general', 'general_transfer']],
  ['fund_budget', ['fund', 'fund_transfer']],
  ['state_capital_budget', ['state_capital', 'state_capital_transfer']],
  ['unit', ['business', 'superior_subsidy', 'affiliated', 'operating', 'other']],
  ['carryover', ['carryover_fiscal', 'carryover_nonfiscal']],
  ['carryover_fiscal', ['carryover_general', 'carryover_fund', 'carryover_state_capital']],
  ['carryover_nonfiscal', ['carryover_special_account', 'carryover_unit']],
];

interface Cell {
  t: ParsedTable;
  row: Row;
  key: string;
}

const val = (c: Cell) => c.row.values[c.key] ?? ZERO;
const where = (c: Cell) => `表${c.t.layout.no ?? ''} ${c.row.code ?? c.row.name} ${c.t.layout.columns.find((l) => l.key === c.key) ? c.key : ''}`.trim();

export class CrossCheck {
  readonly findings: Finding[] = [];

  /** `total` should equal the sum of `parts` (or the one part): a finding when it does not. */
  sum(total: Cell | undefined, parts: Cell[], what: string): void {
    if (!total) return;
    const expected = parts.reduce((s, p) => s.plus(val(p)), ZERO);
    const diff = val(total).minus(expected).abs();
    if (diff.isZero()) return;
    const rounded = [total, ...parts].some((c) => c.t.unit === '万元');
    const slack = rounded ? HALF_CENT.times(parts.length + 1) : ZERO;
    const ref = total.row.refs[total.key] ?? total.row.refs.code ?? '';
    const base = { path: '', file: total.t.sheet.file, cell: { sheet: total.t.sheet.name, ref } };
    if (diff.lessThanOrEqualTo(slack))
      this.findings.push({ ...base, code: 'ROUNDING_NOTE', severity: 'note',
        message: `${what}：${where(total)} 为 ${val(total).toFixed(2)}，各项之和为 ${expected.toFixed(2)}，相差 ${diff.toFixed()}，是各格分别四舍五入所致，无需修改。 The shown total differs from the sum of the shown cells by per-cell rounding.` });
    else
      this.findings.push({ ...base, code: parts.length === 1 && parts[0]!.t !== total.t ? 'TABLES_DISAGREE' : 'TOTAL_MISMATCH', severity: 'error',
        message: `${what}：${where(total)} 为 ${val(total).toFixed()}，${parts.length === 1 ? `${where(parts[0]!)} 为` : '各项之和为'} ${expected.toFixed()}，相差 ${diff.toFixed()}。 The figures do not add up.` });
  }
}

/** A table's rows checked by code hierarchy (总计 = Σ 类, 类 = Σ 款, 款 = Σ 项) and its 合计 columns. */
export function checkTable(t: ParsedTable, cc: CrossCheck): void {
  const amountKeys = t.layout.columns.filter((c) => c.kind === 'amount').map((c) => c.key);
  const rows = t.rows;
  for (const row of rows)
    for (const [whole, parts] of COLUMN_SUMS[t.layout.id] ?? [])
      if (row.values[whole] !== undefined && (t.layout.id !== 't4'))
        cc.sum({ t, row, key: whole }, parts.filter((k) => row.values[k] !== undefined).map((key) => ({ t, row, key })), '合计列与各列之和不符');
  if (t.layout.id === 't4')
    for (const row of t.right) cc.sum({ t, row, key: 'total' }, ['general_budget', 'fund_budget', 'state_capital_budget'].map((key) => ({ t, row, key })), '合计列与各列之和不符');
  if (t.layout.body.kind === 'two-sided') {
    if (t.layout.id === 't1')
      for (const [whole, parts] of T1_SUMS) {
        const w = rows.find((r) => r.key === whole);
        if (w) cc.sum({ t, row: w, key: 'income' }, parts.map((p) => rows.find((r) => r.key === p)).filter((r): r is Row => !!r).map((row) => ({ t, row, key: 'income' })), '收入项目与其明细之和不符');
      }
    const key = t.layout.id === 't1' ? 'expenditure' : 'total';
    const total = t.right.find((r) => r.kind === 'total');
    if (total) {
      cc.sum({ t, row: total, key }, t.right.filter((r) => r.kind === 'line').map((row) => ({ t, row, key })), '支出总计与各类之和不符');
      const income = rows.find((r) => r.kind === 'total');
      if (income) cc.sum({ t, row: income, key: 'income' }, [{ t, row: total, key }], '收入总计不等于支出总计');
    }
    return;
  }
  if (t.layout.body.kind === 'items') {
    // The layout's levels say what adds up: a row is the sum of the rows one level deeper that follow
    // it (表 10: 公务用车购置及运行费 of its two 其中), the total of the top level's rows.
    const fixed = t.layout.body.rows;
    const parents = rowParents(fixed);
    const by = (k: string) => rows.find((r) => r.key === k);
    // A row's parts: the rows whose parent it is (-1: the top level, which the total sums).
    const partsOf = (i: number) => fixed.filter((_, j) => parents[j] === i).map((f) => by(f.key)).filter((r): r is Row => !!r);
    for (const key of amountKeys) {
      const cells = (parts: Row[]) => parts.map((row) => ({ t, row, key }));
      fixed.forEach((f, i) => {
        const row = by(f.key);
        const parts = partsOf(i);
        if (row && parts.length) cc.sum({ t, row, key }, cells(parts), '小计与其明细之和不符');
      });
      const total = rows.find((r) => r.kind === 'total');
      if (total) cc.sum({ t, row: total, key }, cells(partsOf(-1)), '合计与各项之和不符');
    }
    return;
  }
  const coded = rows.filter((r) => r.kind === 'line' && r.code);
  const total = rows.find((r) => r.kind === 'total');
  const top = Math.min(...coded.map((r) => r.code!.length));
  for (const key of amountKeys) {
    if (total) cc.sum({ t, row: total, key }, coded.filter((r) => r.code!.length === top).map((row) => ({ t, row, key })), '总计与各行之和不符');
    for (const row of coded) {
      const next = row.code!.length + 2;
      const kids = coded.filter((r) => r.code!.length === next && r.code!.startsWith(row.code!));
      if (kids.length) cc.sum({ t, row, key }, kids.map((r) => ({ t, row: r, key })), '小计行与其明细之和不符');
    }
  }
}

/** Corresponding figures of two tables, row by row (by code) or as totals. */
export function checkAcross(tables: Map<string, ParsedTable>, cc: CrossCheck): void {
  const g = (id: string) => tables.get(id);
  const totalRow = (t: ParsedTable | undefined) => t?.rows.find((r) => r.kind === 'total');
  const coded = (t: ParsedTable | undefined) => (t?.rows ?? []).filter((r) => r.kind === 'line' && r.code);
  const pair = (a: ParsedTable | undefined, aKey: string, b: ParsedTable | undefined, bKeys: string[], what: string, rowsOf: (t: ParsedTable) => Row[] = coded) => {
    if (!a || !b) return;
    const bRows = new Map(rowsOf(b).map((r) => [r.code, r]));
    for (const row of rowsOf(a)) {
      const other = bRows.get(row.code);
      const value = row.values[aKey] ?? ZERO;
      if (!other) {
        if (!value.isZero()) cc.sum({ t: a, row, key: aKey }, [], `${what}：表${b.layout.no} 没有这一行`);
        continue;
      }
      cc.sum({ t: a, row, key: aKey }, bKeys.map((key) => ({ t: b, row: other, key })), what);
    }
  };
  const t1 = g('t1');
  const t2 = g('t2');
  if (t1 && t2) {
    const income = totalRow(t1);
    if (income && totalRow(t2)) cc.sum({ t: t1, row: income, key: 'income' }, [{ t: t2, row: totalRow(t2)!, key: 'total' }], '表 1 收入总计与表 2 总计不符');
    for (const key of ['general', 'general_transfer', 'fund', 'fund_transfer', 'state_capital', 'state_capital_transfer', 'special_account', 'unit', 'carryover_fiscal', 'carryover_nonfiscal']) {
      const row = t1.rows.find((r) => r.key === key);
      if (row && totalRow(t2)) cc.sum({ t: t1, row, key: 'income' }, [{ t: t2, row: totalRow(t2)!, key }], '表 1 收入与表 2 总计行不符');
    }
    pair(t1, 'expenditure', t2, ['total'], '表 1 支出与表 2 不符', (t) => (t === t1 ? t.right.filter((r) => r.code) : coded(t)));
  }
  pair(g('t3'), 'total', t2, ['total'], '表 3 与表 2 不符');
  const t3 = g('t3');
  const spent = t1?.right.find((r) => r.kind === 'total');
  if (t1 && t3 && spent && totalRow(t3)) cc.sum({ t: t1, row: spent, key: 'expenditure' }, [{ t: t3, row: totalRow(t3)!, key: 'total' }], '表 1 支出总计与表 3 总计不符');
  pair(g('t5'), 'total', t2, ['general', 'general_transfer'], '表 5 与表 2 的一般公共预算不符');
  pair(g('t8'), 'total', t2, ['fund', 'fund_transfer'], '表 8 与表 2 的政府性基金预算不符');
  pair(g('t9'), 'total', t2, ['state_capital', 'state_capital_transfer'], '表 9 与表 2 的国有资本经营预算不符');
  const t4 = g('t4');
  if (t4) {
    const classes = t4.right.filter((r) => r.code);
    for (const [key, id] of [['general_budget', 't5'], ['fund_budget', 't8'], ['state_capital_budget', 't9']] as const) {
      const other = g(id);
      if (!other) continue;
      const rows = new Map(coded(other).map((r) => [r.code, r]));
      for (const row of classes) {
        const o = rows.get(row.code);
        if (o) cc.sum({ t: t4, row, key }, [{ t: other, row: o, key: 'total' }], `表 4 与表${other.layout.no} 不符`);
        else if (!(row.values[key] ?? ZERO).isZero()) cc.sum({ t: t4, row, key }, [], `表 4 与表${other.layout.no} 不符：表${other.layout.no} 没有这一类`);
      }
    }
  }
  const t5 = g('t5');
  const t6 = g('t6');
  if (t5 && t6 && totalRow(t5) && totalRow(t6))
    cc.sum({ t: t5, row: totalRow(t5)!, key: 'basic' }, [{ t: t6, row: totalRow(t6)!, key: 'total' }], '表 5 基本支出与表 6 合计不符');
  const t7 = g('t7');
  if (t5 && t7) {
    const byCode = new Map<string, Row[]>();
    for (const r of coded(t7).filter((r) => r.code!.length === 7)) byCode.set(r.code!, [...(byCode.get(r.code!) ?? []), r]);
    for (const row of coded(t5).filter((r) => r.code!.length === 7))
      if (!(row.values.project ?? ZERO).isZero() || byCode.has(row.code!))
        cc.sum({ t: t5, row, key: 'project' }, (byCode.get(row.code!) ?? []).map((r) => ({ t: t7, row: r, key: 'total' })), '表 5 项目支出与表 7 各项目之和不符');
  }
}
