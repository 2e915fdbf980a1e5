// Head counts: 实有 = 在职 + 退休 + 离休; each change is this year's count less last year's, where
// last year's is given, and never implies a negative count last year.
import type { Finding } from '../findings.js';
import { finding, type DataRule } from './context.js';

const GROUPS = [['serving', '在职'], ['retired', '退休'], ['honorary_retired', '离休']] as const;

export const staffing: DataRule = (ctx) => {
  const out: Finding[] = [];
  const s = ctx.data.overview.staffing;
  const sum = s.serving.count + s.retired.count + s.honorary_retired.count;
  if (s.actual !== undefined && s.actual !== sum)
    out.push(finding(ctx, 'STAFF_MISMATCH', 'error',
      `overview.staffing.actual 实有人数 ${s.actual} 不等于在职 ${s.serving.count} + 退休 ${s.retired.count} + 离休 ${s.honorary_retired.count} = ${sum}（不填则自动计算）。 ` +
        `actual does not equal serving + retired + honorary_retired.`, 'overview.staffing.actual'));
  for (const [key, label] of GROUPS) {
    const { count, change } = s[key];
    if (typeof change !== 'number') continue; // a draft's placeholder: reported by check/placeholders
    const path = `overview.staffing.${key}.change`;
    const prior = ctx.data.prior.staffing?.[key];
    if (prior !== undefined && count - prior !== change)
      out.push(finding(ctx, 'STAFF_MISMATCH', 'error',
        `${path} ${label}人数比上年增减 ${change}，但上年 ${prior} 人、本年 ${count} 人，应为 ${count - prior}。 ` +
          `The change should be ${count - prior} (${count} this year, ${prior} last year).`, path));
    else if (count - change < 0)
      out.push(finding(ctx, 'STAFF_MISMATCH', 'error',
        `${path} ${label}本年 ${count} 人、比上年增减 ${change}，则上年为 ${count - change} 人，不可能为负数。 ` +
          `A change of ${change} on ${count} implies a negative count last year.`, path));
  }
  return out;
};
