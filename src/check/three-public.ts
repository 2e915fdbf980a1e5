// 三公 against table 6: the general-public-budget vehicle-operation figure is the basic
// expenditure on 302 31 公务用车运行维护费.
import { GROUPS, ofSources } from '../compute/sources.js';
import type { Finding } from '../findings.js';
import { exact, finding, shown, type DataRule } from './context.js';

export const threePublic: DataRule = (ctx) => {
  const out: Finding[] = [];
  const operation = ofSources(ctx.data.three_public.vehicle_operation, GROUPS.general_budget);
  const economic = ctx.data.basic_economic['30231'];
  const t6 = economic ?? operation.minus(operation);
  if (!operation.equals(t6))
    out.push(finding(ctx, 'VEHICLE_MISMATCH', 'error',
      `“三公”经费公务用车运行费（一般公共预算）${shown(operation)} 不等于表 6 的 302 31 公务用车运行维护费 ${shown(t6)}（basic_economic.30231${economic ? '' : ' 未填'}），相差 ${exact(operation.minus(t6).abs())}。 ` +
        `The 三公 vehicle-operation figure does not equal economic class 302 31 in table 6.`,
      'three_public.vehicle_operation', { prefer: 'key' }));
  return out;
};
