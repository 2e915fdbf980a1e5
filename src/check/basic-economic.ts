// Basic expenditure seen two ways: by function (the budget lines) and by economic class (table 6).
// Table 6's total is the general public budget's basic expenditure; where lines split basic
// expenditure into personnel (人员经费) and public (公用经费) costs, the splits add up.
import { catalogFor } from '../catalog/index.js';
import type { Decimal } from 'decimal.js';
import { functionalName } from '../compute/functional-rows.js';
import { sum } from '../compute/money.js';
import { GROUPS, ofSources } from '../compute/sources.js';
import type { Finding } from '../findings.js';
import { SOURCE_KEYS } from '../model.js';
import { exact, finding, shown, type DataRule } from './context.js';

const diff = (a: Decimal, b: Decimal) => exact(a.minus(b).abs());

export const basicEconomic: DataRule = (ctx) => {
  const out: Finding[] = [];
  const { t5, t6, t8, t9, t11 } = ctx.view.tables;
  const basic = t5.total[1]!;
  if (!t6.total.equals(basic))
    out.push(finding(ctx, 'ECONOMIC_MISMATCH', 'error',
      `表 6 一般公共预算基本支出合计 ${shown(t6.total)}（basic_economic 各款之和 ${exact(t6.total)}）不等于按功能分类的一般公共预算基本支出 ${shown(basic)}（budget 中 general、general_transfer 的 basic，${exact(basic)}），相差 ${diff(t6.total, basic)}。 ` +
        `Table 6's total does not equal the general public budget's basic expenditure.`, 'basic_economic', { prefer: 'key' }));

  // A line that gives basic and its split: the two must agree, source by source.
  ctx.data.budget.forEach((line, i) => {
    if (!line.basic || (!line.personnel && !line.public)) return;
    for (const k of SOURCE_KEYS) {
      const whole = ofSources(line.basic, [k]);
      const parts = ofSources(line.personnel, [k]).plus(ofSources(line.public, [k]));
      if (!whole.equals(parts))
        out.push(finding(ctx, 'SPLIT_MISMATCH', 'error',
          `budget[${i}] ${line.code} 的基本支出 basic.${k} ${exact(whole)} 不等于人员经费 + 公用经费 ${exact(parts)}，相差 ${diff(whole, parts)}：只填 personnel 和 public 即可。 ` +
            `basic.${k} does not equal personnel.${k} + public.${k}.`, `budget[${i}].basic.${k}`, { at: `budget[${i}].basic` }));
    }
  });

  // Where every line splits its general-budget basic expenditure, the split matches table 6's.
  const general = GROUPS.general_budget;
  const withBasic = ctx.data.budget.filter((l) => !ofSources(l.basic ?? {}, general).isZero() || l.personnel || l.public);
  const split = withBasic.length > 0 && withBasic.every((l) => l.personnel || l.public);
  if (split) {
    for (const [part, label, t6value] of [['personnel', '人员经费', t6.personnel], ['public', '公用经费', t6.public]] as const) {
      const byLines = sum(ctx.lines.map((l) => ofSources(l[part], general)));
      if (!byLines.equals(t6value))
        out.push(finding(ctx, 'SPLIT_MISMATCH', 'error',
          `budget 中一般公共预算的${label} ${shown(byLines)} 不等于表 6 的${label} ${shown(t6value)}（301、303 类为人员经费，其余为公用经费），相差 ${diff(byLines, t6value)}。 ` +
            `The lines' ${part} total does not match table 6's.`, 'basic_economic', { prefer: 'key' }));
    }
  }

  // Tables 8, 9 and 11 show basic expenditure only as 人员经费 + 公用经费: an unsplit amount would
  // make their 合计 larger than the columns beside it.
  const unsplit = (label: string, keys: readonly (typeof SOURCE_KEYS)[number][]) =>
    ctx.data.budget.forEach((line, i) => {
      const amount = ofSources(line.basic, keys);
      if (amount.isZero() || line.personnel || line.public) return;
      out.push(finding(ctx, 'SPLIT_MISMATCH', 'error',
        `budget[${i}] ${line.code} ${functionalName(catalogFor(ctx.data), line.code, ctx.lines)} 的${label}基本支出 ${shown(amount)} 未分人员经费和公用经费：${label}表须分列，请用 personnel 和 public 代替 basic。 ` +
          `Basic expenditure from ${label} must be split into personnel and public.`, `budget[${i}].basic`, { prefer: 'key' }));
    });
  if (!t8.empty) unsplit('政府性基金预算', GROUPS.fund_budget);
  if (!t9.empty) unsplit('国有资本经营预算', GROUPS.state_capital_budget);
  if (!t11.empty) unsplit('上年结转结余', GROUPS.carryover);
  return out;
};
