// Projects against the budget: each 项's general-public-budget projects (table 7) add up to that
// 项's project expenditure (tables 3 and 5), and a performance table's stated budget is its project's amount.
import { catalogFor } from '../catalog/index.js';
import type { Decimal } from 'decimal.js';
import { functionalName } from '../compute/functional-rows.js';
import { sum } from '../compute/money.js';
import { GROUPS, ofSources } from '../compute/sources.js';
import type { Finding } from '../findings.js';
import { exact, finding, shown, type DataRule } from './context.js';

const isGeneral = (source: string) => (GROUPS.general_budget as readonly string[]).includes(source);

export const projects: DataRule = (ctx) => {
  const out: Finding[] = [];
  const { projects } = ctx.data;
  const codes = [...new Set([...ctx.lines.filter((l) => !ofSources(l.project, GROUPS.general_budget).isZero()).map((l) => l.code), ...projects.filter((p) => isGeneral(p.source)).map((p) => p.code)])].sort();
  for (const code of codes) {
    const lineIndex = ctx.lines.findIndex((l) => l.code === code);
    const budgeted = sum(ctx.lines.filter((l) => l.code === code).map((l) => ofSources(l.project, GROUPS.general_budget)));
    const listed = projects.map((p, i) => ({ p, i })).filter(({ p }) => p.code === code && isGeneral(p.source));
    const inProjects: Decimal = sum(listed.map(({ p }) => sum(Object.values(p.economic))));
    if (budgeted.equals(inProjects)) continue;
    const name = `${code} ${functionalName(catalogFor(ctx.data), code, ctx.lines)}`;
    const message = listed.length === 0
      ? `${name} 有一般公共预算项目支出 ${shown(budgeted)} 万元，但 projects 中没有该项的项目：表 7 将缺少这笔支出。 ` +
        `${code} has project expenditure but no project in projects.`
      : lineIndex < 0
        ? `projects 中项目“${listed[0]!.p.name}”的编码 ${code} 在 budget 中没有对应的行：表 7 合计将大于表 5 的项目支出。 ` +
          `Project code ${code} has no budget line.`
        : `${name}：projects 中该项项目金额之和 ${shown(inProjects)}（${listed.map(({ p }) => `“${p.name}” ${exact(sum(Object.values(p.economic)))}`).join('、')}）不等于 budget 中该项的一般公共预算项目支出 ${shown(budgeted)}，相差 ${exact(inProjects.minus(budgeted).abs())}。 ` +
          `The projects under ${code} do not add up to its project expenditure.`;
    const path = listed.length === 0 ? `budget[${lineIndex}].project` : lineIndex < 0 ? `projects[${listed[0]!.i}].code` : `projects[${listed[0]!.i}].economic`;
    out.push(finding(ctx, 'PROJECT_MISMATCH', 'error', message, path, { prefer: 'key' }));
  }

  projects.forEach((p, i) => {
    const stated = p.performance?.budget;
    const amount = sum(Object.values(p.economic));
    if (stated && !stated.equals(amount))
      out.push(finding(ctx, 'PERFORMANCE_MISMATCH', 'error',
        `projects[${i}]“${p.name}”绩效目标表的年度预算总额 ${exact(stated)} 不等于项目金额 ${exact(amount)}（economic 各类之和），相差 ${exact(stated.minus(amount).abs())}。 ` +
          `The performance table's budget does not equal the project's amount.`, `projects[${i}].performance.budget`));
  });
  return out;
};
