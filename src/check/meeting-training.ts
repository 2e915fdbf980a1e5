// 会议费 and 培训费 against table 6, as the 三公 vehicle figure is checked against 302 31: the
// general-public-budget 会议费 holds the basic expenditure on 302 15 会议费 (培训费: 302 16) and at
// most the projects' 商品和服务支出 (302) besides, the only class a project states.
import { sum } from '../compute/money.js';
import { GROUPS, ofSources } from '../compute/sources.js';
import type { Finding } from '../findings.js';
import { exact, finding, shown, type DataRule } from './context.js';

const ITEMS = [
  { key: 'meeting', economic: '30215', zh: '会议费' },
  { key: 'training', economic: '30216', zh: '培训费' },
] as const;

export const meetingTraining: DataRule = (ctx) => {
  const out: Finding[] = [];
  const general = GROUPS.general_budget as readonly string[];
  const projects = sum(ctx.data.projects.filter((p) => general.includes(p.source)).map((p) => p.economic['302']));
  for (const item of ITEMS) {
    const stated = ctx.data[item.key];
    if (stated === undefined) continue;
    const amount = ofSources(stated, GROUPS.general_budget);
    const given = ctx.data.basic_economic[item.economic];
    const basic = given ?? amount.minus(amount);
    const economic = `${item.economic.slice(0, 3)} ${item.economic.slice(3)}`;
    const t6 = `表 6 的 ${economic} ${item.zh} ${shown(basic)}（basic_economic.${item.economic}${given ? '' : ' 未填'}）`;
    if (amount.lessThan(basic))
      out.push(finding(ctx, 'MEETING_TRAINING_MISMATCH', 'error',
        `${item.zh}（一般公共预算）${shown(amount)} 小于${t6}，相差 ${exact(basic.minus(amount))}：基本支出中的${item.zh}是它的一部分。 ` +
          `The general-public-budget ${item.key} figure is less than economic class ${economic} in table 6, which is part of it.`,
        item.key, { prefer: 'key' }));
    else if (amount.greaterThan(basic.plus(projects)))
      out.push(finding(ctx, 'MEETING_TRAINING_MISMATCH', 'error',
        `${item.zh}（一般公共预算）${shown(amount)} 大于${t6}与一般公共预算项目的商品和服务支出 ${shown(projects)} 之和，相差 ${exact(amount.minus(basic).minus(projects))}。 ` +
          `The general-public-budget ${item.key} figure exceeds class ${economic} in table 6 plus the projects' 302 spending.`,
        item.key, { prefer: 'key' }));
  }
  return out;
};
