// compute: typed data → the view the templates read. Every figure is exact; templates round.
import { catalogFor } from '../catalog/index.js';
import type { Decimal } from 'decimal.js';
import type { Count, DisclosureData } from '../model.js';
import { isPlaceholder } from '../placeholder.js';
import { assetsView } from './assets.js';
import { change } from './change.js';
import { basicEconomicComparison, projectEconomicComparison } from './economic-change.js';
import { lineSum, normalizeLines } from './lines.js';
import { meetingTrainingComparison, meetingTrainingTable } from './meeting-training.js';
import { sum } from './money.js';
import {
  classesOf, expenditureComparison, generalBudgetLines, incomeComparison, projectCategories, projectCounts, threePublicComparison,
} from './part3.js';
import { performanceTables } from './performance.js';
import { procurementView } from './procurement.js';
import { GROUPS } from './sources.js';
import { basicProjectTable, splitBudgetTable, table1, table10, table11, table2, table4, table6, table7 } from './tables.js';

export type { Change } from './change.js';

/** The publication date (落款), or a draft's placeholder for it. */
export interface Published {
  /** Year of the publication date; null while it is a placeholder. */
  year: number | null;
  /** Month of the publication date (1–12); null while it is a placeholder. */
  month: number | null;
  /** Day of the publication date; null while it is a placeholder. */
  day: number | null;
  /** The date as YYYY-MM-DD; null while it is a placeholder. */
  iso: string | null;
  /** A draft's 【待填写：…】 in place of the date; null once the date is filled in. */
  placeholder: string | null;
}

/** A head count with its change on the year, as Part 1 words it. */
export interface StaffCount extends Count {
  /** The change is an increase or none (增加); false for a decrease (减少). */
  up: boolean;
  /** The change without its sign. */
  abs: number;
  /** A draft's 【待填写：…】 in place of the change; null once it is filled in. */
  placeholder: string | null;
}

/** One budget's spending (一般公共预算, 政府性基金预算, 国有资本经营预算) in Part 3 四. */
export interface BudgetSpending {
  /** The budget's total (table 4). */
  total: Decimal;
  /** Its 类, each with amount, share and the data's 主要用于 wording. */
  classes: ReturnType<typeof classesOf>;
}

export function compute(data: DisclosureData) {
  const lines = normalizeLines(data.budget);
  const prior = normalizeLines(data.prior.budget);
  const catalog = catalogFor(data);
  const t1 = table1(catalog, lines);
  const t6 = table6(catalog, data.basic_economic);
  const t10 = table10(data.three_public);
  const t7 = table7(catalog, data, lines);
  const [year, month, day] = data.unit.published.split('-').map(Number) as [number, number, number];
  // A draft's date or staffing change may still be a placeholder: the templates show it as is.
  const published: Published = isPlaceholder(data.unit.published)
    ? { year: null, month: null, day: null, iso: null, placeholder: data.unit.published }
    : { year, month, day, iso: data.unit.published, placeholder: null };
  const staffing = data.overview.staffing;
  const count = (c: Count): StaffCount =>
    typeof c.change === 'number'
      ? { ...c, up: c.change >= 0, abs: Math.abs(c.change), placeholder: null }
      : { ...c, up: true, abs: 0, placeholder: c.change };
  const priorCarryover = prior.length ? sum(prior.map((l) => sum(GROUPS.carryover.map((k) => l.all[k])))) : null;
  const priorSum = (keys?: readonly (typeof GROUPS.fiscal)[number][]) => (prior.length ? lineSum(prior, 'all', keys) : null);

  return {
    /** The unit and its year (the data file's `unit:`). */
    unit: {
      ...data.unit,
      /** A 事业单位 (kind institution): Part 3 says 单位运行经费, not 机关运行经费. */
      isInstitution: data.unit.kind === 'institution',
      /** The budget year − 1: the year the comparisons are with, and the assets' date. */
      priorYear: data.unit.year - 1,
      /** The publication date (落款). */
      published,
    },
    /** Part 1 (单位职责及机构设置情况). */
    overview: {
      ...data.overview,
      /** Staffing (人员构成). */
      staffing: {
        /** 编制数. */
        authorized: staffing.authorized,
        /** 实有人数: as given, else 在职 + 退休 + 离休. */
        actual: staffing.actual ?? staffing.serving.count + staffing.retired.count + staffing.honorary_retired.count,
        /** 在职人员. */
        serving: count(staffing.serving),
        /** 退休人员. */
        retired: count(staffing.retired),
        /** 离休人员. */
        honorary_retired: count(staffing.honorary_retired),
      },
    },
    /** Part 2: the figures of the eleven tables (labels and layout: tables.yaml, as `layouts`). */
    tables: {
      /** 表1 收支总体情况表. */
      t1,
      /** 表2 收入总体情况表: by 功能分类, by source of funds. */
      t2: table2(catalog, lines),
      /** 表3 支出总体情况表: 合计, 基本支出, 项目支出. */
      t3: basicProjectTable(catalog, lines),
      /** 表4 财政拨款收支总体情况表. */
      t4: table4(catalog, lines),
      /** 表5 一般公共预算支出情况表. */
      t5: basicProjectTable(catalog, lines, GROUPS.general_budget),
      /** 表6 一般公共预算基本支出情况表, by 经济分类. */
      t6,
      /** 表7 一般公共预算项目支出情况表, by project and 经济分类. */
      t7,
      /** 表8 政府性基金预算支出情况表. */
      t8: splitBudgetTable(catalog, lines, GROUPS.fund_budget),
      /** 表9 国有资本经营预算支出情况表. */
      t9: splitBudgetTable(catalog, lines, GROUPS.state_capital_budget),
      /** 表10 财政拨款“三公”经费支出情况表: each row [财政拨款, 一般公共预算, 政府性基金预算, 国有资本经营预算]. */
      t10,
      /** 表11 上年结转结余情况明细表. */
      t11: table11(catalog, lines),
      /** “三公”经费、会议费、培训费: table 10's items with 会议费 and 培训费 and the prior year (the 10-table set's 表7). */
      t10mt: meetingTrainingTable(data),
    },
    /** Part 3 (情况说明): each figure with its share, change and reason. */
    part3: {
      /** 收支总预算 (table 1's total). */
      total: t1.total,
      /** 收支总预算 compared with the prior year's, with `reasons.total` (the default template words it only with a reason). */
      totalChange: change(t1.total, priorSum(), { reason: data.reasons.total }),
      /** 二、收入预算: each source of income compared with the prior year, with its share of the total. */
      income: incomeComparison(data, lines, prior),
      /** 三、支出预算: 基本支出 and 项目支出 compared with the prior year. */
      expenditure: expenditureComparison(data, lines, prior, undefined, data.reasons.expenditure),
      /** 四、财政拨款收支. */
      fiscal: {
        /** 财政拨款收支总预算. */
        total: t1.groups.fiscal,
        /** 财政拨款收支总预算 compared with the prior year's, with `reasons.fiscal` (the default template words it only with a reason). */
        change: change(t1.groups.fiscal, priorSum(GROUPS.fiscal), { reason: data.reasons.fiscal }),
        /** 一般公共预算拨款. */
        general_budget: { total: t1.groups.general_budget, classes: classesOf(data, lines, GROUPS.general_budget) } as BudgetSpending,
        /** 政府性基金预算拨款. */
        fund_budget: { total: t1.groups.fund_budget, classes: classesOf(data, lines, GROUPS.fund_budget) } as BudgetSpending,
        /** 国有资本经营预算拨款. */
        state_capital_budget: { total: t1.groups.state_capital_budget, classes: classesOf(data, lines, GROUPS.state_capital_budget) } as BudgetSpending,
      },
      /** 五、一般公共预算当年拨款: total, basic and project compared, its 类 and its 项. */
      general_budget: {
        ...expenditureComparison(data, lines, prior, GROUPS.general_budget, data.reasons.general_budget),
        /** （二）结构: each 类 with amount and share. */
        classes: classesOf(data, lines, GROUPS.general_budget),
        /** （三）具体使用: each 项, this year or last, with its change. */
        lines: generalBudgetLines(data, lines, prior),
      },
      /** 八、政府性基金预算拨款: total, basic and project compared. */
      fund_budget: {
        ...expenditureComparison(data, lines, prior, GROUPS.fund_budget),
        /** The reason for the change of the total (`reasons.fund_budget`); null when none is given. */
        reason: data.reasons.fund_budget ?? null,
      },
      /** 九、国有资本经营预算拨款: total, basic and project compared. */
      state_capital_budget: {
        ...expenditureComparison(data, lines, prior, GROUPS.state_capital_budget),
        /** The reason for the change of the total (`reasons.state_capital_budget`); null when none is given. */
        reason: data.reasons.state_capital_budget ?? null,
      },
      /** 六、一般公共预算基本支出 (table 6's totals). */
      basic: {
        /** 基本支出 in all. */
        total: t6.total,
        /** 人员经费 (经济分类 301 and 303). */
        personnel: t6.personnel,
        /** 公用经费 (the other 经济分类). */
        public: t6.public,
        /** Names of the 人员经费 款 with a figure, in code order. */
        personnelNames: t6.personnelNames,
        /** Names of the 公用经费 款 with a figure, in code order. */
        publicNames: t6.publicNames,
        /** Compared by 经济分类 with `prior.basic_economic`; null when that is not given. */
        compared: basicEconomicComparison(catalog, data.basic_economic, data.prior.basic_economic, data.reasons.basic_economic),
      },
      /** 七、一般公共预算项目支出: each project of the general public budget (none when table 7 is empty). */
      projects: t7.rows.length
        ? data.projects
            .filter((p) => (GROUPS.general_budget as readonly string[]).includes(p.source))
            .map((p) => ({
              ...p,
              /** 预算安排规模: the sum of its 经济分类 amounts. */
              amount: sum(Object.values(p.economic)),
              /** 项目承担单位: as given, else the unit. */
              owner: p.owner ?? data.unit.name,
              /** 资金执行时间 as given; null for the template's default (the budget year, 1 月-12 月). */
              period: p.period ?? null,
              /** 项目类别 (personnel 人员类, operation 运转类, specific 特定目标类); null when not given. */
              category: p.category ?? null,
            }))
        : [],
      /** 七: general-public-budget project expenditure by 经济分类 类 compared with `prior.project_economic`; null when that is not given. */
      projectEconomic: projectEconomicComparison(catalog, data),
      /** Projects by 项目类别, where the data gives categories; null otherwise. */
      projectCategories: projectCategories(data),
      /** 十一、上年结转结余 compared with the prior year's. */
      carryover: change(t1.groups.carryover, priorCarryover, { reason: data.reasons.carryover }),
      /** 十二（一）运行经费 (table 6's 公用经费) compared with `prior.operating_expense`. */
      operating_expense: change(t6.public, data.prior.operating_expense, { reason: data.reasons.operating_expense }),
      /** 十、“三公”经费 (财政拨款): each item and the total compared with the prior year. */
      three_public: threePublicComparison(data),
      /** 会议费 and 培训费 (财政拨款) compared with the prior year, as the 三公 items. */
      meeting_training: meetingTrainingComparison(data),
      /** 十二（二）政府采购. */
      procurement: procurementView(data),
      /** 十二（三）国有资产占用使用情况. */
      assets: assetsView(data),
      /** 十二（四）预算绩效: projects funded by 财政拨款 and by other funds, counted and summed. */
      projectCounts: projectCounts(data),
      /** 项目支出绩效目标表: one a project with a `performance:` block. */
      performance: performanceTables(data.projects, data.unit.name),
      /** 十二（五）其他需说明的事项, as given; null for the template's default sentence. */
      other_matters: data.other_matters ?? null,
    },
    /** Part 4 (名词解释). */
    part4: {
      /** Terms the unit adds (`glossary:`), printed after the bundled ones, in the order typed. */
      glossary: data.glossary ?? [],
    },
  };
}

export type View = ReturnType<typeof compute>;
