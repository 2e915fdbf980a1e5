// Totals the user states (the `totals:` block, and 3-digit 类 subtotals in basic_economic) against
// the computed ones. Equal when the computed total, rounded, is the stated one. A stated total equal
// to the sum of the shown (rounded) cells is a rounding artefact, noted; anything else is an error.
import type { Decimal } from 'decimal.js';
import { catalogFor } from '../catalog/index.js';
import { round2, sum } from '../compute/money.js';
import { GROUPS } from '../compute/sources.js';
import type { Finding } from '../findings.js';
import { STATED_TOTALS, type StatedTotalKey } from '../model.js';
import { inData, type Cell } from './cells.js';
import { codeLabel, exact, finding, shown, type DataContext, type DataRule } from './context.js';

interface Figure {
  computed: Decimal;
  cells: Cell[];
}

const nonzero = (cells: Cell[]) => cells.filter((c) => !c.value.isZero());

function figures(ctx: DataContext): Record<StatedTotalKey, Figure> {
  const { t1, t3, t4, t5, t6, t8, t9, t10 } = ctx.view.tables;
  const classRows = (rows: { level: number; code: string; name: string; values: Decimal[] }[], col: number) =>
    nonzero(rows.filter((r) => r.level === 1).map((r) => ({ label: `${r.code} ${r.name}`, value: r.values[col]! })));
  const group = (label: string, keys: readonly (keyof typeof t1.sources)[]) => ({ label, value: sum(keys.map((k) => t1.sources[k])) });
  const t6classes = (col: number) => nonzero(t6.rows.filter((r) => r.level === 1).map((r) => ({ label: `${r.cls} ${r.name}`, value: r.values[col]! })));
  const p = ctx.data.procurement;
  return {
    income: {
      computed: t1.total,
      cells: nonzero([
        group('一般公共预算拨款', GROUPS.general_budget), group('基金预算拨款', GROUPS.fund_budget),
        group('国有资本经营预算拨款', GROUPS.state_capital_budget), group('财政专户核拨', ['special_account']),
        group('单位资金', GROUPS.unit), group('财政拨款结转', GROUPS.carryover_fiscal), group('非财政拨款结转结余', GROUPS.carryover_nonfiscal),
      ]),
    },
    expenditure: { computed: sum(t1.classes.map((c) => c.amount)), cells: nonzero(t1.classes.map((c) => ({ label: `${c.code} ${c.name}`, value: c.amount }))) },
    fiscal: { computed: t4.fiscal, cells: nonzero([{ label: '一般公共预算', value: t4.general_budget }, { label: '政府性基金预算', value: t4.fund_budget }, { label: '国有资本经营预算', value: t4.state_capital_budget }]) },
    general_budget: { computed: t5.total[0]!, cells: classRows(t5.rows, 0) },
    fund_budget: { computed: t8.total[0]!, cells: classRows(t8.rows, 0) },
    state_capital_budget: { computed: t9.total[0]!, cells: classRows(t9.rows, 0) },
    basic: { computed: t3.total[1]!, cells: classRows(t3.rows, 1) },
    project: { computed: t3.total[2]!, cells: classRows(t3.rows, 2) },
    personnel: { computed: t6.personnel, cells: t6classes(1) },
    public: { computed: t6.public, cells: t6classes(2) },
    three_public: {
      computed: t10.total[0]!,
      cells: nonzero([{ label: '因公出国（境）费', value: t10.overseas[0]! }, { label: '公务接待费', value: t10.reception[0]! }, { label: '公务用车购置及运行费', value: t10.vehicles[0]! }]),
    },
    procurement: { computed: sum([p.goods, p.works, p.services]), cells: nonzero([{ label: '货物', value: p.goods }, { label: '工程', value: p.works }, { label: '服务', value: p.services }]) },
  };
}

function compare(ctx: DataContext, path: string, label: string, stated: Decimal, { computed, cells }: Figure): Finding[] {
  if (stated.equals(computed) || stated.equals(round2(computed))) return [];
  if (cells.length > 1 && stated.equals(inData.sum(cells)))
    return [finding(ctx, 'ROUNDING_NOTE', 'note',
      `${path} 填报的${label}为 ${exact(stated)}，等于各格显示数之和（${inData.list(cells)}），按精确数计算为 ${exact(computed)}，表中显示 ${shown(computed)}：差异系逐格四舍五入所致，数据无误。 ` +
        `The stated total is the sum of the rounded cells; the table shows the exact total rounded.`, path)];
  return [finding(ctx, 'TOTAL_MISMATCH', 'error',
    `${path} 填报的${label}为 ${exact(stated)}，与计算结果 ${shown(computed)} 不符（按各项精确数计算为 ${exact(computed)}${cells.length ? `：${inData.list(cells)}` : ''}），相差 ${exact(stated.minus(round2(computed)).abs())}。请核对各项数字或填报的合计。 ` +
      `The stated total does not match the computed ${shown(computed)}.`, path)];
}

export const totalsMatch: DataRule = (ctx) => {
  const out: Finding[] = [];
  const stated = ctx.data.totals ?? {};
  if (Object.keys(stated).length) {
    const all = figures(ctx);
    for (const key of Object.keys(STATED_TOTALS) as StatedTotalKey[]) {
      const value = stated[key];
      if (value) out.push(...compare(ctx, `totals.${key}`, STATED_TOTALS[key], value, all[key]));
    }
  }
  const codeName = catalogFor(ctx.data).name;
  for (const [block, economic] of [['basic_economic', ctx.data.basic_economic], ['prior.basic_economic', ctx.data.prior.basic_economic ?? {}]] as const)
    for (const cls of Object.keys(economic).filter((c) => c.length === 3)) {
      const items = Object.keys(economic).filter((c) => c.length === 5 && c.startsWith(cls)).sort();
      const cells = items.map((c) => ({ label: `${c} ${codeName('economic', c) ?? ''}`.trim(), value: economic[c]! }));
      out.push(...compare(ctx, `${block}.${cls}`, `类 ${codeLabel(cls, codeName('economic', cls) ?? '')} 的小计`, economic[cls]!, { computed: sum(cells.map((c) => c.value)), cells }));
    }
  return out;
};
