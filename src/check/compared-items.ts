// The items Part 3 compares with the prior year, each with the reason key that explains its change
// and the data it comes from: income items, expenditure basic/project, the general public budget's
// basic/project and each of its 项, the fund and state-capital budgets and the carry-over when they
// are shown, the operating expense, the 三公 items, 会议费 and 培训费; where the data words them, the
// totals of table 1 and of 财政拨款 (`reasons.total`, `reasons.fiscal`) and the procurement budget
// (with `prior.procurement`).
import type { Change } from '../compute/change.js';
import type { DataContext } from './context.js';

export interface ComparedItem {
  /** What Part 3 calls it, e.g. 一般公共预算（收入）, 事业单位离退休（项）. */
  label: string;
  change: Change;
  /** Where its reason goes, e.g. `reasons.lines.2080502`. */
  reasonPath: string;
  reason: string | undefined;
  /** Where a missing reason is pointed at: the item's figure when it has one place, else the reasons block. */
  at: string;
}

const INCOME_LABELS: Record<string, string> = {
  general: '一般公共预算（收入）',
  general_transfer: '上级一般公共预算安排的转移支付（收入）',
  fund: '政府性基金预算（收入）',
  fund_transfer: '上级政府性基金安排的转移支付（收入）',
  state_capital: '国有资本经营预算（收入）',
  state_capital_transfer: '上级国有资本经营预算安排的转移支付（收入）',
  special_account: '财政专户管理资金（收入）',
  unit: '单位资金（收入）',
  carryover_fiscal: '财政拨款结转（收入）',
  carryover_nonfiscal: '非财政拨款结转结余（收入）',
};

const THREE_PUBLIC_LABELS: Record<string, string> = {
  overseas: '因公出国（境）费',
  vehicle_purchase: '公务用车购置费',
  vehicle_operation: '公务用车运行费',
  reception: '公务接待费',
};

export function comparedItems(ctx: DataContext): ComparedItem[] {
  const { part3, tables } = ctx.view;
  const r = ctx.data.reasons;
  const items: ComparedItem[] = [];
  const add = (label: string, change: Change, reasonPath: string, reason: string | undefined, at = reasonPath) =>
    items.push({ label, change, reasonPath, reason, at });

  for (const [key, change] of Object.entries(part3.income)) add(INCOME_LABELS[key] ?? key, change, `reasons.income.${key}`, r.income[key]);
  add('支出预算 基本支出', part3.expenditure.basic, 'reasons.expenditure.basic', r.expenditure.basic);
  add('支出预算 项目支出', part3.expenditure.project, 'reasons.expenditure.project', r.expenditure.project);
  add('一般公共预算拨款 基本支出', part3.general_budget.basic, 'reasons.general_budget.basic', r.general_budget.basic);
  add('一般公共预算拨款 项目支出', part3.general_budget.project, 'reasons.general_budget.project', r.general_budget.project);
  for (const line of part3.general_budget.lines) {
    const i = ctx.data.budget.findIndex((l) => l.code === line.code);
    const j = ctx.data.prior.budget.findIndex((l) => l.code === line.code);
    const at = i >= 0 ? `budget[${i}].code` : j >= 0 ? `prior.budget[${j}].code` : `reasons.lines.${line.code}`;
    add(`${line.code} ${line.itemName}（项）`, line.change, `reasons.lines.${line.code}`, r.lines[line.code], at);
  }
  if (!tables.t8.empty) add('政府性基金预算拨款支出', part3.fund_budget.total, 'reasons.fund_budget', r.fund_budget);
  if (!tables.t9.empty) add('国有资本经营预算拨款支出', part3.state_capital_budget.total, 'reasons.state_capital_budget', r.state_capital_budget);
  if (!tables.t11.empty) add('上年结转结余', part3.carryover, 'reasons.carryover', r.carryover);
  add(ctx.data.unit.kind === 'institution' ? '事业单位运行经费' : '机关运行经费', part3.operating_expense, 'reasons.operating_expense', r.operating_expense);
  for (const key of ['overseas', 'vehicle_purchase', 'vehicle_operation', 'reception'] as const)
    add(`“三公”经费 ${THREE_PUBLIC_LABELS[key]}`, part3.three_public[key], `reasons.three_public.${key}`, r.three_public[key], `three_public.${key}`);
  // A total's change is worded only where the unit gives its reason: the reason is checked, never required.
  if (r.total !== undefined) add('收支总预算', part3.totalChange, 'reasons.total', r.total);
  if (r.fiscal !== undefined) add('财政拨款收支总预算', part3.fiscal.change, 'reasons.fiscal', r.fiscal);
  if (part3.procurement.compared) add('政府采购预算', part3.procurement.compared.total, 'reasons.procurement', r.procurement, 'prior.procurement');
  // By 经济分类, where last year's figures are given: what Part 3 六 and 七 word needs its reason; a 款 is checked when given.
  const basic = part3.basic.compared;
  if (basic) {
    const of = (key: string) => r.basic_economic?.[key];
    add('一般公共预算基本支出 人员经费', basic.personnel, 'reasons.basic_economic.personnel', of('personnel'), 'prior.basic_economic');
    add('一般公共预算基本支出 公用经费', basic.public, 'reasons.basic_economic.public', of('public'), 'prior.basic_economic');
    for (const c of basic.classes) {
      add(`一般公共预算基本支出 ${c.code} ${c.name}（类）`, c.change, `reasons.basic_economic.${c.code}`, of(c.code), 'prior.basic_economic');
      for (const k of c.kinds)
        if (of(k.code) !== undefined) add(`一般公共预算基本支出 ${k.code} ${k.name}（款）`, k.change, `reasons.basic_economic.${k.code}`, of(k.code));
    }
  }
  for (const c of part3.projectEconomic?.classes ?? [])
    add(`一般公共预算项目支出 ${c.code} ${c.name}（类）`, c.change, `reasons.project_economic.${c.code}`, r.project_economic?.[c.code], 'prior.project_economic');
  // Zero in both years when the data leaves them out: then never a change needing a reason.
  add('会议费', part3.meeting_training.meeting, 'reasons.meeting', r.meeting, 'meeting');
  add('培训费', part3.meeting_training.training, 'reasons.training', r.training, 'training');
  return items;
}
