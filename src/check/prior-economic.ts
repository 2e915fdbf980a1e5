// Last year's figures by 经济分类, where given (`prior.basic_economic`, `prior.project_economic`),
// against last year's budget by function (`prior.budget`), as this year's table 6 and table 7 are
// held to this year's: the 款 add up to last year's general-public-budget basic expenditure, the
// 类 of project expenditure to its project expenditure, exactly.
import { lineSum } from '../compute/lines.js';
import { sum } from '../compute/money.js';
import { GROUPS } from '../compute/sources.js';
import type { Finding } from '../findings.js';
import type { Decimal } from 'decimal.js';
import { exact, finding, shown, type DataRule } from './context.js';

/** `2637.34`, or `2637.34（精确数 2637.3412）` where the data has more decimals than are shown. */
const figure = (x: Decimal) => (exact(x) === shown(x) ? shown(x) : `${shown(x)}（精确数 ${exact(x)}）`);

export const priorEconomic: DataRule = (ctx) => {
  const out: Finding[] = [];
  const { basic_economic: basic, project_economic: project } = ctx.data.prior;
  if (basic) {
    const byEconomic = sum(Object.entries(basic).filter(([c]) => c.length === 5).map(([, v]) => v));
    const byFunction = lineSum(ctx.prior, 'basic', GROUPS.general_budget);
    if (!byEconomic.equals(byFunction))
      out.push(finding(ctx, 'ECONOMIC_MISMATCH', 'error',
        `prior.basic_economic 上年一般公共预算基本支出各款之和 ${figure(byEconomic)} 不等于上年按功能分类的一般公共预算基本支出 ${figure(byFunction)}（prior.budget 中 general、general_transfer 的 basic），相差 ${exact(byEconomic.minus(byFunction).abs())}。 ` +
          `Last year's basic expenditure by economic class does not equal last year's by function.`, 'prior.basic_economic', { prefer: 'key' }));
  }
  if (project) {
    const byEconomic = sum(Object.values(project));
    const byFunction = lineSum(ctx.prior, 'project', GROUPS.general_budget);
    if (!byEconomic.equals(byFunction))
      out.push(finding(ctx, 'PROJECT_MISMATCH', 'error',
        `prior.project_economic 上年一般公共预算项目支出各类之和 ${figure(byEconomic)} 不等于上年按功能分类的一般公共预算项目支出 ${figure(byFunction)}（prior.budget 中 general、general_transfer 的 project），相差 ${exact(byEconomic.minus(byFunction).abs())}。 ` +
          `Last year's project expenditure by economic class does not equal last year's by function.`, 'prior.project_economic', { prefer: 'key' }));
  }
  return out;
};
