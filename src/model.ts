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
  /** The number of people (人). */
  count: number;
  /** A placeholder in a draft, until the officer fills it in. */
  change: number | Placeholder;
}

export interface Indicator {
  /** 一级指标 (产出指标, 效益指标, 满意度指标 …). */
  level1: string;
  /** 二级指标 (数量指标, 质量指标 …). */
  level2: string;
  /** 三级指标: the indicator. */
  name: string;
  /** 指标值 (the target, e.g. ≥85%). */
  target: string;
  /** 指标值设定依据. */
  basis: string;
  /** 上年实际完成值 (or the prior-year target). */
  last_year: string;
  /** 分值 (weight), as typed. */
  weight: string;
  /** 评（扣）分标准. */
  scoring: string;
  /** 佐证资料. */
  evidence: string;
}

export interface Performance {
  /** 项目负责人 (the manager). */
  manager: string;
  /** 年度绩效目标. */
  goal: string;
  /** Stated budget, optional: checked against the project's amount. */
  budget?: Decimal;
  /** 绩效指标: one row a 三级指标, in the order typed. */
  indicators: Indicator[];
}

export const PROJECT_ECONOMIC_CLASSES = ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399'] as const;

/** 项目类别, as budget systems classify projects: 人员类 / 运转类 / 特定目标类. */
export const PROJECT_CATEGORIES = ['personnel', 'operation', 'specific'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

export interface Project {
  /** 项目名称. */
  name: string;
  /** 功能分类 项 (7 digits) the project is budgeted under. */
  code: string;
  /** 资金来源 (a source key, default general). */
  source: SourceKey;
  /** Amounts by 经济分类 类 (table 7's columns). */
  economic: Partial<Record<string, Decimal>>;
  /** 设立的政策依据. */
  policy_basis: string;
  owner?: string;
  /** 资金分配情况. */
  allocation: string;
  period?: string;
  /** 项目类别 (人员类/运转类/特定目标类), where the unit gives it. */
  category?: ProjectCategory;
  /** The 项目支出绩效目标表 of the project, when it has one. */
  performance?: Performance;
}

export const THREE_PUBLIC_KEYS = ['overseas', 'vehicle_purchase', 'vehicle_operation', 'reception'] as const;
export type ThreePublicKey = (typeof THREE_PUBLIC_KEYS)[number];
/** 会议费 and 培训费, stated beside the 三公 (`meeting:`, `training:`) by source. */
export const MEETING_TRAINING_KEYS = ['meeting', 'training'] as const;
export type MeetingTrainingKey = (typeof MEETING_TRAINING_KEYS)[number];
/** One value per “三公” item. */
export interface ThreePublicItems<T> {
  /** 因公出国（境）费. */
  overseas: T;
  /** 公务用车购置费. */
  vehicle_purchase: T;
  /** 公务用车运行费. */
  vehicle_operation: T;
  /** 公务接待费. */
  reception: T;
}
export type ThreePublic = Record<ThreePublicKey, SourceMap>;

/** Vehicles of one kind: how many, and their value. */
export interface Vehicles {
  /** Number of vehicles (辆). */
  count: number;
  /** Their value (万元). */
  value: Decimal;
}

export interface Assets {
  /** 房屋 area (平方米) at the end of the prior year. */
  building_area: Decimal;
  /** 房屋 value. */
  building_value: Decimal;
  /** 车辆 by kind: general 一般公务用车, law_enforcement 执法执勤用车, other 其他车辆. */
  vehicles: Record<'general' | 'law_enforcement' | 'other', Vehicles>;
  /** 办公家具 value. */
  furniture: Decimal;
  /** 其他资产 value. */
  other: Decimal;
  /** 单位价值 50 万元以上大型设备 (台). */
  equipment_over_50: number;
  /** 单位价值 100 万元以上大型设备 (套). */
  equipment_over_100: number;
  /** What this year's budget buys. */
  planned: {
    /** 购置车辆经费; zero when none. */
    vehicles: Decimal;
    /** 50 万元以上大型设备 to buy (台). */
    equipment_over_50: number;
    /** 单位价值 100 万元以上大型设备 to buy (台). */
    equipment_over_100: number;
  };
  /** 资产原值 by class, with the stated total the classes must add up to exactly. */
  original_value?: OriginalValue;
}

export interface OriginalValue {
  /** 资产原值合计. */
  total: Decimal;
  /** One a class (房屋和构筑物, 设备 …), named as the unit's asset report names it, in the order typed. */
  classes: { name: string; value: Decimal }[];
}

export interface Procurement {
  /** 政府采购货物预算. */
  goods: Decimal;
  /** 政府采购工程预算. */
  works: Decimal;
  /** 政府采购服务预算. */
  services: Decimal;
  /** 面向中小企业预留政府采购项目预算金额. */
  sme_reserved: Decimal;
  /** 小微企业预留政府采购项目预算金额. */
  small_micro_reserved: Decimal;
  /** 集中采购, where the split by 组织形式 is given (it and `decentralized` add up to the total). */
  centralized?: Decimal;
  /** 分散采购. */
  decentralized?: Decimal;
  /** The procurement budget by source of funds, where given (adding up to the total). */
  sources?: SourceMap;
}

/** 上年政府采购预算, the base of its comparison. */
export interface PriorProcurement {
  /** 上年政府采购货物预算. */
  goods: Decimal;
  /** 上年政府采购工程预算. */
  works: Decimal;
  /** 上年政府采购服务预算. */
  services: Decimal;
}

/** A term a unit adds to Part 4's 名词解释, after the bundled ones. */
export interface GlossaryEntry {
  /** The term (名词), as typed. */
  term: string;
  /** Its explanation, without the term itself. */
  definition: string;
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
  /** The change of 收支总预算 (table 1's total), where the unit words it. */
  total?: string;
  /** The change of 财政拨款收支总预算 (table 4's total), where the unit words it. */
  fiscal?: string;
  /** The change of the procurement budget (with `prior.procurement`). */
  procurement?: string;
  /** Changes by 经济分类 (with `prior.basic_economic`): `personnel` 人员经费, `public` 公用经费, a 类 or 款 code. */
  basic_economic?: Partial<Record<string, string>>;
  /** Changes of project expenditure by 经济分类 类 (with `prior.project_economic`). */
  project_economic?: Partial<Record<string, string>>;
  /** 会议费 and 培训费 (optional, as `meeting:` and `training:`). */
  meeting?: string;
  training?: string;
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
    /** The unit's name (单位名称). */
    name: string;
    /** 预算年度. */
    year: number;
    published: string; // YYYY-MM-DD, or a placeholder (【待填写：公开日期】) in a draft
    /** institution 事业单位 or administrative 行政单位. */
    kind: 'institution' | 'administrative';
  };
  overview: {
    /** 主要职能, one paragraph each. */
    functions: string[];
    /** 下属预算单位 (empty: none). */
    subordinates: string[];
    /** 内设机构. */
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
  /** 会议费 by source (optional; printed beside 三公 where a template shows it). */
  meeting?: SourceMap;
  /** 培训费 by source (optional). */
  training?: SourceMap;
  procurement: Procurement;
  assets: Assets;
  purposes: Partial<Record<string, string>>;
  other_matters?: string;
  prior: {
    budget: BudgetLine[];
    operating_expense: Decimal;
    three_public: ThreePublic;
    /** Prior-year 会议费 and 培训费, by source (optional). */
    meeting?: SourceMap;
    training?: SourceMap;
    /** Prior-year head counts, where known: each `change` of this year's staffing is checked against them. */
    staffing?: Partial<Record<'serving' | 'retired' | 'honorary_retired', number>>;
    /** Last year's table 6 (款; 3-digit keys are stated 类 subtotals), where given: basic expenditure compared by 经济分类. */
    basic_economic?: Partial<Record<string, Decimal>>;
    /** Last year's general-public-budget project expenditure by 经济分类 类 (table 7's columns), where given. */
    project_economic?: Partial<Record<string, Decimal>>;
    /** Last year's procurement budget, where given. */
    procurement?: PriorProcurement;
  };
  reasons: Reasons;
  totals?: StatedTotals;
  /** Codes the unit adds or renames (功能分类 类/款/项, 经济分类 类/款), merged over a shared file it points to. */
  catalog?: UnitCatalog;
  /** Terms the unit adds to Part 4 (名词解释). */
  glossary?: GlossaryEntry[];
}

export interface UnitCatalog {
  /** A shared catalog file (YAML with functional:/economic:), relative to the data file. */
  file?: string;
  functional?: Partial<Record<string, string>>;
  economic?: Partial<Record<string, string>>;
}
