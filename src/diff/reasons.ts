// The reasons view (`--only reasons`): the `reasons:` texts of the two data files that changed, word
// by word, beside the sentences holding 主要原因 (selected by the formatters from the sentence diff).
import type { DisclosureData } from '../model.js';
import { THREE_PUBLIC_LABELS } from './figures.js';
import { tokenDiff, type Segment } from './tokens.js';

export interface ReasonChange {
  /** e.g. `reasons.lines.2080502`. */
  key: string;
  /** e.g. `按项 2080502 事业单位离退休`. */
  label: string;
  old: string | null;
  new: string | null;
  segments: Segment[] | null;
}

const SECTIONS: Record<string, string> = {
  income: '收入', expenditure: '支出', general_budget: '一般公共预算', lines: '按项', fund_budget: '政府性基金预算',
  state_capital_budget: '国有资本经营预算', carryover: '上年结转结余', operating_expense: '运行经费', three_public: '“三公”经费', meeting: '会议费', training: '培训费',
  total: '收支总预算', fiscal: '财政拨款收支总预算', procurement: '政府采购预算', basic_economic: '基本支出按经济分类', project_economic: '项目支出按经济分类',
};

const ITEMS: Record<string, string> = {
  general: '一般公共预算', general_transfer: '上级一般公共预算安排的转移支付', fund: '政府性基金预算', fund_transfer: '上级政府性基金安排的转移支付',
  state_capital: '国有资本经营预算', state_capital_transfer: '上级国有资本经营预算安排的转移支付', special_account: '财政专户管理资金',
  unit: '单位资金', carryover_fiscal: '财政拨款结转', carryover_nonfiscal: '非财政拨款结转结余', basic: '基本支出', project: '项目支出',
  personnel: '人员经费', public: '公用经费',
  ...THREE_PUBLIC_LABELS,
};

/** `reasons.lines.2080502` → its text, for every reason a file gives. */
function flatten(reasons: DisclosureData['reasons']): Map<string, string> {
  const out = new Map<string, string>();
  for (const [section, value] of Object.entries(reasons)) {
    if (typeof value === 'string') out.set(`reasons.${section}`, value);
    else if (value && typeof value === 'object')
      for (const [k, text] of Object.entries(value as Record<string, unknown>)) if (typeof text === 'string') out.set(`reasons.${section}.${k}`, text);
  }
  return out;
}

export function diffReasons(before: DisclosureData, after: DisclosureData, names: { functional(code: string): string }): ReasonChange[] {
  const [a, b] = [flatten(before.reasons), flatten(after.reasons)];
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  const label = (key: string) => {
    const [, section = '', item] = key.split('.');
    const head = SECTIONS[section] ?? section;
    if (item === undefined) return head;
    return `${head} ${section === 'lines' ? `${item} ${names.functional(item)}`.trim() : (ITEMS[item] ?? item)}`;
  };
  return keys
    .filter((k) => a.get(k) !== b.get(k))
    .map((k) => {
      const [old, now] = [a.get(k) ?? null, b.get(k) ?? null];
      return { key: k, label: label(k), old, new: now, segments: old !== null && now !== null ? tokenDiff(old, now) : null };
    });
}

/** A sentence change the reasons view shows: one whose old or new text gives 主要原因. */
export const givesReason = (c: { old: string | null; new: string | null }): boolean =>
  Boolean(c.old?.includes('主要原因') || c.new?.includes('主要原因'));
