// Figures of Part 3 (情况说明): each compared item with its prior-year base, share and reason.
import { catalogFor } from '../catalog/index.js';
import type { Decimal } from 'decimal.js';
import { THREE_PUBLIC_KEYS, type DisclosureData, type ProjectCategory, type SourceKey, type ThreePublicItems, type ThreePublicKey } from '../model.js';
import { change, type Change } from './change.js';
import { functionalName, functionalRows } from './functional-rows.js';
import { lineSum, type Line } from './lines.js';
import { percent, sum } from './money.js';
import { GROUPS, ofSources, total } from './sources.js';

const g = GROUPS;

/** Part 3 二 compares these income items, in this order. */
export const INCOME_ITEMS = {
  general: ['general'],
  general_transfer: ['general_transfer'],
  fund: ['fund'],
  fund_transfer: ['fund_transfer'],
  state_capital: ['state_capital'],
  state_capital_transfer: ['state_capital_transfer'],
  special_account: ['special_account'],
  unit: g.unit,
  carryover_fiscal: g.carryover_fiscal,
  carryover_nonfiscal: g.carryover_nonfiscal,
} as const satisfies Record<string, readonly SourceKey[]>;

export type IncomeItem = keyof typeof INCOME_ITEMS;

function reasonOf(map: Partial<Record<string, string>>, key: string): string | undefined {
  return map[key];
}

/** A prior-year figure: null when the prior year's data has no line at all for it. */
function priorOf(prior: readonly Line[], value: (lines: readonly Line[]) => Decimal): Decimal | null {
  return prior.length === 0 ? null : value(prior);
}

export function incomeComparison(data: DisclosureData, lines: readonly Line[], prior: readonly Line[]) {
  const whole = lineSum(lines, 'all');
  return Object.fromEntries(
    (Object.entries(INCOME_ITEMS) as [IncomeItem, readonly SourceKey[]][]).map(([item, keys]) => [
      item,
      change(lineSum(lines, 'all', keys), priorOf(prior, (p) => lineSum(p, 'all', keys)), { whole, reason: reasonOf(data.reasons.income, item) }),
    ]),
  ) as Record<IncomeItem, Change>;
}

export function expenditureComparison(data: DisclosureData, lines: readonly Line[], prior: readonly Line[], keys?: readonly SourceKey[], reasons: Partial<Record<string, string>> = {}) {
  const whole = lineSum(lines, 'all', keys);
  return {
    /** The total compared with the prior year's. */
    total: change(whole, priorOf(prior, (p) => lineSum(p, 'all', keys))),
    /** 基本支出, with its share of the total. */
    basic: change(lineSum(lines, 'basic', keys), priorOf(prior, (p) => lineSum(p, 'basic', keys)), { whole, reason: reasons.basic }),
    /** 项目支出, with its share of the total. */
    project: change(lineSum(lines, 'project', keys), priorOf(prior, (p) => lineSum(p, 'project', keys)), { whole, reason: reasons.project }),
  };
}

/** Part 3 四: each budget's spending by 类, with the data's 主要用于 wording. */
export function classesOf(data: DisclosureData, lines: readonly Line[], keys: readonly SourceKey[]) {
  const whole = lineSum(lines, 'all', keys);
  return functionalRows(catalogFor(data), lines, 1, (l) => [ofSources(l.all, keys)])
    .rows.filter((r) => r.level === 1)
    .map((r) => ({
      /** The 类 (3 digits). */
      code: r.code,
      /** Its name. */
      name: r.name,
      /** Its amount in this budget. */
      amount: r.values[0]!,
      /** Its share of the budget's total, in percent. */
      share: percent(r.values[0]!, whole),
      /** 主要用于 (the data's `purposes`); null when none is given. */
      purpose: data.purposes[r.code] ?? null,
    }));
}

/** Part 3 五(三): every 项 of the general public budget, this year or last, with its change. */
export function generalBudgetLines(data: DisclosureData, lines: readonly Line[], prior: readonly Line[]) {
  const codes = [...new Set([...lines, ...prior].filter((l) => !ofSources(l.all, g.general_budget).isZero()).map((l) => l.code))].sort();
  const amountOf = (ls: readonly Line[], code: string) => sum(ls.filter((l) => l.code === code).map((l) => ofSources(l.all, g.general_budget)));
  const named = [...lines, ...prior];
  const catalog = catalogFor(data);
  return codes.map((code) => ({
    /** The 项 (7 digits). */
    code,
    /** Name of its 类. */
    className: functionalName(catalog, code.slice(0, 3), named),
    /** Name of its 款. */
    kindName: functionalName(catalog, code.slice(0, 5), named),
    /** Name of the 项. */
    itemName: functionalName(catalog, code, named),
    /** Its general-public-budget amount compared with the prior year's, with the reason. */
    change: change(amountOf(lines, code), prior.some((l) => l.code === code) ? amountOf(prior, code) : null, { reason: reasonOf(data.reasons.lines, code) }),
  }));
}

export function threePublicComparison(data: DisclosureData) {
  const fiscal = [...g.general_budget, ...g.fund_budget, ...g.state_capital_budget];
  const items = Object.fromEntries(
    THREE_PUBLIC_KEYS.map((k) => [
      k,
      change(ofSources(data.three_public[k], fiscal), ofSources(data.prior.three_public[k], fiscal), { reason: reasonOf(data.reasons.three_public, k) }),
    ]),
  ) as Record<ThreePublicKey, Change> as ThreePublicItems<Change>;
  const totalOf = (m: DisclosureData['three_public']) => sum(THREE_PUBLIC_KEYS.map((k) => ofSources(m[k], fiscal)));
  return {
    ...items,
    /** The “三公” total compared with the prior year's. */
    total: change(totalOf(data.three_public), totalOf(data.prior.three_public)),
  };
}

export function projectCounts(data: DisclosureData) {
  const fiscal = data.projects.filter((p) => (g.fiscal as readonly string[]).includes(p.source));
  const nonfiscal = data.projects.filter((p) => (g.current as readonly string[]).includes(p.source) && !fiscal.includes(p));
  const amount = (ps: typeof fiscal) => sum(ps.map((p) => sum(Object.values(p.economic))));
  return {
    /** 当年财政拨款项目. */
    fiscal: counted(fiscal.length, amount(fiscal)),
    /** 当年非财政拨款项目. */
    nonfiscal: counted(nonfiscal.length, amount(nonfiscal)),
  };
}

/** Projects by 项目类别 (all sources); null when no project gives a category. */
export function projectCategories(data: DisclosureData) {
  if (!data.projects.some((p) => p.category)) return null;
  const of = (category: ProjectCategory) => {
    const ps = data.projects.filter((p) => p.category === category);
    return counted(ps.length, sum(ps.map((p) => sum(Object.values(p.economic)))));
  };
  return {
    /** 人员类项目. */
    personnel: of('personnel'),
    /** 运转类项目. */
    operation: of('operation'),
    /** 特定目标类项目. */
    specific: of('specific'),
  };
}

/** Projects counted, with their budget. */
export interface Counted {
  /** How many projects. */
  count: number;
  /** Their budget in all. */
  amount: Decimal;
}

function counted(count: number, amount: Decimal): Counted {
  return { count, amount };
}

