// Every compared item whose change shows (is not 0.00 in the profile's unit: 40 元 shows in 元, not
// in 万元) needs a reason (主要原因), a new item too; a reason for a 项 that is in neither year's
// budget is never printed.
import type { Finding } from '../findings.js';
import { shownIn } from './cells.js';
import { comparedItems } from './compared-items.js';
import { finding, money, type DataRule } from './context.js';

export const reasons: DataRule = (ctx) => {
  const out: Finding[] = [];
  const shown = shownIn(ctx.numbers);
  for (const item of comparedItems(ctx)) {
    const { change } = item;
    if (item.reason !== undefined && item.reason.trim() !== '') continue;
    if (shown.value(change.delta).isZero()) continue;
    const how = change.isNew
      ? `新增 ${money(ctx, change.amount)}（上年未安排）`
      : `比上年${change.up ? '增加' : '减少'} ${money(ctx, change.delta)}（${ctx.numbers.amount(change.prior ?? change.delta.minus(change.delta))} → ${ctx.numbers.amount(change.amount)}）`;
    out.push(finding(ctx, 'MISSING_REASON', 'error',
      `${item.reasonPath} 缺少增减原因：${item.label} ${how}，第三部分须说明主要原因。 ` +
        `${item.label} changed; give the reason at ${item.reasonPath}.`, item.reasonPath, { at: item.at, prefer: 'key' }));
  }

  const compared = new Set(ctx.view.part3.general_budget.lines.map((l) => l.code));
  for (const code of Object.keys(ctx.data.reasons.lines))
    if (!compared.has(code))
      out.push(finding(ctx, 'UNUSED_REASON', 'warning',
        `reasons.lines.${code} 的原因不会被使用：本年和上年的一般公共预算都没有项 ${code}，请核对编码。 ` +
          `No general-public-budget line ${code} in either year: this reason is never shown.`, `reasons.lines.${code}`, { prefer: 'key' }));
  const { t8, t9, t11 } = ctx.view.tables;
  for (const [key, empty, what] of [['fund_budget', t8.empty, '政府性基金预算支出'], ['state_capital_budget', t9.empty, '国有资本经营预算支出'], ['carryover', t11.empty, '上年结转结余支出']] as const)
    if (empty && ctx.data.reasons[key] !== undefined)
      out.push(finding(ctx, 'UNUSED_REASON', 'warning',
        `reasons.${key} 的原因不会被使用：本年没有${what}，第三部分只说明该表为空表。 There is no such expenditure this year: the reason is never shown.`,
        `reasons.${key}`, { prefer: 'key' }));
  // Reasons by 经济分类 for what is compared in neither year, or without last year's figures at all.
  const { basic, projectEconomic } = ctx.view.part3;
  const economicKeys = new Set(basic.compared ? ['personnel', 'public', ...basic.compared.classes.flatMap((c) => [c.code, ...c.kinds.map((k) => k.code)])] : []);
  const projectKeys = new Set((projectEconomic?.classes ?? []).map((c) => c.code));
  for (const [block, keys, prior] of [['basic_economic', economicKeys, 'prior.basic_economic'], ['project_economic', projectKeys, 'prior.project_economic']] as const)
    for (const key of Object.keys(ctx.data.reasons[block] ?? {}))
      if (!keys.has(key))
        out.push(finding(ctx, 'UNUSED_REASON', 'warning',
          `reasons.${block}.${key} 的原因不会被使用：${keys.size ? `本年和上年都没有 ${key}` : `没有 ${prior}，第三部分不按经济分类比较`}。 ` +
            `Nothing is compared under ${key}: this reason is never shown.`, `reasons.${block}.${key}`, { prefer: 'key' }));
  if (ctx.data.reasons.procurement !== undefined && !ctx.data.prior.procurement)
    out.push(finding(ctx, 'UNUSED_REASON', 'warning',
      `reasons.procurement 的原因不会被使用：没有上年政府采购预算 prior.procurement，第三部分不比较政府采购预算。 ` +
        `Without prior.procurement the procurement budget is not compared: this reason is never shown.`, 'reasons.procurement', { prefer: 'key' }));
  return out;
};
