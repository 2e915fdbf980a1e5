// The data file's typed shape: what the loader produces and compute reads.
// Amounts are Decimal in 万元, taken from the YAML source text (never through a JS float).
import type { Decimal } from 'decimal.js';
import type { Placeholder } from './placeholder.js';

/** Sources of funds, at the finest grain any table shows (table 1). */
export const SOURCE_KEYS = [
  'general', // 一般公共预算（一般财力）
  'general_transfer', // 上级一般公共预算安排转移支付
  'fund', // 政府性基金收入
  'fund_transfer', // 上级政府性基金安排转移支付
  'state_capital', // 国有资本经营收入
  'state_capital_transfer', // 上级国有资本经营预算安排转移支付
  'special_account', // 财政专户核拨
  'business', // 事业收入
  'superior_subsidy', // 上级补助收入
  'affiliated', // 附属单位上缴收入
  'operating', // 事业单位经营收入
  'other', // 其他收入
  'carryover_general', // 财政拨款结转：一般公共预算拨款
  'carryover_fund', // 财政拨款结转：基金预算拨款
  'carryover_state_capital', // 财政拨款结转：国有资本经营预算拨款
  'carryover_special_account', // 非财政拨款结转结余：财政专户核拨
  'carryover_unit', // 非财政拨款结转结余：单位资金
] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];
export type SourceMap = Partial<Record<SourceKey, Decimal>>;

/** One line of the budget at 项 level of the functional classification. */
export interface BudgetLine {
  code: string;
  /** Needed only for a code the bundled catalog lacks. */
  name?: string;
  /** 基本支出 when its personnel/public split is not given. */
  basic?: SourceMap;
  personnel?: SourceMap;
  public?: SourceMap;
  project?: SourceMap;
}

export interface Count {
  count: number;
  /** A placeholder in a draft, until the officer fills it in. */
  change: number | Placeholder;
}

export interface Indicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  basis: string;
  last_year: string;
  weight: string;
  scoring: string;
  evidence: string;
}

export interface Performance {
  manager: string;
  goal: string;
  /** Stated budget, optional: checked against the project's amount. */
  budget?: Decimal;
  indicators: Indicator[];
}

export const PROJECT_ECONOMIC_CLASSES = ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399'] as const;

export interface Project {
  name: string;
  code: string;
  source: SourceKey;
  /** Amounts by 经济分类 类 (table 7's columns). */
  economic: Partial<Record<string, Decimal>>;
  policy_basis: string;
  owner?: string;
  allocation: string;
  period?: string;
  performance?: Performance;
}

export const THREE_PUBLIC_KEYS = ['overseas', 'vehicle_purchase', 'vehicle_operation', 'reception'] as const;
export type ThreePublicKey = (typeof THREE_PUBLIC_KEYS)[number];
export type ThreePublic = Record<ThreePublicKey, SourceMap>;

export interface Assets {
  building_area: Decimal;
  building_value: Decimal;
  vehicles: Record<'general' | 'law_enforcement' | 'other', { count: number; value: Decimal }>;
  furniture: Decimal;
  other: Decimal;
  equipment_over_50: number;
  equipment_over_100: number;
  planned: { vehicles: Decimal; equipment_over_50: number; equipment_over_100: number };
}

export interface Procurement {
  goods: Decimal;
  works: Decimal;
  services: Decimal;
  sme_reserved: Decimal;
  small_micro_reserved: Decimal;
}

/** Compared items of Part 3 whose change needs a reason (主要原因). */
export interface Reasons {
  income: Partial<Record<string, string>>;
  expenditure: Partial<Record<'basic' | 'project', string>>;
  general_budget: Partial<Record<'basic' | 'project', string>>;
  lines: Partial<Record<string, string>>;
  fund_budget?: string;
  state_capital_budget?: string;
  carryover?: string;
  operating_expense?: string;
  three_public: Partial<Record<ThreePublicKey, string>>;
}

/**
 * Totals the user states, e.g. copied from the budget system: checked against the computed ones,
 * never shown (the tables always show computed figures). Each key names the figure it is checked against.
 */
export const STATED_TOTALS = {
  income: '收入总计（表 1）',
  expenditure: '支出总计（表 1）',
  fiscal: '财政拨款收支总计（表 4）',
  general_budget: '一般公共预算支出合计（表 5）',
  fund_budget: '政府性基金预算支出合计（表 8）',
  state_capital_budget: '国有资本经营预算支出合计（表 9）',
  basic: '基本支出合计（表 3）',
  project: '项目支出合计（表 3）',
  personnel: '一般公共预算基本支出 人员经费（表 6）',
  public: '一般公共预算基本支出 公用经费（表 6）',
  three_public: '财政拨款“三公”经费合计（表 10）',
  procurement: '政府采购预算合计',
} as const;
export type StatedTotalKey = keyof typeof STATED_TOTALS;
export type StatedTotals = Partial<Record<StatedTotalKey, Decimal>>;

export interface DisclosureData {
  unit: {
    name: string;
    year: number;
    published: string; // YYYY-MM-DD, or a placeholder (【待填写：公开日期】) in a draft
    kind: 'institution' | 'administrative';
  };
  overview: {
    functions: string[];
    subordinates: string[];
    departments: string[];
    staffing: {
      authorized: number;
      actual?: number;
      serving: Count;
      retired: Count;
      honorary_retired: Count;
    };
  };
  budget: BudgetLine[];
  /** 款 (5-digit) amounts; a 3-digit key is a stated 类 subtotal, checked but not added. */
  basic_economic: Partial<Record<string, Decimal>>;
  projects: Project[];
  three_public: ThreePublic;
  procurement: Procurement;
  assets: Assets;
  purposes: Partial<Record<string, string>>;
  other_matters?: string;
  prior: {
    budget: BudgetLine[];
    operating_expense: Decimal;
    three_public: ThreePublic;
    /** Prior-year head counts, where known: each `change` of this year's staffing is checked against them. */
    staffing?: Partial<Record<'serving' | 'retired' | 'honorary_retired', number>>;
  };
  reasons: Reasons;
  totals?: StatedTotals;
  /** Codes the unit adds or renames (功能分类 类/款/项, 经济分类 类/款), merged over a shared file it points to. */
  catalog?: UnitCatalog;
}

export interface UnitCatalog {
  /** A shared catalog file (YAML with functional:/economic:), relative to the data file. */
  file?: string;
  functional?: Partial<Record<string, string>>;
  economic?: Partial<Record<string, string>>;
}
