// The summary a reviewer reads first: the totals, each source of income, basic and project
// spending, 三公, 会议费, 培训费 and 运行经费 of either document, with change and rate worked out by compute's own
// `change` and printed by the templates' own helpers — so each figure reads as the documents print it.
import { DEFAULT_PROFILE, numberFormat } from '../profile/index.js';
import type { Decimal } from 'decimal.js';
import { change, type Change } from '../compute/change.js';
import type { View } from '../compute/index.js';
import { INCOME_ITEMS } from '../compute/part3.js';
import { MEETING_TRAINING_KEYS, THREE_PUBLIC_KEYS } from '../model.js';
import { helpers } from '../render/helpers.js';
import { MEETING_TRAINING_LABELS, THREE_PUBLIC_LABELS } from './figures.js';

export interface SummaryRow {
  key: string;
  label: string;
  /** Indented under the row above it (a source under the total, an item under 三公). */
  sub: boolean;
  old: Decimal;
  new: Decimal;
  /** new against old, as Part 3 compares a year with its prior. */
  change: Change;
}

const INCOME_LABELS: Record<keyof typeof INCOME_ITEMS, string> = {
  general: '一般公共预算', general_transfer: '上级一般公共预算安排的转移支付', fund: '政府性基金预算',
  fund_transfer: '上级政府性基金安排的转移支付', state_capital: '国有资本经营预算', state_capital_transfer: '上级国有资本经营预算安排的转移支付',
  special_account: '财政专户管理资金', unit: '单位资金', carryover_fiscal: '财政拨款结转', carryover_nonfiscal: '非财政拨款结转结余',
};

export function summaryOf(before: View, after: View): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const add = (key: string, label: string, sub: boolean, of: (v: View) => Decimal, always = false) => {
    const [a, b] = [of(before), of(after)];
    // A source neither document has is not a row: the documents say 未安排 of it.
    if (always || !a.isZero() || !b.isZero()) rows.push({ key, label, sub, old: a, new: b, change: change(b, a) });
  };
  add('total', '收支总预算', false, (v) => v.tables.t1.total, true);
  for (const item of Object.keys(INCOME_ITEMS) as (keyof typeof INCOME_ITEMS)[])
    add(`income.${item}`, `收入：${INCOME_LABELS[item]}`, true, (v) => v.part3.income[item].amount);
  add('expenditure.basic', '支出：基本支出', true, (v) => v.part3.expenditure.basic.amount, true);
  add('expenditure.project', '支出：项目支出', true, (v) => v.part3.expenditure.project.amount, true);
  add('three_public', '财政拨款“三公”经费', false, (v) => v.part3.three_public.total.amount, true);
  for (const k of THREE_PUBLIC_KEYS) add(`three_public.${k}`, THREE_PUBLIC_LABELS[k], true, (v) => v.part3.three_public[k].amount);
  // 财政拨款, as Part 3 compares them; a unit that states neither in either year has no row.
  for (const k of MEETING_TRAINING_KEYS) add(k, MEETING_TRAINING_LABELS[k], false, (v) => v.part3.meeting_training[k].amount);
  add('operating_expense', '运行经费', false, (v) => v.part3.operating_expense.amount, true);
  return rows;
}

// The templates' helpers, with data passing through as is (no tokens here).
const h = helpers((x) => x, (s, f) => f(s), numberFormat(DEFAULT_PROFILE));

/** An amount as the documents print it: 2 decimals, rounded half-up on its own. */
export const printed = (x: Decimal | number): string => h.amount(x);

/** The change as Part 3 words it, signed: +3.65 / -2.82 / 0.00. */
export function printedChange(c: Change): string {
  const text = h.amount(c.delta);
  return c.zero ? text : `${c.up ? '+' : '-'}${text}`;
}

/** The rate as Part 3 prints it, signed with %; 新增 when there was nothing before, — when neither year has any. */
export function printedRate(c: Change): string {
  if (c.isNew) return '新增';
  if (c.pct === null) return '—';
  const text = `${h.pct(c.pct)}%`;
  return c.zero ? text : `${c.up ? '+' : '-'}${text}`;
}
